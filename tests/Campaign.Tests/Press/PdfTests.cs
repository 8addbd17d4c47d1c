using System.Text;
using Campaign.Site;
using Campaign.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Tokens;

namespace Campaign.Tests.Press;

/// <summary>
/// A campaign whose report is long enough to fill several pages in each language, with a subtitle, keywords, an
/// identity (the mark drawn in a colour of its own, so the cover can be looked for it), a sub-section, text in the
/// other script, and notes with a bare address and a named link.
/// </summary>
public static class PrintCampaign
{
    /// <summary>The mark's colour, which nothing else on the cover uses (the accent is another).</summary>
    public static readonly (byte R, byte G, byte B) MarkColour = (0x6a, 0x1b, 0x9a);

    private static string Filler(string paragraph, int count) => string.Join("\n\n", Enumerable.Repeat(paragraph, count));

    private const string English = "Cameras with long lenses were installed on lamp posts at every crossing of the city, and each of them " +
        "sent its pictures to a control room where officers could follow a person from one street to the next without a break.";

    private const string Chinese = "城市的每个路口都在灯杆上安装了长焦摄像头，每台摄像头都把画面传到指挥中心，警员可以不间断地从一条街跟踪一个人到下一条街。";

    public static string All => PressCampaign.Site + """

        identity:
          mark: mark.svg
          accent: "#0a5c36"
        -- assets/card.png --
        not really a png
        -- assets/mark.svg --
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#6a1b9a"/></svg>
        -- reports/watch.en.md --
        ---
        title: "Watching the Watchers"
        subtitle: "Cameras, contracts and the rules that failed"
        date: 2020-09-21
        summary: A report about cameras.
        authors: [Test Organisation]
        index_number: TST 01/2020
        licence: CC BY 4.0
        keywords: [cameras, export rules]
        ---
        ## Overview of cameras {#overview}

        Cameras were sold to the Shanghai Public Security Bureau (上海市公安局).[^1]

        """ + Filler(English, 9) + """


        ## Export rules {#rules}

        The rules failed.[^2]

        """ + Filler(English, 7) + """


        ### Licences nobody asked for {#licences}

        """ + Filler(English, 8) + """


        ## What should change {#change}

        **Every sale needs a licence.**

        [^1]: A source, <https://example.org/source/one>.
        [^2]: [The regulation](https://example.org/regulation/) on the official site.
        -- reports/watch.zh.md --
        ---
        title: 监视监视者
        subtitle: 摄像头、合同和失效的规则
        date: 2020-09-21
        summary: 关于摄像头的报告。
        authors: [测试组织]
        index_number: TST 01/2020
        keywords: [摄像头, 出口规则]
        ---
        ## 人脸识别概述 {#overview}

        摄像头被出售给了上海市公安局（Shanghai Public Security Bureau）。[^1]

        """ + Filler(Chinese, 14) + """


        ## 出口规则 {#rules}

        规则失效了。

        """ + Filler(Chinese, 12) + """


        ## Axis Communications 的摄像头 {#axis}

        **每一笔交易都需要许可证。**

        [^1]: 资料来源：<https://example.org/source/one>。
        """;
}

/// <summary>The print campaign built once with its reports printed by Chromium (the costly part, shared by the PDF tests).
/// Without Chromium nothing is printed, and reading any member skips the running test with the reason.</summary>
public sealed class PrintedReports : IDisposable
{
    private readonly TestCampaign _campaign = new(PrintCampaign.All);
    private readonly BuildResult? _result;

    public TestCampaign Campaign { get { RequiredTools.RequireChromium(); return _campaign; } }
    public string Cache => Path.Combine(Campaign.Root, "cache");
    public BuildResult Result { get { RequiredTools.RequireChromium(); return _result!; } }

    public PrintedReports()
    {
        if (RequiredTools.HasChromium)
            _result = SiteBuilder.Build(_campaign.Options() with { Pdf = PdfMode.Required, CacheDir = Path.Combine(_campaign.Root, "cache"), Chromium = RequiredTools.Chromium, SocialCards = false });
    }

    public byte[] Pdf(string lang) => File.ReadAllBytes(PdfFile(lang));

    public string PdfFile(string lang) => Path.Combine(Campaign.Output, "downloads", $"watch.{lang}.pdf");

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
        Assert.Contains("A source,", enText); // the footnote
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

