namespace Campaign.Core.Model;

/// <summary>
/// The one table of what other formats call a language, for a site.yaml entry that does not say (<c>locale</c>, <c>babel</c>):
/// the Open Graph locale (language_TERRITORY) and the babel name biblatex's <c>langid</c> takes. Keyed by the BCP 47 tag's
/// first subtag; a tag that names its territory (<c>en-GB</c>) gives its own locale.
/// </summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, (string Locale, string Babel)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = ("ar_AR", "arabic"),
        ["de"] = ("de_DE", "ngerman"),
        ["en"] = ("en_GB", "english"),
        ["es"] = ("es_ES", "spanish"),
        ["fr"] = ("fr_FR", "french"),
        ["ja"] = ("ja_JP", "japanese"),
        ["ko"] = ("ko_KR", "korean"),
        ["nl"] = ("nl_NL", "dutch"),
        ["pt"] = ("pt_PT", "portuguese"),
        ["ru"] = ("ru_RU", "russian"),
        ["sv"] = ("sv_SE", "swedish"),
        ["ug"] = ("ug_CN", "uyghur"),
        ["zh"] = ("zh_CN", "chinese"),
    };

    /// <summary>The Open Graph locale for a BCP 47 tag, or null when neither the tag nor the table gives one.</summary>
    public static string? Locale(string lang)
    {
        var parts = lang.Split('-');
        var territory = parts.Skip(1).FirstOrDefault(p => p.Length == 2 && p.All(char.IsAsciiLetter));
        if (territory is not null) return parts[0].ToLowerInvariant() + "_" + territory.ToUpperInvariant();
        return Known.TryGetValue(parts[0], out var k) ? k.Locale : null;
    }

    /// <summary>The babel name for a BCP 47 tag, or null when the table does not know its language.</summary>
    public static string? Babel(string lang) => Known.TryGetValue(lang.Split('-')[0], out var k) ? k.Babel : null;
}
