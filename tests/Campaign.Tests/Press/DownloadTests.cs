using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Campaign.Tests.Support;

namespace Campaign.Tests.Press;

/// <summary>Every download is listed with its size and SHA-256, in SHA256SUMS too, and every download link resolves.</summary>
public sealed class DownloadTests : IDisposable
{
    private readonly TestCampaign _campaign = new(PressCampaign.All + """

        -- reports/watch.en.pdf --
        %PDF-1.4 supplied English report
        -- reports/watch.zh.pdf --
        %PDF-1.4 supplied Chinese report 中文
        """);

    public void Dispose() => _campaign.Dispose();

    private string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_campaign.Output, path))));

    private long Size(string path) => new FileInfo(Path.Combine(_campaign.Output, path)).Length;

    [Fact]
    public void A_supplied_pdf_is_published_as_it_is_and_listed_on_the_report_page_in_both_languages()
    {
        _campaign.BuildOk();
        Assert.Equal(File.ReadAllBytes(Path.Combine(_campaign.Input, "reports/watch.zh.pdf")),
            File.ReadAllBytes(Path.Combine(_campaign.Output, "downloads/watch.zh.pdf")));
        foreach (var lang in new[] { "en", "zh" })
            _campaign.AssertFile($"{lang}/reports/watch/index.html", $"""
                <a class="download" href="../../../downloads/watch.en.pdf" data-size="{Size("downloads/watch.en.pdf")}" data-sha256="{Sha("downloads/watch.en.pdf")}"
                <a class="download" href="../../../downloads/watch.zh.pdf" data-size="{Size("downloads/watch.zh.pdf")}" data-sha256="{Sha("downloads/watch.zh.pdf")}"
                <code class="hash">{Sha("downloads/watch.zh.pdf")}</code>
                ! letters/reply.pdf
                """);
    }

    [Fact]
    public void Sha256sums_lists_every_download_with_its_real_hash_and_nothing_else()
    {
        _campaign.BuildOk();
        var lines = _campaign.Read("SHA256SUMS").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["assets/letters/reply.pdf", "downloads/watch.en.pdf", "downloads/watch.zh.pdf"], lines.Select(l => l[66..]));
        foreach (var line in lines)
        {
            Assert.Equal("  ", line[64..66]);
            Assert.Equal(Sha(line[66..]), line[..64]);
        }
    }

    [Fact]
    public void No_download_link_on_any_page_points_to_a_missing_file_or_states_a_wrong_size_or_hash()
    {
        _campaign.BuildOk();
        var parser = new HtmlParser();
        var checkedLinks = 0;
        foreach (var file in Directory.EnumerateFiles(_campaign.Output, "*.html", SearchOption.AllDirectories))
        {
            var doc = parser.ParseDocument(File.ReadAllText(file));
            foreach (var a in doc.QuerySelectorAll("a.download, a[href$='SHA256SUMS']"))
            {
                var href = a.GetAttribute("href")!;
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, href));
                Assert.True(File.Exists(target), $"{Path.GetRelativePath(_campaign.Output, file)} links {href}, which is missing");
                if (a.GetAttribute("data-sha256") is { } sha)
                {
                    Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(target))), sha);
                    Assert.Equal(new FileInfo(target).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), a.GetAttribute("data-size"));
                }
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks >= 10, $"only {checkedLinks} download links found");
    }

    [Fact]
    public void Without_a_pdf_the_report_page_has_no_download_section()
    {
        _campaign.Delete("reports/watch.en.pdf");
        _campaign.Delete("reports/watch.zh.pdf");
        _campaign.BuildOk();
        _campaign.AssertFile("en/reports/watch/index.html", "! report-downloads\n! .pdf\"");
        Assert.False(Directory.Exists(Path.Combine(_campaign.Output, "downloads")));
    }

    [Fact]
    public void A_pdf_without_its_report_is_not_published_and_the_build_says_why()
    {
        _campaign.Write("reports/watch-2019.en.pdf", "%PDF-1.4 a report that was renamed");
        var result = _campaign.BuildOk();
        var warning = Assert.Single(result.Diagnostics, d => d.Location?.File == "reports/watch-2019.en.pdf");
        Assert.Equal("CMP017", warning.Code);
        Assert.False(warning.IsError);
        Assert.Contains("no report beside it", warning.Message);
        Assert.Contains("reports/my-report.en.pdf", warning.Hint);
        Assert.False(_campaign.Exists("downloads/watch-2019.en.pdf"));
        Assert.DoesNotContain("watch-2019", _campaign.Read("SHA256SUMS"));
    }

    [Fact]
    public void A_supplied_pdf_linked_from_outside_the_campaign_is_refused_once_and_not_published()
    {
        var outside = Path.Combine(_campaign.Root, "secret.pdf");
        File.WriteAllText(outside, "%PDF-1.4 not for publication");
        _campaign.Delete("reports/watch.en.pdf");
        File.CreateSymbolicLink(Path.Combine(_campaign.Input, "reports", "watch.en.pdf"), outside);
        var result = _campaign.Build();
        var refusal = Assert.Single(result.Diagnostics, d => d.Location?.File == "reports/watch.en.pdf");
        Assert.Equal("CMP144", refusal.Code);
        Assert.DoesNotContain("secret", refusal.Message);
        Assert.False(_campaign.Exists("downloads/watch.en.pdf"));
    }
}
