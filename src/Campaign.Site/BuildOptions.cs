namespace Campaign.Site;

/// <summary>Everything a build depends on besides the input files; nothing in the pipeline reads the clock or the environment.</summary>
/// <param name="Now">The moment embargoes and "last updated" are judged against (<c>--now</c>).</param>
/// <param name="Drafts">Include pages whose embargo or publish date is still ahead, marked as not yet public.</param>
/// <param name="ThemeDir">The theme folder; defaults to <c>theme/</c> beside the input folder.</param>
public sealed record BuildOptions(
    string InputDir,
    string OutputDir,
    DateTimeOffset Now,
    bool Drafts = false,
    string? ThemeDir = null)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public string Theme => ThemeDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(InputDir))!, "theme");
}