    [Theory]
    [InlineData("en", "Test Organisation", "Watching the Watchers", "Cameras, contracts and the rules that failed", "21 September 2020")]
    [InlineData("zh", "测试组织", "监视监视者", "摄像头、合同和失效的规则", "2020年9月21日")]
    public void The_cover_has_the_organisation_title_subtitle_index_number_date_licence_and_the_mark(string lang, string organisation, string title, string subtitle, string date)
    {
        var cover = Poppler.Lines("pdftotext", "-layout", "-f", "1", "-l", "1", printed.PdfFile(lang), "-");
        var text = string.Join("\n", cover);
        Assert.Equal(organisation, cover[0].Trim()); // at the top, beside the mark
        foreach (var expected in new[] { title, subtitle, "TST 01/2020", date }) Assert.Contains(expected, text);
        if (lang == "en") Assert.Contains("CC BY 4.0", text); // the Chinese report gives no licence
        Assert.DoesNotContain(cover, l => System.Text.RegularExpressions.Regex.IsMatch(l.Trim(), @"^1\s*/\s*\d+$")); // no page number, no running head
        Assert.DoesNotContain(cover, l => l.Contains(title, StringComparison.Ordinal) && l.Contains("TST 01/2020", StringComparison.Ordinal));

        // The mark is drawn in the top left corner of the cover, in its own colour.
        var (width, height, pixels) = Poppler.Render(printed.PdfFile(lang), page: 1, dpi: 30);
        var marked = 0;
        for (var y = 0; y < height / 5; y++)
            for (var x = 0; x < width / 3; x++)
            {
                var i = (y * width + x) * 3;
                if (Math.Abs(pixels[i] - PrintCampaign.MarkColour.R) < 12 && Math.Abs(pixels[i + 1] - PrintCampaign.MarkColour.G) < 12 && Math.Abs(pixels[i + 2] - PrintCampaign.MarkColour.B) < 12) marked++;
            }
        Assert.True(marked > 100, $"{marked} pixels of the mark's colour at the top left of the cover");
    }

