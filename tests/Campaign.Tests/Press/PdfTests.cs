using System.Text;
using Campaign.Site;
using Campaign.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Tokens;

namespace Campaign.Tests.Press;

/// <summary>The press campaign built once with its reports printed by Chromium (the costly part, shared by the PDF tests).
/// Without Chromium nothing is printed, and reading any member skips the running test with the reason.</summary>
public sealed class PrintedReports : IDisposable
{
    private readonly TestCampaign _campaign = new(PressCampaign.All);
    private readonly BuildResult? _result;

    public TestCampaign Campaign { get { RequiredTools.RequireChromium(); return _campaign; } }
    public string Cache => Path.Combine(Campaign.Root, "cache");
    public BuildResult Result { get { RequiredTools.RequireChromium(); return _result!; } }

    public PrintedReports()
    {
        if (RequiredTools.HasChromium)
            _result = SiteBuilder.Build(_campaign.Options() with { Pdf = PdfMode.Required, CacheDir = Path.Combine(_campaign.Root, "cache"), Chromium = RequiredTools.Chromium });
    }

    public byte[] Pdf(string lang) => File.ReadAllBytes(Path.Combine(Campaign.Output, "downloads", $"watch.{lang}.pdf"));

    public void Dispose() => _campaign.Dispose();
}

