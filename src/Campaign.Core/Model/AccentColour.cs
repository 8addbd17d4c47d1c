using System.Globalization;

namespace Campaign.Core.Model;

/// <summary>
/// The accent colour of a site's identity as sRGB, with the contrast arithmetic of WCAG 2 that decides whether text
/// in it can be read: the theme writes small bold labels and rules in the accent, so it needs 4.5:1 against the page.
/// </summary>
public readonly record struct AccentColour(byte R, byte G, byte B)
{
    /// <summary>The contrast WCAG asks of normal text (1.4.3).</summary>
    public const double TextContrast = 4.5;

    /// <summary>The page's background in the light scheme and in the dark one (theme/static/css/site.css).</summary>
    public static readonly AccentColour LightPage = new(0xff, 0xff, 0xff), DarkPage = new(0x12, 0x12, 0x12);

    /// <summary><c>#rrggbb</c> (or <c>#rgb</c>), any case; null for anything else.</summary>
    public static AccentColour? Parse(string text)
    {
        var hex = text.Trim();
        if (hex.Length is not (4 or 7) || hex[0] != '#' || !hex[1..].All(char.IsAsciiHexDigit)) return null;
        if (hex.Length == 4) hex = $"#{hex[1]}{hex[1]}{hex[2]}{hex[2]}{hex[3]}{hex[3]}";
        byte At(int i) => byte.Parse(hex.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new AccentColour(At(1), At(3), At(5));
    }

    /// <summary>As CSS writes it, lower case: <c>#b42318</c>.</summary>
    public string Hex => $"#{R:x2}{G:x2}{B:x2}";

    /// <summary>Relative luminance (WCAG 2).</summary>
    public double Luminance => 0.2126 * Linear(R) + 0.7152 * Linear(G) + 0.0722 * Linear(B);

    public double ContrastWith(AccentColour other)
    {
        var (a, b) = (Luminance + 0.05, other.Luminance + 0.05);
        return a > b ? a / b : b / a;
    }

    /// <summary>
    /// The same hue mixed with white, a tenth at a time, until it reads on the dark page: a dark accent (a deep red)
    /// would vanish on a dark background, so the dark scheme takes the first lighter mix that has the contrast.
    /// </summary>
    public AccentColour ForDarkPage()
    {
        for (var step = 0; step <= 10; step++)
        {
            var mixed = Mix(step / 10.0);
            if (mixed.ContrastWith(DarkPage) >= TextContrast) return mixed;
        }
        return LightPage;
    }

    private AccentColour Mix(double white) =>
        new(Toward(R, white), Toward(G, white), Toward(B, white));

    private static byte Toward(byte c, double white) => (byte)Math.Round(c + (255 - c) * white, MidpointRounding.AwayFromZero);

    private static double Linear(byte c)
    {
        var s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}
