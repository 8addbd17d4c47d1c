using Campaign.Generate;

namespace Campaign.Benchmarks.Search;

/// <summary>A query of the search benchmark, with the pages it must find where that is meaningful (otherwise none).</summary>
public sealed record BenchQuery(string Lang, string Text, IReadOnlyList<string> ExpectedPages);

/// <summary>
/// The fixed query set for generated campaigns, taken from <see cref="SyntheticText"/>'s vocabulary so every query
/// has matches: words, names and phrases in English and Chinese (人脸识别 is the technology label of the findings), and
/// a mixed query (Chinese findings carry their English tags). Expected pages are given only where the answer is a
/// small set known from the generator: the findings bought by the public security bureau of Amber City (琥珀市公安局,
/// names no dictionary knows); the other queries match hundreds of pages, where recall says nothing.
/// </summary>
public static class SearchQuerySet
{
    public static IReadOnlyList<BenchQuery> For(SyntheticCampaign campaign)
    {
        IReadOnlyList<string> Buyer(string lang, Func<Bilingual, string> pick, string name) =>
            [.. campaign.Findings.Where(f => pick(f.BuyerName).Contains(name, StringComparison.Ordinal)).Select(f => $"/{lang}/findings/{f.Id}/")];
        var companies = campaign.Companies;
        var queries = new List<BenchQuery>
        {
            new("en", "camera", []),
            new("en", "face matching", []),
            new("en", "emotion analysis tool", []),
            new("en", "public tender", []),
            new("en", "public security bureau", []),
            new("en", "Amber City", []),
            new("en", "facial recognition police", []),
            new("zh", "摄像头", []),
            new("zh", "人脸识别", []),
            new("zh", "人脸比对", []),
            new("zh", "情绪分析工具", []),
            new("zh", "公开招标", []),
            new("zh", "琥珀市公安局", Buyer("zh", b => b.Zh, "琥珀市公安局")),
            new("en", "public security bureau of Amber City", Buyer("en", b => b.En, "public security bureau of Amber City")),
            new("zh", "police 人脸识别", []),
        };
        // a company by its full name in each language (its findings carry the name in their titles too)
        foreach (var c in companies.Take(2))
        {
            queries.Add(new("en", c.Name.En, []));
            queries.Add(new("zh", c.Name.Zh, []));
        }
        return [.. queries.OrderBy(q => q.Lang, StringComparer.Ordinal)];
    }
}
