using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Tests.Findings;
using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Names that become paths of the site: too long for a file system, reserved on Windows, or one name on macOS and
/// Windows though two on Linux. Each is refused while loading, naming file, line and field, before anything is written.
/// </summary>
public sealed class PathNameTests
{
    private static string LongAscii(int n) => string.Concat(Enumerable.Range(0, n).Select(i => (char)('a' + i % 26)));

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var found = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}:\n" + string.Join("\n", diagnostics));
        return found[0];
    }

    private static CliRun Build(TestCampaign c) =>
        CliRun.Run("build", "--input", c.Input, "--output", c.Output, "--theme", Repo.Theme, "--now", "2026-11-25", "--no-pdf");

    private static void AssertRefused(CliRun run, TestCampaign c, string expected)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.False(Directory.Exists(c.Output), "nothing may be written");
    }

    private const string About = """
        -- pages/about.en.md --
        ---
        title: About
        ---
        About us.

        """;

    [Fact]
    public void A_300_character_slug_is_refused_with_file_line_and_field_not_a_stack_trace()
    {
        using var c = new TestCampaign(About.Replace("title: About", "title: About\nslug: " + LongAscii(300)));
        var run = Build(c);
        AssertRefused(run, c, "pages/about.en.md:3:7: error CMP140: The slug `abcdefghijklmnopqrstuvwxyzabcdefghijklmn…` is 300 bytes long in UTF-8; a name in a path may be at most 100 bytes. [slug] (shorten it");
        var d = Single(c.Build().Diagnostics, "CMP140");
        Assert.Equal(("pages/about.en.md", 3, "slug"), (d.Location!.File, d.Location.Line, d.Field));
    }

    [Fact]
    public void A_90_character_chinese_slug_counts_as_270_bytes()
    {
        using var c = new TestCampaign(About.Replace("title: About", "title: About\nslug: " + new string('监', 90)));
        var result = c.Build();
        // The slug rule (Slugs) may refuse non-ASCII letters first; either way the slug is refused at its field, never written.
        var d = Assert.Single(result.Diagnostics, d => d.Code is "CMP140" or "CMP016");
        Assert.Equal(("pages/about.en.md", 3, "slug"), (d.Location!.File, d.Location.Line, d.Field));
        if (d.Code == "CMP140") Assert.Contains("is 270 bytes long in UTF-8", d.Message);
        Assert.False(Directory.Exists(c.Output));
    }

    [Fact]
    public void A_folder_name_in_chinese_is_measured_in_bytes_not_characters()
    {
        using var c = new TestCampaign(About);
        c.WriteBytes($"assets/{new string('图', 40)}/chart.png", [0x89, 0x50, 0x4E, 0x47]);
        var d = Single(c.Build().Diagnostics, "CMP140");
        Assert.Equal($"assets/{new string('图', 40)}/chart.png", d.Location!.File);
        Assert.Contains("is 120 bytes long in UTF-8", d.Message);
        Assert.False(Directory.Exists(c.Output));
    }

    [Fact]
    public void A_300_character_finding_id_is_refused_at_the_id()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml.Replace("id: acme-guilin-2015", "id: " + LongAscii(300)));
        var run = Build(c);
        AssertRefused(run, c, "findings/acme.yaml:1:7: error CMP140: The finding id `abcdefghijklmnopqrstuvwxyzabcdefghijklmn…` is 300 bytes long");
        var d = Single(c.Build().Diagnostics, "CMP140");
        Assert.Equal(("findings/acme.yaml", 1, "id"), (d.Location!.File, d.Location.Line, d.Field));
    }

    [Fact]
    public void A_300_character_place_is_refused_at_the_buyer()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml.Replace("city: { en: Guilin,", "city: { en: Guilin" + LongAscii(300) + ","));
        var run = Build(c);
        AssertRefused(run, c, "error CMP140: The place (as a URL segment) `guilinabcdefghijklmnopqrstuvwxyzabcdefgh…` is 306 bytes long");
        var d = Single(c.Build().Diagnostics, "CMP140");
        Assert.Equal(("findings/acme.yaml", 10, "buyer.city"), (d.Location!.File, d.Location.Line, d.Field));
    }

    [Fact]
    public void An_output_path_longer_than_240_bytes_is_refused()
    {
        using var c = new TestCampaign(About);
        var deep = $"assets/{LongAscii(80)}/{LongAscii(80)}/{LongAscii(80)}/letter.pdf";
        c.Write(deep, "%PDF-1.4");
        var run = Build(c);
        AssertRefused(run, c, "error CMP141: ");
        var d = Single(c.Build().Diagnostics, "CMP141");
        Assert.Equal(deep, d.Location!.File);
        Assert.Contains("would be written at a path of 260 bytes; a file of the site may be at most 240 bytes", d.Message);
    }

    [Theory]
    [InlineData("pages/con.en.md", "file name `con.en.md`", "CON")]
    [InlineData("pages/aux.en.md", "file name `aux.en.md`", "AUX")]
    [InlineData("assets/Lpt9.png", "asset name `Lpt9.png`", "LPT9")]
    [InlineData("assets/press/NUL", "asset name `NUL`", "NUL")]
    public void Windows_device_names_are_refused_in_any_case_with_or_without_extension(string file, string what, string device)
    {
        using var c = new TestCampaign(About);
        c.Write(file, file.EndsWith(".md") ? "---\ntitle: T\n---\nText.\n" : "x");
        var run = Build(c);
        AssertRefused(run, c, $"{file}: error CMP142: The {what} cannot be a file or folder name on Windows: Windows reserves `{device}` for a device, with any extension.");
        Assert.Contains("(choose another name (not CON, PRN, AUX, NUL, COM1–COM9 or LPT1–LPT9", run.Error);
    }

    [Fact]
    public void A_device_name_as_slug_or_finding_id_is_refused_at_the_field()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml.Replace("id: acme-guilin-2015", "id: com1")
            + About.Replace("title: About", "title: About\nslug: prn"));
        var diagnostics = c.Build().Diagnostics.Where(d => d.Code == "CMP142").ToList();
        Assert.Contains(diagnostics, d => d.Location is { File: "findings/acme.yaml", Line: 1 } && d.Field == "id" && d.Message.Contains("`COM1`"));
        Assert.Contains(diagnostics, d => d.Location is { File: "pages/about.en.md", Line: 3 } && d.Field == "slug" && d.Message.Contains("`PRN`"));
        Assert.False(Directory.Exists(c.Output));
    }

    [Fact]
    public void A_name_ending_in_a_space_is_refused()
    {
        using var c = new TestCampaign(About);
        c.Write("assets/logo /mark.png", "x");
        var d = Single(c.Build().Diagnostics, "CMP142");
        Assert.Equal("assets/logo /mark.png", d.Location!.File);
        Assert.Contains("Windows drops a name's final space", d.Message);
    }

    [Fact]
    public void Asset_names_that_differ_only_in_case_collide()
    {
        using var c = new TestCampaign(About);
        c.Write("assets/Logo.png", "one");
        c.Write("assets/logo.png", "two");
        var run = Build(c);
        AssertRefused(run, c, "assets/logo.png: error CMP143: The asset `logo.png` (assets/logo.png) and `Logo.png` (assets/Logo.png) differ only in case or Unicode form; on macOS and Windows they are one file.");
    }

    [Fact]
    public void Names_in_nfc_and_nfd_collide()
    {
        using var c = new TestCampaign(About);
        var nfc = "caf\u00e9.png";
        var nfd = "cafe\u0301.png";
        Assert.NotEqual(nfc, nfd);
        Assert.Equal(nfc, nfd.Normalize(NormalizationForm.FormC));
        c.Write("assets/" + nfc, "one");
        c.Write("assets/" + nfd, "two");
        var d = Single(c.Build().Diagnostics, "CMP143");
        Assert.Contains("differ only in case or Unicode form", d.Message);
        Assert.False(Directory.Exists(c.Output));
    }

    [Fact]
    public void Pages_whose_slugs_differ_only_in_case_are_refused()
    {
        using var c = new TestCampaign(About + """
            -- pages/About.en.md --
            ---
            title: About again
            ---
            Again.
            """);
        // The slug rule (Slugs) may refuse capitals outright; either way `About` is refused and nothing is written.
        var result = c.Build();
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP016" && d.Location?.File == "pages/About.en.md"
            || d.Code == "CMP143" && d.Message.Contains("(pages/About.en.md)") && d.Message.Contains("(pages/about.en.md)"));
        Assert.False(Directory.Exists(c.Output));
    }

    [Fact]
    public void Ordinary_names_pass()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml + About.Replace("title: About", "title: About\nslug: " + LongAscii(100)));
        c.Write("assets/console.png", "x"); // starts with CON, but is not CON
        c.Write("assets/com10.txt", "x");
        var result = c.BuildOk();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "CMP140" or "CMP141" or "CMP142" or "CMP143");
        Assert.True(c.Exists($"en/{LongAscii(100)}/index.html"));
    }
}

/// <summary>The check of every planned path before writing, behind the content checks: a path made some other way is a diagnostic.</summary>
public sealed class OutputPathTests
{
    [Fact]
    public void Planned_paths_over_the_limits_are_reported_and_short_ones_pass()
    {
        var diagnostics = new Campaign.Core.Diagnostics.DiagnosticList();
        Assert.True(Campaign.Site.Emit.OutputPaths.Check(["en/index.html", $"en/{new string('a', 100)}/index.html"], diagnostics));
        Assert.Empty(diagnostics.Sorted());

        Assert.False(Campaign.Site.Emit.OutputPaths.Check([$"en/{new string('b', 101)}/index.html", $"en/{new string('c', 90)}/{new string('d', 90)}/{new string('e', 90)}/x.json"], diagnostics));
        var found = diagnostics.Sorted();
        Assert.All(found, d => Assert.Equal("CMP141", d.Code));
        Assert.Contains(found, d => d.Message.Contains("the name `bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…` is 101 bytes, more than 100"));
        Assert.Contains(found, d => d.Message.Contains("its path is 282 bytes, more than 240") && d.Message.Contains("nothing was written"));
    }
}
