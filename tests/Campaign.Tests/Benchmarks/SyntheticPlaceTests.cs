using System.Text.RegularExpressions;
using Campaign.Generate;
using Campaign.Tests.Support;

namespace Campaign.Tests.Benchmarks;

/// <summary>
/// The generator's buyers' places read as a campaigner writes them: the city alone in its field, so the site's place
/// (city with province) reads 北境省琥珀市, and the buyer's name and the title name the city in its province.
/// </summary>
public sealed class SyntheticPlaceTests(ITestOutputHelper output)
{
    private const int Findings = 40;
    private const int Seed = 1;

    private static readonly Regex Province = new("[\u4e00-\u9fff]{2}省");

    [Fact]
    public void A_generated_city_is_the_city_alone_and_the_buyer_names_it_in_its_province()
    {
        var placed = SyntheticCampaign.Create(Findings, Seed).Findings.Where(f => f.City is not null).ToList();
        Assert.NotEmpty(placed);
        Assert.All(placed, f =>
        {
            Assert.DoesNotMatch(Province, f.City!.Zh);
            Assert.StartsWith(f.Province!.Zh + f.City.Zh, f.BuyerName.Zh); // 北境省琥珀市公安局
            Assert.Contains(f.Province.Zh + f.City.Zh, f.Title.Zh);
            Assert.Contains($"({f.Province.En})", f.City.En); // the place's key, one per city and province
        });
    }

    [Fact]
    public void The_built_site_writes_a_generated_place_with_its_province_once()
    {
        var placed = SyntheticCampaign.Create(Findings, Seed).Findings.Where(f => f.City is not null).ToList();
        using var site = new GeneratedSite(Findings, Seed, output.WriteLine);
        var pages = Directory.EnumerateFiles(Path.Combine(site.Output, "zh", "findings"), "*.html", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToList();
        var all = string.Join("\n", pages);
        // the findings list's place column: 北境省琥珀市, as 广西桂林 in the sample
        Assert.All(placed, f => Assert.Contains($"<td>{f.Province!.Zh}{f.City!.Zh}</td>", all));
        var doubled = new Regex("([\u4e00-\u9fff]{2}省)\\1");
        Assert.DoesNotMatch(doubled, all);
    }
}
