using System.Text;

namespace Campaign.Search.Analysis;

/// <summary>
/// The character rules the analysis shares with the browser client (<c>theme/static/js/search.js</c>):
/// both sides normalise with NFKC and use exactly these definitions of Han and word characters,
/// so a query is cut into the same terms in C# and in JavaScript.
/// </summary>
public static class SearchText
{
    /// <summary>
    /// NFKC, so full-width letters (ＡＸＩＳ) and compatibility ideographs match their plain forms, then Traditional-only
    /// characters in their Simplified forms (<see cref="ChineseVariants"/>). search.js applies the same table once a
    /// query has a Chinese word the index lacks (it loads the table only then).
    /// </summary>
    public static string Normalize(string text) => ChineseVariants.Simplify(text.Normalize(NormalizationForm.FormKC));

    /// <summary>CJK unified ideographs (with extensions A–G) and compatibility ideographs; written out as ranges, not a Unicode script lookup, so JavaScript can use the same table.</summary>
    public static bool IsHan(int cp) =>
        cp is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F);

    /// <summary>Letters (L*) and decimal digits (Nd), as JavaScript's <c>[\p{L}\p{Nd}]</c>.</summary>
    public static bool IsWord(Rune r) => Rune.IsLetter(r) || Rune.GetUnicodeCategory(r) == System.Globalization.UnicodeCategory.DecimalDigitNumber;
}
