namespace Campaign.Cli.Scaffold;

/// <summary>
/// The files that travel with the command, beside <c>campaign.dll</c> (see Campaign.Cli.csproj): the default theme, and
/// the sample's <c>site.yaml</c>, <c>i18n/</c> and <c>vocabularies.yaml</c>, which <c>new-site</c> and <c>generate</c> start from.
/// </summary>
public static class ToolFiles
{
    /// <summary>The theme installed with the command.</summary>
    public static string Theme => Path.Combine(AppContext.BaseDirectory, "theme");

    /// <summary>The sample campaign's site files installed with the command.</summary>
    public static string Starter => Path.Combine(AppContext.BaseDirectory, "starter");

    /// <summary>
    /// The theme a build of <paramref name="inputDir"/> uses without <c>--theme</c>: null (the build's own default,
    /// <c>theme/</c> beside the input folder) when that folder exists or no theme came with the command, else the
    /// installed theme, so that a campaign folder of its own builds as it is.
    /// </summary>
    public static string? DefaultTheme(string inputDir)
    {
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputDir))!, "theme");
        return Directory.Exists(beside) || !Directory.Exists(Path.Combine(Theme, "layouts")) ? null : Theme;
    }
}
