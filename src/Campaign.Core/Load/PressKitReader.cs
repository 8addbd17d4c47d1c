using System.Collections.Immutable;
using Campaign.Core.Diagnostics;
using Campaign.Core.Markdown;
using Campaign.Core.Model;

namespace Campaign.Core.Load;

/// <summary>Reads <c>press:</c> of site.yaml (embargo policy, quotes) into a <see cref="PressKit"/>.</summary>
internal static class PressKitReader
{
    public static PressKit Read(FieldReader? press, IReadOnlyList<string> languages, MarkdownRenderer markdown, DiagnosticList diagnostics)
    {
        if (press is null) return PressKit.None;
        LocalizedText? embargo = null;
        if (press.Localized("embargo", languages, markdown: true) is { } text)
            embargo = markdown.RenderField(text, press.Map.Get("embargo")!.Location, diagnostics, "press.embargo");

        var quotes = ImmutableArray.CreateBuilder<PressQuote>();
        foreach (var q in press.NestedList("quotes"))
        {
            var speaker = q.Localized("speaker", languages, required: true);
            var role = q.Localized("role", languages);
            // Translations are optional (a quote may exist in one language only), so no warning per missing language.
            var words = q.Localized("text", languages, required: true, warnMissing: false);
            var source = q.Localized("source", languages);
            var published = q.Text("published_in", required: true);
            var original = q.Flag("original");
            q.WarnUnknown();
            if (published is not null && !languages.Contains(published))
            {
                diagnostics.Error("CMP105", $"`{published}` is not one of the site's languages.", q.Map.Get("published_in")?.Location, "press.quotes.published_in",
                    Suggestions.DidYouMean(published, languages) ?? $"write the language the words were published in: one of {string.Join(", ", languages)}");
                continue;
            }
            if (words is not null && published is not null && !words.Has(published))
            {
                diagnostics.Error("CMP106", $"The quote is said to be published in {published}, but gives no `{published}:` text.", q.Map.Get("text")?.Location, "press.quotes.text",
                    $"add the words as published under `text: {published}: …`, or correct `published_in`");
                continue;
            }
            if (speaker is not null && words is not null && published is not null)
                quotes.Add(new PressQuote(speaker, role, words, published, original, source));
        }
        press.WarnUnknown();
        return new PressKit(embargo, quotes.ToImmutable());
    }
}
