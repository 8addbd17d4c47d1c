using System.Text;

namespace Campaign.Site.Publishing;

/// <summary>Files for crawlers and web hosts: <c>robots.txt</c> and <c>_headers</c> (security headers and caching for static hosts).</summary>
public static class HostFiles
{
    /// <summary>The policy the pages declare in their meta tag, plus what only a header can say (frame-ancestors).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "media-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Lets every crawler in and names the sitemap; a draft build (<c>--drafts</c>) asks crawlers to stay out.</summary>
    public static byte[] Robots(string? baseUrl, bool drafts)
    {
        var text = new StringBuilder("User-agent: *\n");
        text.Append(drafts ? "Disallow: /\n" : "Allow: /\n");
        if (baseUrl is not null && !drafts) text.Append("Sitemap: ").Append(baseUrl).Append("sitemap.xml\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// The <c>_headers</c> file read by Netlify, Cloudflare Pages and similar hosts: security headers on every
    /// file, and a year of caching for theme files, whose names change whenever their content does.
    /// </summary>
    public static byte[] Headers() => Encoding.UTF8.GetBytes($"""
        /*
          Content-Security-Policy: {ContentSecurityPolicy}
          X-Content-Type-Options: nosniff
          Referrer-Policy: no-referrer
          X-Frame-Options: DENY
          Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()
          Cross-Origin-Opener-Policy: same-origin
          Strict-Transport-Security: max-age=31536000

        /assets/theme/*
          Cache-Control: public, max-age=31536000, immutable

        """.Replace("\r\n", "\n"));
}
