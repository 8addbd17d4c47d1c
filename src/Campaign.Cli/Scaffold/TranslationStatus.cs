using Campaign.Core.Model;
using Campaign.Core.Validate;

namespace Campaign.Cli.Scaffold;

/// <summary>One row of <c>campaign translations</c>: a page or record in one language, and where its translation stands.</summary>
/// <param name="Status"><c>translated</c>, <c>out-of-date</c> (the source changed since), <c>unverified</c> (no translated_from recorded),
/// <c>untranslated</c> (the file is there but its text is still the source's, see <c>UntranslatedCopies</c>),
/// <c>missing</c>, or <c>source</c> (the text the others are translated from).</param>
/// <param name="Detail">What is missing or which source it follows.</param>
public sealed record TranslationRow(string Language, string Kind, string Id, string? File, string Status, string? Source, string? Detail)
{
    public bool IsMissing => Status is "missing" or "out-of-date" or "untranslated";
}

/// <summary>Works out, per language, which pages and records are translated, missing or out of date.</summary>
public static class TranslationStatus
{
    public static IReadOnlyList<TranslationRow> Of(ContentModel content)
    {
        var site = content.Site;
        var rows = new List<TranslationRow>();
        IEnumerable<IDocument> all = [.. content.Reports, .. content.Companies, .. content.Updates, .. content.Pages];
        var groups = all.GroupBy(d => (d.Doc.Section, d.Doc.Slug)).OrderBy(g => g.Key.Section, StringComparer.Ordinal).ThenBy(g => g.Key.Slug, StringComparer.Ordinal).ToList();
        foreach (var language in site.Languages)
        {
            foreach (var group in groups)
            {
                var kind = NewFileTemplates.KindOf(group.Key.Section) ?? group.Key.Section;
                var source = UntranslatedCopies.SourceOf(group, site);
                var own = group.FirstOrDefault(d => d.Doc.Lang == language.Code);
                var id = $"{group.Key.Section}/{group.Key.Slug}";
                if (own is null)
                    rows.Add(new(language.Code, kind, id, null, "missing", source.Doc.Location.File, $"campaign new --lang {language.Code} {source.Doc.Location.File}"));
                else if (own == source)
                    rows.Add(new(language.Code, kind, id, own.Doc.Location.File, "source", null, null));
                else if (UntranslatedCopies.Reason(own, source, site) is { } reason)
                    rows.Add(new(language.Code, kind, id, own.Doc.Location.File, "untranslated", source.Doc.Location.File, reason));
                else if (own.Doc.TranslatedFrom is null)
                    rows.Add(new(language.Code, kind, id, own.Doc.Location.File, "unverified", source.Doc.Location.File, "no translated_from recorded"));
                else if (own.Doc.TranslatedFrom != source.Doc.Hash)
                    rows.Add(new(language.Code, kind, id, own.Doc.Location.File, "out-of-date", source.Doc.Location.File,
                        $"{source.Doc.Location.File} changed since it was translated"));
                else
                    rows.Add(new(language.Code, kind, id, own.Doc.Location.File, "translated", source.Doc.Location.File, null));
            }

            foreach (var finding in content.Findings)
            {
                var missing = FindingFields(finding).Where(f => f.Text is not null && !f.Text.Has(language.Code) && f.Text.Values.Count > 0)
                    .Select(f => f.Name).ToList();
                // A value copied from the default language is not a translation either (the rule of UntranslatedCopies).
                List<string> copied = language.Code == site.DefaultLanguage ? [] : FindingFields(finding)
                    .Where(f => f.Text?[language.Code] is { } own && f.Text[site.DefaultLanguage] is { } theirs && UntranslatedCopies.CopiedSentence(theirs, own) is not null)
                    .Select(f => f.Name).ToList();
                if (missing.Count == 0 && copied.Count > 0)
                    rows.Add(new(language.Code, "finding", finding.Id, finding.Location.File, "untranslated", null,
                        $"the {language.Code} value of {string.Join(", ", copied)} repeats the {site.DefaultLanguage} text"));
                else
                    rows.Add(new(language.Code, "finding", finding.Id, finding.Location.File, missing.Count == 0 ? "translated" : "missing", null,
                        missing.Count == 0 ? null : "no " + language.Code + " value for " + string.Join(", ", missing)));
            }

            var strings = content.Strings.For(language.Code);
            var missingKeys = content.Strings.For(site.DefaultLanguage).Keys.Where(k => !strings.ContainsKey(k)).ToList();
            rows.Add(new(language.Code, "ui-strings", $"i18n/{language.Code}.yaml", $"i18n/{language.Code}.yaml",
                missingKeys.Count == 0 ? "translated" : "missing", null,
                missingKeys.Count == 0 ? null : $"{missingKeys.Count} keys missing: " + string.Join(", ", missingKeys.Take(10)) + (missingKeys.Count > 10 ? ", …" : "")));
        }
        return rows;
    }

    /// <summary>A finding's per-language fields, by the names a campaigner writes.</summary>
    private static IEnumerable<(string Name, LocalizedText? Text)> FindingFields(Finding f) =>
    [
        ("title", f.Title), ("product", f.Product), ("buyer.name", f.Buyer.Name), ("buyer.province", f.Buyer.Province),
        ("buyer.city", f.Buyer.City), ("country", f.Country), ("summary", f.SummarySource),
    ];
}
