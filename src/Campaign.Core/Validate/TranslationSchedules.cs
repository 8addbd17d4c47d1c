using System.Collections.Immutable;
using System.Globalization;
using Campaign.Core.Diagnostics;
using Campaign.Core.Model;

namespace Campaign.Core.Validate;

/// <summary>
/// A translation is the same news as its source: it may not be public before the source is. Each translation
/// takes the later of its own and its source's embargo and publish moments (the source is the file in the
/// default language), so an embargoed <c>x.en.md</c> beside an unembargoed <c>x.zh.md</c> publishes neither.
/// A translation whose moments differ from its source's gets a warning (CMP152) saying what was decided.
/// </summary>
public static class TranslationSchedules
{
    /// <summary>The documents of one section with the translations' schedules aligned; <paramref name="rebuild"/> puts new info into a document.</summary>
    public static ImmutableArray<T> Align<T>(ImmutableArray<T> documents, string defaultLanguage, Func<T, DocumentInfo, T> rebuild, DiagnosticList diagnostics)
        where T : IDocument
    {
        var sources = documents.Where(d => d.Doc.Lang == defaultLanguage)
            .GroupBy(d => d.Doc.Slug, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<T>(documents.Length);
        foreach (var document in documents)
        {
            if (document.Doc.Lang == defaultLanguage || !sources.TryGetValue(document.Doc.Slug, out var source))
            {
                result.Add(document);
                continue;
            }
            var own = document.Doc.Schedule;
            var theirs = source.Doc.Schedule;
            if (own.NotBefore != theirs.NotBefore) Warn(document.Doc, source.Doc, diagnostics);
            var aligned = new Schedule(Later(own.Embargo, theirs.Embargo), Later(own.Publish, theirs.Publish));
            result.Add(aligned == own ? document : rebuild(document, document.Doc with { Schedule = aligned }));
        }
        return result.MoveToImmutable();
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && b is { } y ? (x >= y ? x : y) : a ?? b;

    private static void Warn(DocumentInfo translation, DocumentInfo source, DiagnosticList diagnostics)
    {
        var mine = translation.Schedule.NotBefore;
        var theirs = source.Schedule.NotBefore;
        var field = translation.Fields?.Get("embargo") is not null ? "embargo" : translation.Fields?.Get("publish") is not null ? "publish" : null;
        var at = field is null ? translation.Location : translation.Where(field);
        var fix = theirs is { } t ? $"write `embargo: {Shown(t)}` in {translation.Location.File}, as in its source" : $"remove `{field}:` from {translation.Location.File}, or give its source the same moment";
        if (theirs is { } later && (mine is null || mine < later))
            diagnostics.Warning("CMP152",
                $"{translation.Location.File} would be public {(mine is { } m ? "from " + Shown(m) : "at once")}, before its source {source.Location.File} ({Shown(later)}); it is held back until {Shown(later)}.",
                at, field, fix);
        else
            diagnostics.Warning("CMP152",
                $"{translation.Location.File} is not public until {Shown(mine!.Value)}, later than its source {source.Location.File} ({(theirs is { } s ? Shown(s) : "public now")}); until then its readers see the source's text with a notice.",
                at, field, fix);
    }

    private static string Shown(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
}
