using AngleSharp.Html.Parser;
using Campaign.Site.Downloads;
using Campaign.Tests.Support;

namespace Campaign.Tests.Press;

/// <summary>One way of writing a file's size, on every page and in every language (the press page once said 20.9 KB where the data page said 21.4 kB).</summary>
public sealed class SizeFormatTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(1000, "1.0 kB")]
    [InlineData(21_400, "21.4 kB")]
    [InlineData(999_949, "999.9 kB")]
    [InlineData(999_950, "1.0 MB")]
    [InlineData(2_500_000, "2.5 MB")]
    [InlineData(3_000_000_000, "3.0 GB")]
    public void Sizes_are_written_in_decimal_units_with_one_decimal(long bytes, string text) =>
        Assert.Equal(text, ByteSize.Text(bytes));

    [Fact]
    public void The_press_report_and_data_pages_write_the_same_size_for_the_same_file_in_both_languages()
    {
        var parser = new HtmlParser();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var lang in new[] { "en", "zh" })
        {
            foreach (var page in new[] { $"{lang}/press/index.html", $"{lang}/reports/out-of-control/index.html" })
                foreach (var a in parser.ParseDocument(site.Read(page)).QuerySelectorAll("a.download[data-size]"))
                {
                    var bytes = long.Parse(a.GetAttribute("data-size")!, System.Globalization.CultureInfo.InvariantCulture);
                    var shown = a.ParentElement!.ParentElement!.QuerySelector($"data[value='{bytes}']")?.TextContent
                        ?? a.ParentElement.QuerySelector($"data[value='{bytes}']")?.TextContent;
                    Assert.Equal(ByteSize.Text(bytes), shown);
                    seen[a.GetAttribute("href")!.Split("/")[^1]] = shown!;
                }
            var data = site.Read($"{lang}/data/index.html");
            foreach (var name in new[] { "findings.csv", "findings.json" })
            {
                Assert.True(seen.TryGetValue(name, out var text), $"the press page lists no {name}");
                Assert.Contains($"<dd>{text} ", data);
            }
        }
        Assert.DoesNotContain(" KB", string.Concat(Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText)));
    }
}
