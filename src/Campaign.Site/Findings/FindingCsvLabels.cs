using Campaign.Core.Load;
using Campaign.Core.Model;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Findings;

/// <summary>The names and labels one language's edition publishes: its companies' names by slug, and each vocabulary's labels by value.</summary>
public sealed record EditionLabels(IReadOnlyDictionary<string, string> Companies, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Vocabularies);

/// <summary>
/// The names and labels <c>findings.csv</c> gives beside its codes (<see cref="CsvLabelColumns"/>), each as its language's
/// edition publishes it: a company's name only when that edition shows the company (an embargoed one keeps its slug), the
/// vocabularies' labels in that language. Data only: it is part of a spreadsheet line's context (<see cref="CsvContext"/>).
/// </summary>
public sealed record FindingCsvLabels(IReadOnlyDictionary<string, EditionLabels> ByLanguage)
{
    private static readonly string[] LabelledVocabularies = ["technology", "buyer_type", "licence_status", "finding_kind"];

    public static FindingCsvLabels Of(IEnumerable<EditionViews> editions, SiteModel model) =>
        new(editions.ToDictionary(v => v.Code, v => new EditionLabels(
            v.Edition.Companies.ToDictionary(c => c.Slug, c => v.CompanyLink(c.Slug).Name, StringComparer.Ordinal),
            LabelledVocabularies.ToDictionary(name => name, name => (IReadOnlyDictionary<string, string>)(model.Content.Vocabularies[name]?.Terms ?? [])
                .ToDictionary(t => t.Value, t => v.Label(name, t.Value), StringComparer.Ordinal), StringComparer.Ordinal)), StringComparer.Ordinal));

    /// <summary>The label of code column <paramref name="code"/> of <paramref name="f"/> in language <paramref name="lang"/>, or null.</summary>
    public string? Of(string code, string lang, Finding f)
    {
        if (!ByLanguage.TryGetValue(lang, out var v)) return null;
        string Label(string vocabulary, string value) =>
            v.Vocabularies.TryGetValue(vocabulary, out var labels) && labels.TryGetValue(value, out var label) ? label : value;
        return code switch
        {
            "kind" => f.Kind is null ? null : Label("finding_kind", f.Kind),
            "company" => v.Companies.GetValueOrDefault(f.Company),
            "technology" => Label("technology", f.Technology),
            "buyer_type" => Label("buyer_type", f.Buyer.Type),
            "licence" => Label("licence_status", f.Licence),
            _ => null,
        };
    }
}