/// <summary>Report PDFs printed from the report page: text, headings in both languages, tags, outline, metadata, cache.</summary>
public sealed class PdfTests(PrintedReports printed) : IClassFixture<PrintedReports>
{
    private static string Text(PdfDocument doc) =>
        string.Join("\n", doc.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))).Normalize(NormalizationForm.FormKC);

    [Fact]
    public void Each_report_is_printed_in_each_language_and_linked_from_its_page()
    {
        Assert.True(printed.Result.Succeeded, string.Join("\n", printed.Result.Diagnostics));
        foreach (var lang in new[] { "en", "zh" })
        {
            Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(printed.Pdf(lang)[..5]));
            printed.Campaign.AssertFile($"{lang}/reports/watch/index.html", "../../../downloads/watch.en.pdf\n../../../downloads/watch.zh.pdf");
        }
    }

    [Fact]
    public void Extracted_text_has_the_cover_and_the_headings_in_the_report_language()
    {
        using var en = PdfDocument.Open(printed.Pdf("en"));
        var enText = Text(en);
        Assert.Contains("Watching the Watchers", enText);
        Assert.Contains("Overview of cameras", enText);
        Assert.Contains("Export rules", enText);
        Assert.Contains("A source.", enText); // the footnote
        var cover = ContentOrderTextExtractor.GetText(en.GetPage(1));
        Assert.Contains("TST 01/2020", cover);
        Assert.Contains("21 September 2020", cover);
        Assert.Contains("CC BY 4.0", cover);
        Assert.DoesNotContain("Overview of cameras", cover); // the body starts after the cover and contents pages

        using var zh = PdfDocument.Open(printed.Pdf("zh"));
        var zhText = Text(zh);
        // Extracted as the real characters, not Kangxi radical look-alikes (which NFKC would not turn into these).
        Assert.Contains("人脸识别概述", zhText);
        Assert.Contains("出口规则", zhText);
        Assert.Contains("监视监视者", zhText);
    }

    [Fact]
    public void Pages_carry_a_running_footer_with_page_numbers()
    {
        using var en = PdfDocument.Open(printed.Pdf("en"));
        Assert.True(en.NumberOfPages >= 3, $"{en.NumberOfPages} pages: expected cover, contents and body");
        for (var n = 1; n <= en.NumberOfPages; n++)
            Assert.Contains($"{n} / {en.NumberOfPages}", ContentOrderTextExtractor.GetText(en.GetPage(n)));
    }

    [Fact]
    public void The_pdf_is_tagged_has_an_outline_of_the_headings_and_title_and_language_metadata()
    {
        foreach (var (lang, langTag, title, heading) in new[] { ("en", "en", "Watching the Watchers", "Overview of cameras"), ("zh", "zh-Hans", "监视监视者", "人脸识别概述") })
        {
            using var doc = PdfDocument.Open(printed.Pdf(lang));
            var catalog = doc.Structure.Catalog.CatalogDictionary;
            Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot), "no structure tree: the PDF is not tagged");
            Assert.True(catalog.TryGet(NameToken.MarkInfo, doc.Structure.TokenScanner, out DictionaryToken? markInfo));
            Assert.True(markInfo!.TryGet(NameToken.Marked, out BooleanToken marked) && marked.Data);
            Assert.True(catalog.TryGet(NameToken.Create("Lang"), doc.Structure.TokenScanner, out StringToken? language));
            Assert.Equal(langTag, language!.Data);
            Assert.StartsWith(title, doc.Information.Title);
            Assert.True(doc.TryGetBookmarks(out var bookmarks), "no outline");
            var titles = bookmarks!.GetNodes().Select(b => b.Title.Normalize(NormalizationForm.FormKC)).ToList();
            Assert.Contains(heading, titles);
        }
    }

    [Fact]
    public void Printing_writes_only_the_output_folder_and_finished_PDFs_in_the_cache()
    {
        // The cache is the one place besides output/ that a build writes to (README, "--cache"); printing leaves
        // no work files there, only one PDF per printed report and language, named by the hash of its input.
        Assert.Equal(["cache", "input", "output"],
            Directory.EnumerateFileSystemEntries(printed.Campaign.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        var cached = Directory.EnumerateFileSystemEntries(printed.Cache, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(printed.Cache, p).Replace('\\', '/')).ToList();
        Assert.All(cached, p => Assert.Matches("^pdf(/[0-9a-f]{32}\\.pdf)?$", p));
        Assert.Equal(2, cached.Count(p => p.EndsWith(".pdf", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unchanged_report_is_taken_from_the_cache_without_printing_again()
    {
        var before = printed.Pdf("zh");
        using var again = new TestCampaign(PressCampaign.All);
        // No Chromium at all, yet --require-pdf succeeds: every PDF comes from the cache.
        var result = SiteBuilder.Build(again.Options() with { Pdf = PdfMode.Required, CacheDir = printed.Cache, Chromium = "/nonexistent/chromium" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(again.Output, "downloads", "watch.zh.pdf")));

        // A changed report is not in the cache: it needs printing, and without Chromium that fails.
        again.Write("reports/watch.zh.md", File.ReadAllText(Path.Combine(again.Input, "reports/watch.zh.md")).Replace("规则失效了。", "规则已经失效。"));
        var changed = SiteBuilder.Build(again.Options() with { Pdf = PdfMode.Required, CacheDir = printed.Cache, Chromium = "/nonexistent/chromium" });
        Assert.Contains(changed.Diagnostics, d => d.Code == "CMP090" && d.IsError);
    }

    [Fact]
    public void Printing_stamps_the_report_date_instead_of_the_clock()
    {
        var text = Encoding.Latin1.GetString(printed.Pdf("en"));
        Assert.Contains("/CreationDate (D:20200921000000", text);
        Assert.DoesNotContain("/CreationDate (D:2026", text);
    }
}

/// <summary>Without Chromium: a warning and no PDF link, or an error with <c>--require-pdf</c>; off means no warning.</summary>
public sealed class PdfWithoutChromiumTests : IDisposable
{
    private readonly TestCampaign _campaign = new(PressCampaign.All);

    public void Dispose() => _campaign.Dispose();

    private BuildResult Build(PdfMode mode) =>
        SiteBuilder.Build(_campaign.Options() with { Pdf = mode, Chromium = "/nonexistent/chromium", CacheDir = Path.Combine(_campaign.Root, "cache") });

    [Fact]
    public void Without_chromium_the_build_warns_and_links_no_pdf()
    {
        var result = Build(PdfMode.Auto);
        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "CMP090");
        Assert.False(warning.IsError);
        _campaign.AssertFile("en/reports/watch/index.html", "! .pdf\"\n! report-downloads");
        Assert.False(_campaign.Exists("downloads/watch.en.pdf"));
    }

    [Fact]
    public void Without_chromium_require_pdf_is_an_error_and_nothing_is_written()
    {
        var result = Build(PdfMode.Required);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP090" && d.IsError);
        Assert.False(Directory.Exists(_campaign.Output));
    }

    [Fact]
    public void With_pdfs_off_there_is_no_warning_and_supplied_pdfs_are_still_published()
    {
        _campaign.Write("reports/watch.zh.pdf", "%PDF-1.4 supplied");
        var result = Build(PdfMode.Off);
        Assert.True(result.Succeeded);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("CMP09", StringComparison.Ordinal));
        Assert.True(_campaign.Exists("downloads/watch.zh.pdf"));
        Assert.False(_campaign.Exists("downloads/watch.en.pdf"));
    }

    [Fact]
    public void The_command_line_refuses_no_pdf_with_require_pdf()
    {
        var run = CliRun.Run("build", "--input", _campaign.Input, "--output", _campaign.Output, "--no-pdf", "--require-pdf");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-pdf", run.Error);
    }
}
