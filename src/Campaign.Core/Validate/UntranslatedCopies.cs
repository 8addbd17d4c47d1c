using System.Text.RegularExpressions;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Core.Model;

namespace Campaign.Core.Validate;

/// <summary>
/// Translations that are not translated yet: a file that only exists in a language is not proof that it is in that
/// language. A translation counts as untranslated when it is marked <c>untranslated: true</c> (what
/// <c>campaign new --lang</c> writes), when its translatable text is the source's, or when it still holds a sentence of
/// the source: six or more words in Latin letters, outside quotation marks and brackets, copied verbatim. Names, numbers and short
/// phrases (and quotations) may stay as they are; a whole sentence copied is text nobody translated.
/// Such a translation is built as a missing one: readers see the source with the fallback notice (CMP180 warns).
/// </summary>
public static partial class UntranslatedCopies
{
    /// <summary>How many Latin-letter words make a copied sentence count: fewer is a name, a title or a phrase that may stay.</summary>
    public const int SentenceWords = 6;

    /// <summary>Front-matter fields whose values are read by people in the page's language (the rest are dates, slugs and values).</summary>
    private static readonly HashSet<string> Translatable = new(StringComparer.Ordinal)
        { "title", "name", "summary", "country", "parent", "products", "text", "rejoinder", "authors" };

    [GeneratedRegex(@"[A-Za-z\u00C0-\u024F]+(?:['’-][A-Za-z\u00C0-\u024F]+)*")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"[.!?。！？\n]+")]
    private static partial Regex SentenceEnd();

    // Quotations and brackets: a translation may keep a quoted statement or a cited work's original title, `（Out of Control: …）`.
    [GeneratedRegex(@"“[^”]*”|""[^""\n]*""|「[^」]*」|『[^』]*』|‘[^’]*’|《[^》]*》|（[^）]*）|\([^)\n]*\)")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    /// <summary>Why <paramref name="translation"/> is not yet a translation of <paramref name="source"/>, or null when it is one.</summary>
    public static string? Reason(IDocument translation, IDocument source, SiteConfig site)
    {
        if (ReferenceEquals(translation, source) || translation.Doc.Lang == source.Doc.Lang) return null;
        if (translation.Doc.MarkedUntranslated) return "it is marked `untranslated: true`";
        var sourceName = site.Find(source.Doc.Lang)?.Name ?? source.Doc.Lang;
        var theirs = Normalise(TextOf(source));
        var ours = Normalise(TextOf(translation));
        if (theirs.Length > 0 && ours == theirs) return $"its text is the same as the {sourceName} file's";
        return CopiedSentence(TextOf(source), TextOf(translation)) is { } copied ? $"it repeats the {sourceName} sentence “{copied}”" : null;
    }

    /// <summary>
    /// The first sentence of <paramref name="source"/> (six or more Latin-letter words, outside quotation marks and
    /// brackets) that <paramref name="translation"/> holds verbatim outside its own quotation marks and brackets, shortened
    /// for a message; null when there is none. Also used for a finding's per-language fields.
    /// </summary>
    public static string? CopiedSentence(string source, string translation)
    {
        var ours = Normalise(Quotation().Replace(translation, "\n"));
        foreach (var sentence in SentenceEnd().Split(Quotation().Replace(source, "\n")))
        {
            var s = Normalise(sentence);
            if (LatinWord().Matches(s).Count >= SentenceWords && ours.Contains(s, StringComparison.Ordinal))
                return s.Length > 80 ? s[..80] + "…" : s;
        }
        return null;
    }

    /// <summary>The document of a group that translations are made from: the default language's, else the first in site order.</summary>
    public static T SourceOf<T>(IEnumerable<T> group, SiteConfig site) where T : IDocument
    {
        var list = group.ToList();
        return list.FirstOrDefault(d => d.Doc.Lang == site.DefaultLanguage)
            ?? list.OrderBy(d => site.Languages.IndexOf(site.Find(d.Doc.Lang)!)).First();
    }

    /// <summary>Every translation that is not translated yet, with its source and why, in file order.</summary>
    public static IReadOnlyList<(IDocument Translation, IDocument Source, string Reason)> Find(ContentModel content)
    {
        IEnumerable<IDocument> all = [.. content.Reports, .. content.Companies, .. content.Updates, .. content.Pages];
        var found = new List<(IDocument, IDocument, string)>();
        foreach (var group in all.GroupBy(d => (d.Doc.Section, d.Doc.Slug)))
        {
            var source = SourceOf(group, content.Site);
            foreach (var translation in group.Where(d => d != source))
                if (Reason(translation, source, content.Site) is { } reason) found.Add((translation, source, reason));
        }
        return [.. found.OrderBy(f => f.Item1.Doc.Location.File, StringComparer.Ordinal)];
    }

    /// <summary>Warns (CMP180) about each translation that is not translated yet: it is built as a missing one.</summary>
    public static void Check(ContentModel content, DiagnosticList diagnostics)
    {
        foreach (var (translation, source, reason) in Find(content))
        {
            var marked = translation.Doc.MarkedUntranslated;
            var language = content.Site.Find(translation.Doc.Lang)?.Name ?? translation.Doc.Lang;
            var sourceName = content.Site.Find(source.Doc.Lang)?.Name ?? source.Doc.Lang;
            diagnostics.Warning("CMP180",
                $"{translation.Doc.Location.File} is not translated yet: {reason}. Readers of the {language} site see the {sourceName} text with a notice.",
                marked ? translation.Doc.Where("untranslated") : translation.Doc.Location, marked ? "untranslated" : null,
                marked ? "translate the text, then delete the line `untranslated: true`"
                    : $"translate the text; names, numbers and quotations may stay, but not a sentence of {SentenceWords} or more words");
        }
    }

    /// <summary>The translatable front-matter values and the body's text, in file order.</summary>
    private static string TextOf(IDocument document)
    {
        var parts = new List<string>();
        if (document.Doc.Fields is { } fields) Collect(fields, null, parts);
        if (Body(document) is { Length: > 0 } body) parts.Add(body);
        return string.Join("\n", parts);
    }

    private static void Collect(DataNode node, string? key, List<string> parts)
    {
        switch (node)
        {
            case ScalarNode s when key is not null && Translatable.Contains(key):
                parts.Add(s.Value);
                break;
            case MapNode map:
                foreach (var (k, v) in map.Entries) Collect(v, k, parts);
                break;
            case ListNode list:
                foreach (var item in list.Items) Collect(item, key, parts);
                break;
        }
    }

    private static string? Body(IDocument document) => document switch
    {
        Report r => r.Body.PlainText,
        Company c => c.Body.PlainText,
        Update u => u.Body.PlainText,
        Page p => p.Body.PlainText,
        _ => null,
    };

    private static string Normalise(string text) => Space().Replace(text, " ").Trim();
}
