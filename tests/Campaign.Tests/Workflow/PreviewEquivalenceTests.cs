using Campaign.Site;
using Campaign.Site.Preview;
using Campaign.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Campaign.Tests.Workflow;

/// <summary>
/// The live preview's promise, as a property: after any sequence of edits, additions and deletions, a rebuild with the
/// session kept from the builds before (as <c>campaign serve</c> does) leaves the output folder byte-identical to a
/// full build of the same input. This is what catches a memo key that misses a field its value reads.
/// </summary>
public sealed class PreviewEquivalenceTests
{
    // Fixed, so a failure found once is found again; FsCheck then shrinks it to the shortest sequence that fails. To explore
    // further, set CAMPAIGN_PREVIEW_SEED and CAMPAIGN_PREVIEW_SEQUENCES (e.g. 7 and 200) and run this class alone.
    private static readonly ulong Seed = ulong.TryParse(Environment.GetEnvironmentVariable("CAMPAIGN_PREVIEW_SEED"), out var s) ? s : 19;
    private static readonly int Sequences = int.TryParse(Environment.GetEnvironmentVariable("CAMPAIGN_PREVIEW_SEQUENCES"), out var n) ? n : 12;

    [Fact]
    public void Every_preview_rebuild_equals_a_full_build_of_the_same_input()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(Sequences)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed), FSharpOption<int>.None)));
        Prop.ForAll(PreviewEdit.Sequences, edits => Run(edits)).Check(config);
    }

    /// <summary>Builds the initial campaign, then applies each edit and compares preview and full build after every rebuild.</summary>
    private static void Run(PreviewEdit[] edits)
    {
        var root = Path.Combine(Path.GetTempPath(), "campaign-preview-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            CampaignCopy.CopyDir(Repo.Theme, Path.Combine(root, "theme"));
            var campaign = EditedCampaign.Initial();
            var files = campaign.Files();
            EditedCampaign.WriteChanges(root, null, files);
            var session = new BuildSession();
            var steps = new List<string> { "the first build" };
            Compare(root, campaign, session, steps);
            foreach (var edit in edits)
            {
                steps.Add($"{edit}: {edit.Apply(campaign)}");
                var next = campaign.Files();
                EditedCampaign.WriteChanges(root, files, next);
                files = next;
                Compare(root, campaign, session, steps);
            }
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static void Compare(string root, EditedCampaign campaign, BuildSession session, List<string> steps)
    {
        var options = new BuildOptions(Path.Combine(root, "input"), Path.Combine(root, "preview"), campaign.Now, false, Path.Combine(root, "theme"));
        var history = string.Join("\n  ", steps);
        var full = SiteBuilder.Build(options with { OutputDir = Path.Combine(root, "full") });
        Assert.True(full.Succeeded, $"the full build failed after\n  {history}\n{string.Join("\n", full.Diagnostics)}");
        var preview = SiteBuilder.Build(options, session);
        Assert.True(preview.Succeeded, $"the preview rebuild failed after\n  {history}\n{string.Join("\n", preview.Diagnostics)}");
        Assert.Equal(string.Join("\n", full.Diagnostics), string.Join("\n", preview.Diagnostics));
        var difference = FolderDiff.FirstDifference(Path.Combine(root, "full"), Path.Combine(root, "preview"));
        Assert.True(difference is null, $"the preview differs from a full build after\n  {history}\n{difference}");
    }
}
