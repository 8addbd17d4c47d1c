using System.Collections.Immutable;

namespace Campaign.Core.Model;

/// <summary>What the press room says beyond its page: the embargo policy and quotes a journalist may use, from <c>press:</c> in site.yaml.</summary>
/// <param name="Embargo">The embargo policy per language, rendered from Markdown; null when site.yaml gives none.</param>
public sealed record PressKit(LocalizedText? Embargo, ImmutableArray<PressQuote> Quotes)
{
    public static readonly PressKit None = new(null, []);
}

/// <summary>
/// A quotation as published: the words in the language they were published in (<paramref name="SourceLanguage"/>), and
/// translations; <paramref name="Original"/> says whether the published words are the speaker's own (not a translation
/// made by whoever published them), so a journalist knows which text to quote.
/// </summary>
/// <param name="Source">Where the words were published (a release, an interview), per language.</param>
public sealed record PressQuote(LocalizedText Speaker, LocalizedText? Role, LocalizedText Text, string SourceLanguage, bool Original, LocalizedText? Source);
