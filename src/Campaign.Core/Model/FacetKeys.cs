namespace Campaign.Core.Model;

/// <summary>
/// The facets findings are browsed by, each a URL segment under <c>/&lt;lang&gt;/findings/</c> (so no finding may take one
/// as its id), and where a finding is filed by place: named once here for the loader's checks and the site's pages.
/// </summary>
public static class FacetKeys
{
    public const string Kind = "kind";
    public const string Company = "company";
    public const string Technology = "technology";
    public const string BuyerType = "buyer-type";
    public const string Place = "place";
    public const string Year = "year";
    public const string Licence = "licence";

    /// <summary>The facets, in the order the index and the filter show them.</summary>
    public static readonly string[] All = [Kind, Company, Technology, BuyerType, Place, Year, Licence];

    /// <summary>Where a finding is filed, with the field each place comes from: its province and city, or its country when it is nationwide.</summary>
    public static IEnumerable<(string Field, LocalizedText Place)> Places(Finding f) =>
        f.Buyer.Province is null && f.Buyer.City is null
            ? [("country", f.Country)]
            : new[] { ("buyer.province", f.Buyer.Province), ("buyer.city", f.Buyer.City) }.Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!));
}
