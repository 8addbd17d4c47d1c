using System.Text;
using System.Text.RegularExpressions;
using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary>
/// The campaigner's guide (docs/guide.md) shows real messages: each mistake of its section 7 is made on a copy of
/// the sample campaign, and every line the guide prints in that section appears, exactly, in what the tool prints.
/// </summary>
public sealed partial class GuideTests
{
    [GeneratedRegex("```\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fenced();

    /// <summary>The lines of the fenced blocks of the guide's "most common mistakes" section.</summary>
    private static List<string> Shown()
    {
        var guide = File.ReadAllText(Repo.Path_("docs", "guide.md")).Replace("\r\n", "\n");
        var section = guide[guide.IndexOf("## 7.", StringComparison.Ordinal)..];
        return Fenced().Matches(section).SelectMany(m => m.Groups[1].Value.Split('\n')).Where(l => l.Trim().Length > 0).ToList();
    }

    [Fact]
    public void Every_message_the_guide_shows_is_what_the_tool_prints()
    {
        using var copy = new CampaignCopy();
        var output = Path.Combine(copy.Root, "output");
        CliRun Run(params string[] args) => CliRun.Run([.. args, "--input", copy.Input, "--now", "2026-11-25", .. args[0] == "new" ? [] : new[] { "--theme", copy.Theme }]);
        var printed = new StringBuilder();
        void Fails(params string[] args)
        {
            var run = Run(args);
            Assert.True(run.ExitCode == 1, $"{string.Join(' ', args)} exited {run.ExitCode}:\n{run.Out}{run.Error}");
            printed.Append(run.Out).Append(run.Error);
        }

        Assert.Equal(0, Run("new", "update", "parliament-vote").ExitCode);
        Assert.Equal(0, Run("new", "finding", "axis-test-sale", "--company", "axis").ExitCode);
        const string Update = "updates/parliament-vote.en.md";
        var original = File.ReadAllText(copy.InputFile(Update));

        // 1. A date in the wrong format.
        copy.Edit(Update, "date: 2026-11-25 ", "date: 25/11/2026 ");
        Fails("build", "--output", output, "--no-pdf");
        // 2. A required field commented out.
        copy.Write(Update, original);
        copy.Edit(Update, "\ntitle:", "\n# title:");
        Fails("build", "--output", output, "--no-pdf");
        // 3. A typing mistake in a value from a list.
        copy.Write(Update, original);
        copy.Edit(Update, "kind: news", "kind: pres-release");
        Fails("build", "--output", output, "--no-pdf");
        // 4. A colon inside a value.
        copy.Write(Update, original);
        copy.Write("updates/colon.en.md", "---\ntitle: Update: the vote\ndate: 2026-11-25\nkind: news\n---\nText.\n");
        Fails("build", "--output", output, "--no-pdf");
        File.Delete(copy.InputFile("updates/colon.en.md"));
        // 5. A company that does not exist, and a link to a page that does not exist.
        copy.Edit("findings/axis-test-sale.yaml", "company: axis ", "company: axiss");
        Fails("build", "--output", output, "--no-pdf");
        copy.Edit("findings/axis-test-sale.yaml", "company: axiss", "company: axis ");
        // The guide says to delete `draft: true` when the update is ready; a draft is not built, so its links are not checked.
        var ready = string.Join("\n", original.Split('\n').Where(l => !l.StartsWith("draft:", StringComparison.Ordinal)));
        copy.Write(Update, ready + "\nRead [the report](/reports/out-of-contrl/).\n");
        Fails("check");

        var shown = Shown();
        Assert.True(shown.Count >= 6, "the guide's section 7 shows no messages");
        var lines = printed.ToString().Replace("\r\n", "\n").Split('\n').ToHashSet(StringComparer.Ordinal);
        foreach (var line in shown)
            Assert.True(lines.Contains(line), $"The guide shows a line the tool does not print:\n{line}\n\nThe tool printed:\n{printed}");
    }
}
