using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Campaign.Core.Model;
using Campaign.Site.Routing;

namespace Campaign.Site.Findings;

/// <summary>One value of a facet (a company, a year, a place) and the findings that have it.</summary>
/// <param name="Key">The value as the data holds it (<c>axis</c>, <c>2015</c>, the default-language place name).</param>
/// <param name="Slug">The URL segment of its page (<c>/en/findings/company/axis/</c>).</param>
/// <param name="Members">Positions in <see cref="FindingCatalog.Findings"/>, in list order.</param>
public sealed record FacetValue(string Key, string Slug, LocalizedText Label, ImmutableArray<int> Members);

/// <summary>A way to browse the findings: company, technology, buyer type, place, year or licence status.</summary>
/// <param name="Name">The URL segment and the key of its label (<c>buyer-type</c> → <c>facet_buyer_type</c>).</param>
public sealed record Facet(string Name, ImmutableArray<FacetValue> Values)
{
    public string LabelKey => "facet_" + Name.Replace('-', '_');
}

/// <summary>
/// The findings in list order with every facet worked out once for all languages, so pages, the facet file
/// and the downloads agree on values, slugs and counts.
/// </summary>
public sealed record FindingCatalog(ImmutableArray<Finding> Findings, ImmutableArray<Facet> Facets)
{
    /// <summary>The facets, in the order the index and the filter show them.</summary>
    public static readonly string[] FacetNames = ["company", "technology", "buyer-type", "place", "year", "licence"];

    public Facet Facet(string name) => Facets.First(f => f.Name == name);

    /// <summary>Newest first (by the last year, then the first), then by id, so the order never depends on file order.</summary>
    public static int Compare(Finding a, Finding b) =>
        b.Years.To.CompareTo(a.Years.To) is var c && c != 0 ? c
        : b.Years.From.CompareTo(a.Years.From) is var d && d != 0 ? d
        : string.CompareOrdinal(a.Id, b.Id);

    public static FindingCatalog Build(SiteModel model)
    {
        var content = model.Content;
        var site = content.Site;
        var findings = model.Findings.Sort(Compare);
        var vocab = content.Vocabularies;

        LocalizedText Term(string vocabulary, string value) =>
            vocab[vocabulary]?.Find(value)?.Label ?? LocalizedText.Of((site.DefaultLanguage, value));

        var facets = ImmutableArray.CreateBuilder<Facet>();
        facets.Add(Group("company", findings, f => [f.Company], key => key, model.CompanyName,
            values => values.OrderBy(v => v.Label.Get(site.DefaultLanguage, site.DefaultLanguage), StringComparer.Ordinal)));
        facets.Add(Group("technology", findings, f => [f.Technology], key => key, key => Term("technology", key), VocabularyOrder("technology")));
        facets.Add(Group("buyer-type", findings, f => [f.Buyer.Type], key => key, key => Term("buyer_type", key), VocabularyOrder("buyer_type")));

        var places = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        IEnumerable<string> PlacesOf(Finding f)
        {
            foreach (var t in Places(f))
            {
                var key = PlaceKey(t, site);
                places.TryAdd(key, t);
                yield return key;
            }
        }
        var placeSlugs = new Dictionary<string, string>(StringComparer.Ordinal);
        var usedSlugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in findings.SelectMany(PlacesOf).Distinct().Order(StringComparer.Ordinal))
        {
            var slug = PlaceSlug(key);
            for (var n = 2; !usedSlugs.Add(slug); n++) slug = PlaceSlug(key) + "-" + n.ToString(CultureInfo.InvariantCulture);
            placeSlugs[key] = slug;
        }
        facets.Add(Group("place", findings, PlacesOf, key => placeSlugs[key], key => places[key],
            values => values.OrderBy(v => v.Key, StringComparer.Ordinal)));
        facets.Add(Group("year", findings, f => f.Years.All.Select(y => y.ToString(CultureInfo.InvariantCulture)), key => key,
            key => LocalizedText.Of((site.DefaultLanguage, key)), values => values.OrderByDescending(v => v.Key, StringComparer.Ordinal)));
        facets.Add(Group("licence", findings, f => [f.Licence], key => key, key => Term("licence_status", key), VocabularyOrder("licence_status")));
        return new FindingCatalog(findings, facets.ToImmutable());

