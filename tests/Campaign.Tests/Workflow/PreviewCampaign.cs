using Campaign.Site;
using Campaign.Site.Preview;
using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary>
/// A <see cref="TestCampaign"/> with its own copy of the theme, rebuilt as <c>campaign serve</c> does: one
/// <see cref="BuildSession"/> kept across builds into <see cref="TestCampaign.Output"/>. <see cref="Rebuild"/> also makes
/// a full build of the same input and fails the test when the two output folders differ in any byte.
/// </summary>
public sealed class PreviewCampaign : IDisposable
{
    public TestCampaign Campaign { get; }
    public BuildSession Session { get; } = new();
    public string Theme => Path.Combine(Campaign.Root, "theme");

    public PreviewCampaign(string files)
    {
        Campaign = new TestCampaign(files);
        CampaignCopy.CopyDir(Repo.Theme, Theme);
    }

    public BuildOptions Options => Campaign.Options() with { ThemeDir = Theme };

    /// <summary>A preview rebuild that must succeed and equal a full build; <paramref name="step"/> names it in a failure.</summary>
    public BuildResult Rebuild(string step)
    {
        var result = SiteBuilder.Build(Options, Session);
        Assert.True(result.Succeeded, $"{step}: " + string.Join("\n", result.Diagnostics));
        AssertSameAsFullBuild(step);
        return result;
    }

    /// <summary>A preview rebuild that may fail (a broken edit), without the comparison.</summary>
    public BuildResult RebuildOnly() => SiteBuilder.Build(Options, Session);

    public void AssertSameAsFullBuild(string step)
    {
        var full = Path.Combine(Campaign.Root, "full");
        var result = SiteBuilder.Build(Options with { OutputDir = full });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        FolderDiff.AssertSame(full, Campaign.Output, step);
    }

    public void EditTheme(string relative, Func<string, string> edit)
    {
        var path = Path.Combine(Theme, relative);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
    }

    public void Dispose() => Campaign.Dispose();
}