    [Theory]
    [InlineData("en", "Watching the Watchers")]
    [InlineData("zh", "监视监视者")]
    public void Every_page_after_the_cover_has_the_running_head_and_its_number(string lang, string title)
    {
        var pages = PageCount(lang);
        Assert.True(pages >= 4, $"{pages} pages: expected cover, contents and a body of more than one page");
        for (var n = 2; n <= pages; n++)
        {
            var lines = Poppler.Lines("pdftotext", "-layout", "-f", $"{n}", "-l", $"{n}", printed.PdfFile(lang), "-");
            Assert.Contains(title, lines[0]);
            Assert.Contains("TST 01/2020", lines[0]);
            Assert.Equal($"{n}/{pages}", lines[^1].Replace(" ", "", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("en", 4)]
    [InlineData("zh", 3)]
    public void The_contents_give_the_page_each_section_starts_on(string lang, int entries)
    {
        var contents = Poppler.Lines("pdftotext", "-layout", "-f", "2", "-l", "2", printed.PdfFile(lang), "-")
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\s*(?:\d+\.\s+)?(?<text>\S.*?)\s{2,}(?<page>\d+)$"))
            .Where(m => m.Success).Select(m => (Text: m.Groups["text"].Value, Page: int.Parse(m.Groups["page"].Value))).ToList();
        Assert.Equal(entries, contents.Count);
        Assert.True(contents.Select(c => c.Page).Distinct().Count() >= 2, "the sections start on different pages: " + string.Join(", ", contents));
        foreach (var (heading, page) in contents)
        {
            static string Squash(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
            var onPage = Poppler.Lines("pdftotext", "-layout", "-f", $"{page}", "-l", $"{page}", printed.PdfFile(lang), "-").Skip(1).Select(Squash);
            Assert.True(onPage.Any(l => l == Squash(heading)), $"`{heading}` is not on page {page}, as the contents say");
        }
    }

    [Fact]
    public void Fonts_a_bold_face_a_latin_face_and_a_cjk_face_are_embedded_in_each_edition()
    {
        foreach (var lang in new[] { "en", "zh" })
        {
            var fonts = Poppler.Lines("pdffonts", printed.PdfFile(lang)).Skip(2).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            Assert.All(fonts, f => Assert.Contains("yes", f)); // embedded
            var names = fonts.Select(f => f[0]).ToList();
            Assert.Contains(names, n => n.EndsWith("+NotoSans-Bold", StringComparison.Ordinal) || n.EndsWith("+DejaVuSans-Bold", StringComparison.Ordinal));
            Assert.Contains(names, n => n.EndsWith("+NotoSans-Regular", StringComparison.Ordinal) || n.EndsWith("+DejaVuSans", StringComparison.Ordinal));
            Assert.Contains(names, n => n.EndsWith("+WenQuanYiZenHei", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("en", "Watching the Watchers", "Test Organisation", "A report about cameras.", "cameras, export rules", "en")]
    [InlineData("zh", "监视监视者", "测试组织", "关于摄像头的报告。", "摄像头, 出口规则", "zh-Hans")]
    public void The_metadata_give_title_without_the_site_name_author_subject_keywords_and_language(string lang, string title, string author, string subject, string keywords, string tag)
    {
        var info = Poppler.Lines("pdfinfo", printed.PdfFile(lang)).Where(l => l.Contains(':')).ToDictionary(l => l[..l.IndexOf(':')], l => l[(l.IndexOf(':') + 1)..].Trim());
        Assert.Equal(title, info["Title"]);
        Assert.Equal(author, info["Author"]);
        Assert.Equal(subject, info["Subject"]);
        Assert.Equal(keywords, info["Keywords"]);
        Assert.Equal("campaign", info["Creator"]);
        Assert.Equal("yes", info["Tagged"]);
        Assert.Equal("yes", info["Metadata Stream"]);
        var xmp = string.Join("\n", Poppler.Lines("pdfinfo", "-meta", printed.PdfFile(lang)));
        Assert.Contains($"<dc:language><rdf:Bag><rdf:li>{tag}</rdf:li></rdf:Bag></dc:language>", xmp);
        Assert.Contains($"<rdf:li xml:lang=\"x-default\">{title}</rdf:li>", xmp);
        Assert.DoesNotContain("Mozilla", Encoding.Latin1.GetString(printed.Pdf(lang))); // not even in the superseded dictionary
    }

    [Fact]
    public void The_metadata_update_leaves_a_well_formed_pdf_by_qpdf()
    {
        // The metadata and corrected bookmarks are appended to Chromium's bytes as an incremental update, written by
        // hand (PdfMetadata): qpdf checks its cross-reference section and every object of the file.
        var qpdf = RequiredTools.RequireOnPath("qpdf", "qpdf");
        foreach (var lang in new[] { "en", "zh" })
        {
            var start = new System.Diagnostics.ProcessStartInfo(qpdf, ["--check", printed.PdfFile(lang)]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = System.Diagnostics.Process.Start(start)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, output);
            Assert.Contains("No syntax or stream encoding errors found", output);
        }
    }

    [Fact]
    public void The_notes_have_their_heading_and_print_each_address_once()
    {
        var en = string.Join("\n", Poppler.Lines("pdftotext", "-layout", printed.PdfFile("en"), "-"));
        Assert.Matches(@"(?m)^\s*Notes\s*$", en);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(en, "https://example.org/source/one"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(en, "https://example.org/regulation/")); // after its link's text
        Assert.Contains("The regulation (https://example.org/regulation/)", en);
        var zh = string.Join("\n", Poppler.Lines("pdftotext", "-layout", printed.PdfFile("zh"), "-"));
        Assert.Matches(@"(?m)^\s*注释\s*$", zh);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(zh, "https://example.org/source/one"));
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
            Assert.Equal(title, doc.Information.Title);
            Assert.True(doc.TryGetBookmarks(out var bookmarks), "no outline");
            var titles = bookmarks!.GetNodes().Select(b => b.Title.Normalize(NormalizationForm.FormKC)).ToList();
            Assert.Contains(heading, titles);
            Assert.Contains(title, titles);
            // Each bookmark is named as its heading reads: none doubled ("NotesNotes"), none run together across a line break.
            Assert.All(titles, t => Assert.False(t.Length % 2 == 0 && t[..(t.Length / 2)] == t[(t.Length / 2)..], $"doubled bookmark `{t}`"));
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
        using var again = new TestCampaign(PrintCampaign.All);
        // No Chromium at all, yet --require-pdf succeeds: every PDF comes from the cache.
        var result = SiteBuilder.Build(again.Options() with { Pdf = PdfMode.Required, CacheDir = printed.Cache, Chromium = "/nonexistent/chromium", SocialCards = false });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(again.Output, "downloads", "watch.zh.pdf")));

        // A changed report is not in the cache: it needs printing, and without Chromium that fails.
        again.Write("reports/watch.zh.md", File.ReadAllText(Path.Combine(again.Input, "reports/watch.zh.md")).Replace("规则失效了。", "规则已经失效。"));
        var changed = SiteBuilder.Build(again.Options() with { Pdf = PdfMode.Required, CacheDir = printed.Cache, Chromium = "/nonexistent/chromium", SocialCards = false });
        Assert.Contains(changed.Diagnostics, d => d.Code == "CMP090" && d.IsError);
    }

    [Fact]
    public void Printing_stamps_the_report_date_instead_of_the_clock()
    {
        var text = Encoding.Latin1.GetString(printed.Pdf("en"));
        Assert.Contains("/CreationDate (D:20200921000000", text);
        Assert.DoesNotContain("/CreationDate (D:2026", text);
    }

    private int PageCount(string lang) =>
        int.Parse(Poppler.Lines("pdfinfo", printed.PdfFile(lang)).First(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim());
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
