using System.Collections.Frozen;
using System.Text;

namespace Campaign.Search.Analysis;

/// <summary>
/// Traditional Chinese characters and their Simplified forms, so that 維吾爾 finds 维吾尔: both the indexed text and
/// every query pass through <see cref="Simplify"/> (in <see cref="SearchText.Normalize"/>). The table is OpenCC's
/// <c>TSCharacters.txt</c> (Apache-2.0, shipped beside this file), one character to one, keeping only the characters
/// that are Traditional alone: a character that is also its own Simplified form (著, 乾, 后) is left as written,
/// so Simplified text is never changed. Each pair has the same length in UTF-16, so offsets into the text stay true.
/// </summary>
public static class ChineseVariants
{
    /// <summary>Each Traditional-only character and its Simplified form.</summary>
    public static FrozenDictionary<char, char> Pairs { get; } = Load();

    /// <summary><paramref name="text"/> with every Traditional-only character in its Simplified form.</summary>
    public static string Simplify(string text)
    {
        var i = text.AsSpan().IndexOfAnyInRange('\u3400', '\uFAFF');
        if (i < 0) return text;
        char[]? copy = null;
        for (; i < text.Length; i++)
            if (Pairs.TryGetValue(text[i], out var simplified))
                (copy ??= text.ToCharArray())[i] = simplified;
        return copy is null ? text : new string(copy);
    }

    /// <summary>
    /// The pairs whose Simplified form occurs in <paramref name="indexed"/>, as the browser's table (<c>variants.bin</c>):
    /// a query character whose Simplified form the index does not hold could match nothing either way.
    /// </summary>
    public static string PairsFor(IReadOnlySet<char> indexed)
    {
        var sb = new StringBuilder();
        foreach (var (traditional, simplified) in Pairs.OrderBy(p => p.Key))
            if (indexed.Contains(simplified)) sb.Append(traditional).Append(simplified);
        return sb.ToString();
    }

    private static FrozenDictionary<char, char> Load()
    {
        using var stream = typeof(ChineseVariants).Assembly.GetManifestResourceStream("Campaign.Search.Analysis.TSCharacters.txt")
            ?? throw new InvalidOperationException("TSCharacters.txt is not embedded in Campaign.Search");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var pairs = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab != 1) continue; // a key of more than one UTF-16 unit (outside the BMP): kept as written
            var values = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length == 0 || values[0].Length != 1 || values.Contains(line[..1])) continue;
            pairs[line[0]] = values[0][0];
        }
        return pairs.ToFrozenDictionary();
    }
}
