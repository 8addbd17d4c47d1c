using System.Text.RegularExpressions;
using Campaign.Core.Diagnostics;
using Campaign.Tests.Support;

namespace Campaign.Tests.Diagnostics;

/// <summary>
/// Warnings that are true and fixes that work: a file that exists but fails to load is not also warned as a missing translation,
/// and every `campaign …` command a hint prints runs, as printed, with exit code 0.
/// </summary>
public sealed partial class TrueWarningsTests
{
    private const string Good = """
        ---
        title: Meeting
        date: 2020-09-21
        kind: news
        ---
        Body.
        """;

    private const string Broken = """
        ---
        title: Meeting
        date: 2020-09-21
        kind: news
        	companies: [axis]
        ---
        Body.
        """;

    private static IReadOnlyList<Diagnostic> Diagnostics(string files)
    {
        using var campaign = new TestCampaign(files);
        return campaign.Build().Diagnostics;
    }

    [Fact]
    public void A_translation_that_fails_to_load_has_its_error_and_no_missing_translation_warning()
    {
        var diagnostics = Diagnostics($"-- updates/meeting.en.md --\n{Good}\n-- updates/meeting.zh.md --\n{Broken}\n");
        var d = Assert.Single(diagnostics, d => d.Location?.File is "updates/meeting.zh.md" or "updates/meeting.en.md");
        Assert.Equal("CMP002", d.Code);
        Assert.Equal("updates/meeting.zh.md", d.Location!.File);
        Assert.DoesNotContain(diagnostics, x => x.Code == "CMP020");
    }

    [Fact]
    public void A_source_that_fails_to_load_has_its_error_and_no_missing_translation_warning()
    {
        var diagnostics = Diagnostics($"-- updates/meeting.en.md --\n{Broken}\n-- updates/meeting.zh.md --\n{Good}\n");
        var d = Assert.Single(diagnostics, d => d.Location?.File is "updates/meeting.zh.md" or "updates/meeting.en.md");
        Assert.Equal("CMP002", d.Code);
        Assert.Equal("updates/meeting.en.md", d.Location!.File);
    }

    [Fact]
    public void A_missing_source_language_is_hinted_with_a_command_that_writes_it()
    {
        var diagnostics = Diagnostics($"-- updates/meeting.zh.md --\n{Good}\n");
        var d = Assert.Single(diagnostics, d => d.Code == "CMP020");
        Assert.Equal("add updates/meeting.en.md (campaign new update meeting)", d.Hint);
    }

    [GeneratedRegex(@"campaign [a-z][^)`]*")]
    private static partial Regex Command();

    /// <summary>Broken or half-translated campaigns whose diagnostics print commands.</summary>
    public static TheoryData<string> Campaigns => new()
    {
        $"-- updates/meeting.en.md --\n{Good}\n",
        $"-- updates/meeting.zh.md --\n{Good}\n",
        $"-- updates/meeting.en.md --\n{Good}\n-- updates/meeting.zh.md --\n{Broken}\n-- pages/about.en.md --\n---\ntitle: About\n---\nText.\n",
        $"-- updates/meeting.en.md --\n{Broken}\n-- updates/meeting.zh.md --\n{Good}\n-- pages/about.zh.md --\n---\ntitle: 关于\n---\n正文。\n",
        "-- companies/axis.en.md --\n---\nname: Axis\ncountry: Sweden\nsummary: Cameras.\n---\nText.\n-- pages/about.en.md --\n---\ntitle: About\n---\nText.\n-- pages/broken.en.md --\ntitle: no fence\n",
    };

    [Theory]
    [MemberData(nameof(Campaigns))]
    public void Every_command_a_hint_prints_runs_as_printed(string files)
    {
        using var campaign = new TestCampaign(files);
        var diagnostics = campaign.Build().Diagnostics;
        var hints = diagnostics.Select(d => d.Hint ?? "").Concat(diagnostics.Select(d => d.Message));
        var commands = hints.SelectMany(h => Command().Matches(h).Select(m => m.Value.Trim())).Distinct().ToList();
        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            // As printed, run in the campaign's folder: the input folder is given, as `campaign` finds it there.
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Concat(["--input", campaign.Input, "--now", "2026-11-25"]).ToArray();
            var run = CliRun.Run(args);
            Assert.True(run.ExitCode == 0, $"`{command}` exited {run.ExitCode}:\n{run.Error}");
        }
    }
}
