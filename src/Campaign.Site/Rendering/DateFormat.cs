using System.Globalization;
using Campaign.Core.Model;

namespace Campaign.Site.Rendering;

/// <summary>Writes dates and numbers the way each language does, using the pattern in its i18n file (<c>date_format</c>).</summary>
public sealed class DateFormat
{
    private readonly string _pattern;
    private readonly CultureInfo _culture;

    public DateFormat(Language language, IReadOnlyDictionary<string, string> strings)
    {
        _pattern = strings.TryGetValue("date_format", out var p) && p.Length > 0 ? p : "yyyy-MM-dd";
        _culture = CultureFor(language.Lang);
    }

    public CultureInfo Culture => _culture;

    public DateView View(DateOnly date) => new(Iso(date), date.ToString(_pattern, _culture));

    /// <summary>The date as machines read it (<c>datetime</c> attributes, the sitemap): the same in every language.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateView? View(DateOnly? date) => date is { } d ? View(d) : null;

    public string Number(long n) => n.ToString("N0", _culture);

    private static CultureInfo CultureFor(string lang)
    {
        try
        {
            return CultureInfo.GetCultureInfo(lang);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