        Func<IEnumerable<FacetValue>, IEnumerable<FacetValue>> VocabularyOrder(string vocabulary) => values =>
        {
            var terms = vocab[vocabulary]?.Terms.Select(t => t.Value).ToList() ?? [];
            return values.OrderBy(v => terms.IndexOf(v.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(v => v.Key, StringComparer.Ordinal);
        };
    }

    /// <summary>
    /// Everything <see cref="Build"/> reads besides the findings (default language, the company names each edition
    /// publishes, vocabulary terms and labels) as one text: a live preview reuses the previous catalogue only while this reads the same.
    /// </summary>
    public static string Context(SiteModel model)
    {
        var content = model.Content;
        var text = new StringBuilder(content.Site.DefaultLanguage).Append('\u001e');
        foreach (var e in model.Editions)
            foreach (var c in e.Companies)
                text.Append(c.Slug).Append('\u001f').Append(e.Language.Code).Append('\u001f').Append(c.Item.Name).Append('\u001e');
        foreach (var name in new[] { "technology", "buyer_type", "licence_status" })
        {
            text.Append(name).Append('\u001d');
            foreach (var t in content.Vocabularies[name]?.Terms ?? [])
            {
                text.Append(t.Value);
                foreach (var (lang, label) in t.Label.Values) text.Append('\u001f').Append(lang).Append('\u001f').Append(label);
                text.Append('\u001e');
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// Whether <paramref name="edited"/> sorts and groups exactly as <paramref name="previous"/> did: same id and years (the order),
    /// same facet values, and the same place texts (a place's label is taken from a finding that has it).
    /// </summary>
    public static bool SameFacets(Finding previous, Finding edited) =>
        previous.Id == edited.Id && previous.Years == edited.Years && previous.Company == edited.Company
        && previous.Technology == edited.Technology && previous.Buyer.Type == edited.Buyer.Type && previous.Licence == edited.Licence
        && Equals(previous.Buyer.Province, edited.Buyer.Province) && Equals(previous.Buyer.City, edited.Buyer.City)
        && Equals(previous.Country, edited.Country);

    private static Facet Group(string name, ImmutableArray<Finding> findings, Func<Finding, IEnumerable<string>> keys,
        Func<string, string> slug, Func<string, LocalizedText> label, Func<IEnumerable<FacetValue>, IEnumerable<FacetValue>> order)
    {
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < findings.Length; i++)
            foreach (var key in keys(findings[i]).Distinct())
            {
                if (!members.TryGetValue(key, out var list)) members[key] = list = [];
                list.Add(i);
            }
        var values = members.Select(kv => new FacetValue(kv.Key, slug(kv.Key), label(kv.Key), [.. kv.Value]));
        return new Facet(name, [.. order(values)]);
    }

    /// <summary>Where a finding is filed: its province and city, or its country when it is nationwide.</summary>
    public static IEnumerable<LocalizedText> Places(Finding f) =>
        f.Buyer.Province is null && f.Buyer.City is null ? [f.Country] : new[] { f.Buyer.Province, f.Buyer.City }.OfType<LocalizedText>();

    /// <summary>A place's key in the place facet: its name in the default language.</summary>
    public static string PlaceKey(LocalizedText place, SiteConfig site) => place.Get(site.DefaultLanguage, site.DefaultLanguage);

    /// <summary>A URL segment for a place (the rule lives in the model, where validation checks the same segment).</summary>
    public static string PlaceSlug(string name) => PlaceNames.Slug(name);
}
