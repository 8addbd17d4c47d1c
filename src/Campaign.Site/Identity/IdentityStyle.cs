using System.Security.Cryptography;
using System.Text;
using Campaign.Core.Model;

namespace Campaign.Site.Identity;

/// <summary>
/// The campaign's accent colour as a style sheet of its own, linked after the theme's: the CSP allows styles only
/// from files (<c>style-src 'self'</c>), so the colour from site.yaml cannot be an inline style. The sheet sets
/// the theme's <c>--accent</c>, with a lighter mix of it for the dark scheme (<see cref="AccentColour.ForDarkPage"/>),
/// and is published under a hash of its text, like the theme's files, so a changed colour is never served from a cache.
/// </summary>
public static class IdentityStyle
{
    /// <summary>The sheet's output path and bytes; null when site.yaml sets no accent.</summary>
    public static (string Path, byte[] Bytes)? Sheet(SiteConfig site)
    {
        if (site.Identity?.Accent is not { } hex || AccentColour.Parse(hex) is not { } accent) return null;
        var css = "/* The campaign's accent colour, from identity.accent in site.yaml; written by the build. */\n"
            + $":root {{ --accent: {accent.Hex}; }}\n"
            + $"@media screen and (prefers-color-scheme: dark) {{ :root {{ --accent: {accent.ForDarkPage().Hex}; }} }}\n";
        var bytes = Encoding.UTF8.GetBytes(css);
        return ($"assets/theme/css/identity.{Convert.ToHexStringLower(SHA256.HashData(bytes))[..10]}.css", bytes);
    }

    /// <summary>Where pages link the sheet from (site-absolute, made relative per page); null without one.</summary>
    public static string? Url(SiteConfig site) => Sheet(site) is { } sheet ? "/" + sheet.Path : null;

    /// <summary>Where pages show the mark from; null without one.</summary>
    public static string? MarkUrl(SiteConfig site) => site.Identity?.Mark is { } mark ? "/assets/" + mark : null;
}
