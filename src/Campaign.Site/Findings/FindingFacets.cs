using System.Collections.Immutable;
using System.Globalization;
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
/// Everything a <see cref="FindingCatalog"/> is built from besides the findings, and nothing else: the build reads only
/// this, so a live preview that keeps the catalogue while this digests the same cannot keep it too long.
/// </summary>
/// <param name="CompanyNames">Each published company's name as each edition shows it, by slug; a company not published has none.</param>
public sealed record CatalogContext(string DefaultLanguage, ImmutableSortedDictionary<string, LocalizedText> CompanyNames,
    Vocabulary? Technology, Vocabulary? BuyerType, Vocabulary? Licence, Vocabulary? Kind = null)
{
    public static CatalogContext Of(SiteModel model) => new(model.Site.DefaultLanguage,
        model.Editions.SelectMany(e => e.Companies).Select(c => c.Slug).Distinct()
            .ToImmutableSortedDictionary(slug => slug, model.CompanyName, StringComparer.Ordinal),
        model.Content.Vocabularies["technology"], model.Content.Vocabularies["buyer_type"], model.Content.Vocabularies["licence_status"],
        model.Content.Vocabularies["finding_kind"]);
}

/// <summary>
/// The findings in list order with every facet worked out once for all languages, so pages, the facet file
/// and the downloads agree on values, slugs and counts.
/// </summary>
/// <param name="IdOrder">Positions in <see cref="Findings"/> by id: the downloads and citation files list the findings by id.</param>
public sealed record FindingCatalog(ImmutableArray<Finding> Findings, ImmutableArray<Facet> Facets, ImmutableArray<int> IdOrder)
{
    /// <summary>The findings by id (<see cref="IdOrder"/>), without sorting them again.</summary>
    public ImmutableArray<Finding> ById() => [.. IdOrder.Select(i => Findings[i])];

    /// <summary>The items of <paramref name="inListOrder"/> (one per finding, in list order) by the findings' ids.</summary>
    public T[] ById<T>(IReadOnlyList<T> inListOrder)
    {
        var byId = new T[IdOrder.Length];
        for (var k = 0; k < byId.Length; k++) byId[k] = inListOrder[IdOrder[k]];
        return byId;
    }

    /// <summary>The facets, in the order the index and the filter show them; <c>kind</c> only when some finding says its kind.</summary>
    public static readonly string[] FacetNames = FacetKeys.All;

    public Facet Facet(string name) => Facets.First(f => f.Name == name);

    /// <summary>The facets findings are shown by: every one, but the kind only when some finding says its kind.</summary>
    public static IEnumerable<string> Shown(IReadOnlyCollection<Finding> findings) =>
        FacetNames.Where(name => name != FacetKeys.Kind || HasKinds(findings));

    private static bool HasKinds(IEnumerable<Finding> findings) => findings.Any(f => f.Kind is not null);

    /// <summary>Newest first (by the last year, then the first), then by id, so the order never depends on file order.</summary>
    public static int Compare(Finding a, Finding b) =>
        b.Years.To.CompareTo(a.Years.To) is var c && c != 0 ? c
        : b.Years.From.CompareTo(a.Years.From) is var d && d != 0 ? d
        : string.CompareOrdinal(a.Id, b.Id);

    public static FindingCatalog Build(SiteModel model) => Build(model.Findings, CatalogContext.Of(model));

    /// <summary>The catalogue of <paramref name="input"/>, reading nothing but <paramref name="context"/> besides the findings.</summary>
    public static FindingCatalog Build(ImmutableArray<Finding> input, CatalogContext context)
    {
        var lang = context.DefaultLanguage;
        var findings = input.Sort(Compare);

        LocalizedText CompanyName(string slug) => context.CompanyNames.GetValueOrDefault(slug) ?? LocalizedText.Of((lang, slug));
        LocalizedText Term(Vocabulary? vocabulary, string value) => vocabulary?.Find(value)?.Label ?? LocalizedText.Of((lang, value));

        var facets = ImmutableArray.CreateBuilder<Facet>();
        if (HasKinds(findings))
            facets.Add(Group(FacetKeys.Kind, findings, f => f.Kind is null ? [] : [f.Kind], key => key, key => Term(context.Kind, key), VocabularyOrder(context.Kind)));
        facets.Add(Group(FacetKeys.Company, findings, f => [f.Company], key => key, CompanyName,
            values => values.OrderBy(v => v.Label.Get(lang, lang), StringComparer.Ordinal)));
        facets.Add(Group(FacetKeys.Technology, findings, f => [f.Technology], key => key, key => Term(context.Technology, key), VocabularyOrder(context.Technology)));
        facets.Add(Group(FacetKeys.BuyerType, findings, f => [f.Buyer.Type], key => key, key => Term(context.BuyerType, key), VocabularyOrder(context.BuyerType)));

        var places = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        IEnumerable<string> PlacesOf(Finding f)
        {
            foreach (var t in Places(f))
            {
                var key = PlaceKey(t, lang);
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
        facets.Add(Group(FacetKeys.Place, findings, PlacesOf, key => placeSlugs[key], key => places[key],
            values => values.OrderBy(v => v.Key, StringComparer.Ordinal)));
        facets.Add(Group(FacetKeys.Year, findings, f => f.Years.All.Select(y => y.ToString(CultureInfo.InvariantCulture)), key => key,
            key => LocalizedText.Of((lang, key)), values => values.OrderByDescending(v => v.Key, StringComparer.Ordinal)));
        facets.Add(Group(FacetKeys.Licence, findings, f => [f.Licence], key => key, key => Term(context.Licence, key), VocabularyOrder(context.Licence)));
        var idOrder = Enumerable.Range(0, findings.Length).ToArray();
        Array.Sort(findings.Select(f => f.Id).ToArray(), idOrder, StringComparer.Ordinal);
        return new FindingCatalog(findings, facets.ToImmutable(), [.. idOrder]);

        static Func<IEnumerable<FacetValue>, IEnumerable<FacetValue>> VocabularyOrder(Vocabulary? vocabulary) => values =>
        {
            var terms = vocabulary?.Terms.Select(t => t.Value).ToList() ?? [];
            return values.OrderBy(v => terms.IndexOf(v.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(v => v.Key, StringComparer.Ordinal);
        };
    }

    /// <summary>
    /// Whether <paramref name="edited"/> sorts and groups exactly as <paramref name="previous"/> did: same id and years (the order),
    /// same facet values, and the same place texts (a place's label is taken from a finding that has it).
    /// </summary>
    public static bool SameFacets(Finding previous, Finding edited) =>
        previous.Id == edited.Id && previous.Years == edited.Years && previous.Kind == edited.Kind && previous.Company == edited.Company
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

    /// <summary>Where a finding is filed (<see cref="FacetKeys.Places"/>).</summary>
    public static IEnumerable<LocalizedText> Places(Finding f) => FacetKeys.Places(f).Select(p => p.Place);

    /// <summary>A place's key in the place facet: its name in the default language.</summary>
    public static string PlaceKey(LocalizedText place, string defaultLanguage) => place.Get(defaultLanguage, defaultLanguage);

    /// <summary>A URL segment for a place (the rule lives in the model, where validation checks the same segment).</summary>
    public static string PlaceSlug(string name) => PlaceNames.Slug(name);
}
