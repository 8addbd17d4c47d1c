using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary><c>campaign check</c>: validations, links and anchors over a temporary build; advice as warnings; exit codes.</summary>
public sealed class CheckCommandTests
{
    private static CliRun Check(TestCampaign c, params string[] more) =>
        CliRun.Run(["check", "--input", c.Input, "--theme", Repo.Theme, "--now", "2026-11-25", .. more]);

    private const string Pages = """
        -- pages/about.en.md --
        ---
        title: About
        menu: 1
        ---
        ## Who we are

        Read [the method](/methodology/#sources) and [the other page](/nowhere/).
        -- pages/methodology.en.md --
        ---
        title: Method
        ---
        ## How we worked

        Text.
        """;

    [Fact]
    public void Broken_links_and_anchors_are_errors_naming_the_page_and_its_file()
    {
        using var c = new TestCampaign(Pages);
        var run = Check(c);
        Assert.Equal(1, run.ExitCode);
        OutputAssert.Contains(run.Error, """
            en/about/index.html: error CMP110: The link on en/about/index.html leads to en/nowhere/index.html, which the site does not have. (fix the link in pages/about.en.md, or add the page it points to)
            error CMP111: The link `../methodology/index.html#sources` on en/about/index.html points to #sources, but en/methodology/index.html has no heading or element with that id.
            zh/about/index.html: error CMP110
            Fix the errors above
            Nothing was written to output/.
            """, "stderr");
        Assert.False(Directory.Exists(c.Output), "check must not write output/");
    }

    [Fact]
    public void A_clean_campaign_passes_with_exit_0_and_a_summary()
    {
        // With a base_url, so the two warnings counted are the two missing translations (no CMP100).
        using var c = new TestCampaign("-- site.yaml --\n" + TestCampaign.DefaultSite + "\nbase_url: https://example.org/\n" +
            Pages.Replace("/methodology/#sources", "/methodology/#how-we-worked").Replace(" and [the other page](/nowhere/)", ""));
        var run = Check(c);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("CMP100", run.Error);
        OutputAssert.Contains(run.Out, """
            Checked 
            : 0 errors, 2 warnings.
            No errors. Nothing was written to output/.
            """, "stdout");
    }

    [Fact]
    public void Images_without_alt_text_and_skipped_heading_levels_are_warnings_with_their_lines()
    {
        using var c = new TestCampaign("""
            -- assets/camera.png --
            not really a picture
            -- pages/about.en.md --
            ---
            title: About
            ---
            ## Who we are

            #### Too deep

            ![](/assets/camera.png)
            """);
        var run = Check(c, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        var warnings = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("file").GetString()}:{d.GetProperty("line").GetInt32()} {d.GetProperty("code").GetString()}").ToList();
        Assert.Contains("pages/about.en.md:6 CMP114", warnings);
        Assert.Contains("pages/about.en.md:8 CMP113", warnings);
        Assert.True(json.RootElement.GetProperty("pages").GetInt32() > 0);
    }

    [Fact]
    public void Sources_without_an_archived_copy_are_warned_about()
    {
        using var c = new TestCampaign("""
            -- companies/acme.en.md --
            ---
            name: Acme
            country: France
            summary: Makes cameras.
            ---
            Profile.
            -- findings/acme.yaml --
            id: acme-one
            title: { en: Acme sale, zh: Acme 销售 }
            company: acme
            product: { en: Camera, zh: 摄像头 }
            technology: network-cameras
            buyer: { name: { en: A police bureau, zh: 某公安局 }, type: police }
            country: { en: China, zh: 中国 }
            years: 2015
            summary: { en: A sale., zh: 一次销售。 }
            licence: unknown
            sources:
              - title: A news article
                url: https://example.org/article
            reviewed: 2026-11-01
            """);
        var run = Check(c);
        OutputAssert.Contains(run.Error, """
            findings/acme.yaml:1:1: warning CMP112: Source 1 of finding acme-one (`A news article`) has no archived copy. [sources.archived_url]
            """, "stderr");
    }

    [Fact]
    public void Content_errors_fail_the_check_with_exit_1()
    {
        using var c = new TestCampaign("""
            -- updates/x.en.md --
            ---
            title: X
            date: tomorrow
            kind: news
            ---
            Text.
            """);
        var run = Check(c);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("updates/x.en.md:3:7: error CMP006", run.Error);
        Assert.Contains("links were not checked because the site does not build", run.Error);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        using var c = new TestCampaign("");
        var run = Check(c, "--format", "xml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format `xml` is not known", run.Error);
    }
}

/// <summary><c>campaign check</c> exits 3, as <c>build</c> does, when the disk refuses the temporary build, not 1 as for content errors.</summary>
public sealed class CheckDiskFailureTests
{
    [Fact]
    public void A_temporary_folder_that_cannot_be_made_is_exit_3_with_the_disk_named()
    {
        using var c = new TestCampaign("");
        var notAFolder = Path.Combine(c.Root, "scratch");
        File.WriteAllText(notAFolder, "a file where the temporary folder should go");
        var report = Campaign.Cli.Commands.CheckCommand.Check(c.Options(), null, scratch: notAFolder);
        Assert.False(report.Ok);
        Assert.Equal(3, report.ExitCode);
        Assert.Contains(report.Diagnostics, d => d.IsError && d.Location?.File.Contains("scratch", StringComparison.Ordinal) == true);
        Assert.Equal(0, CliRun.Run("check", "--input", c.Input, "--theme", Repo.Theme, "--now", "2026-11-25").ExitCode);
    }
}
