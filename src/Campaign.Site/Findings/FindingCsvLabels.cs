using System.Text;
using Campaign.Core.Load;
using Campaign.Core.Model;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Findings;

/// <summary>
/// The names and labels <c>findings.csv</c> gives beside its codes (<see cref="CsvLabelColumns"/>), each as its language's
/// edition publishes it: a company's name only when that edition shows the company (an embargoed one keeps its slug), the
/// vocabularies' labels in that language.
/// </summary>
public sealed class FindingCsvLabels
{
    private readonly Dictionary<string, EditionViews> _editions;

    public FindingCsvLabels(IEnumerable<EditionViews> editions, SiteModel model)
    {
        _editions = editions.ToDictionary(v => v.Code, StringComparer.Ordinal);
        // What the labels depend on, so a live preview remakes the lines when a name or a label changes and only then.
        var context = new StringBuilder();
        foreach (var (code, v) in _editions.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            context.Append(code).Append('\u001d');
            foreach (var c in v.Edition.Companies) context.Append(c.Slug).Append('=').Append(c.Item.Name).Append('\u001f');
            foreach (var name in new[] { "technology", "buyer_type", "licence_status", "finding_kind" })
                foreach (var t in model.Content.Vocabularies[name]?.Terms ?? [])
                    context.Append(t.Value).Append('=').Append(v.Label(name, t.Value)).Append('\u001f');
        }
        Context = context.ToString();
    }

    /// <summary>Everything the labels are made from, as one string.</summary>
    public string Context { get; }

    /// <summary>The label of code column <paramref name="code"/> of <paramref name="f"/> in language <paramref name="lang"/>, or null.</summary>
    public string? Of(string code, string lang, Finding f)
    {
        if (!_editions.TryGetValue(lang, out var v)) return null;
        return code switch
        {
            "kind" => f.Kind is null ? null : v.Label("finding_kind", f.Kind),
            "company" => v.Edition.Company(f.Company) is null ? null : v.CompanyLink(f.Company).Name,
            "technology" => v.Label("technology", f.Technology),
            "buyer_type" => v.Label("buyer_type", f.Buyer.Type),
            "licence" => v.Label("licence_status", f.Licence),
            _ => null,
        };
    }
}
