using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Whatever a value or file name holds, what the command prints holds no raw control character: ESC[2J would
/// clear the campaigner's terminal and ESC]0;…BEL retitle it. They are shown as <c>\u001B</c> instead.
/// </summary>
public sealed class TerminalEscapeTests
{
    private static void AssertNoControls(CliRun run)
    {
        foreach (var (name, text) in new[] { ("stdout", run.Out), ("stderr", run.Error) })
            Assert.False(text.Any(c => char.IsControl(c) && c is not '\n' and not '\r'), $"{name} holds a control character:\n{run.Error}");
    }

    [Fact]
    public void An_escape_sequence_in_a_value_is_printed_visibly()
    {
        using var c = new TestCampaign("""
            -- updates/x.en.md --
            ---
            title: News
            date: 2020-09-21
            kind: "\e[2J\e]0;PWNED\anews"
            ---
            Body.
            """);
        var run = CliRun.Run("build", "--input", c.Input, "--output", c.Output, "--theme", Repo.Theme, "--now", "2026-11-25");
        Assert.Equal(1, run.ExitCode);
        AssertNoControls(run);
        // The escapes decode to ESC and BEL, which are refused at the value and removed before anything prints it.
        Assert.Contains("updates/x.en.md:4:7: error CMP137: An escape sequence in this quoted value stands for a character that cannot be published. [kind]", run.Error);
        Assert.Contains("error CMP007: `[2J]0;PWNEDnews`", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        HostileOutput.NothingWritten(c);
    }

    [Fact]
    public void An_escape_character_in_a_file_name_is_printed_visibly()
    {
        using var c = new TestCampaign("");
        c.Write("updates/\u001B[2Jx.en.md", "---\ntitle: News\ndate: 2020-09-21\nkind: news\n---\nBody.\n");
        var run = CliRun.Run("check", "--input", c.Input, "--theme", Repo.Theme, "--now", "2026-11-25");
        AssertNoControls(run);
        Assert.Contains(@"\u001B[2Jx", run.Out + run.Error);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Visible_escapes_controls_and_bidi_overrides_but_keeps_line_breaks()
    {
        Assert.Equal(@"a\u001Bb\u0007c\u202Ed" + "\n", Campaign.Cli.Console.Visible("a\u001Bb\u0007c\u202Ed\n"));
        Assert.Equal("人脸识别 plain", Campaign.Cli.Console.Visible("人脸识别 plain"));
    }

    [Fact]
    public void An_escape_in_an_argument_is_printed_visibly_by_search_translations_and_new()
    {
        using var c = new TestCampaign("");
        const string escape = "\u001b]0;owned\u0007";
        var runs = new[]
        {
            CliRun.Run("search", "--lang", "en" + escape, "--output", c.Output, "cameras"),
            CliRun.Run("translations", "--input", c.Input, "--mark-current", "updates/x" + escape + ".zh.md"),
            CliRun.Run("new", "update", "x" + escape, "--input", c.Input),
        };
        foreach (var run in runs)
        {
            Assert.NotEqual(0, run.ExitCode);
            AssertNoControls(run);
            // The refused name is shown, its controls made visible (`new`'s slug check still writes them as U+001B: one form is left to do).
            Assert.Matches(@"(\\u|U\+)001B\]0;owned(\\u|U\+)0007", run.Error);
        }
    }
}
