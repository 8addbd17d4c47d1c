using System.Text.RegularExpressions;

namespace Campaign.Core.Validate;

/// <summary>What is wrong with a URL: the diagnostic code, the message and what to do.</summary>
public sealed record UrlProblem(string Code, string Message, string Hint);

/// <summary>
/// The one scheme check every published URL passes (Markdown links and autolinks, raw HTML, contacts,
/// mirrors, <c>base_url</c>, finding sources), and the rules for what may be embedded and what is a
/// site's own address. Judged the way a browser reads the URL: tabs and newlines inside it and spaces
/// or control characters around it are ignored, so <c>java&#9;script:</c> is still <c>javascript:</c>.
/// </summary>
public static partial class UrlPolicy
{
    /// <summary>Schemes a published link may use; everything else (javascript:, data:, vbscript:, file:) is refused.</summary>
    public static readonly string[] LinkSchemes = ["http", "https", "mailto"];

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();

    /// <summary>The URL as a browser reads it: tabs and line breaks removed, spaces and controls trimmed.</summary>
    public static string Normalise(string url) =>
        url.Replace("\t", "").Replace("\n", "").Replace("\r", "").Trim(' ', '\f', '\v', '\0', '\u001B');

    /// <summary>The lower-case scheme of <paramref name="url"/>, or null for a relative URL.</summary>
    public static string? Scheme(string url)
    {
        var m = SchemePrefix().Match(Normalise(url));
        return m.Success ? m.Value[..^1].ToLowerInvariant() : null;
    }

    /// <summary>
    /// Why <paramref name="url"/> may not be published as a link, or null: a scheme that runs script or
    /// carries a document (CMP030), or a web address a browser would read as a relative path (CMP151).
    /// </summary>
    public static UrlProblem? Link(string url)
    {
        var scheme = Scheme(url);
        if (scheme is null) return null;
        if (!LinkSchemes.Contains(scheme))
            return new UrlProblem("CMP030", $"The link `{Shown(url)}` uses the scheme `{scheme}:`, which is not allowed.",
                "links must start with http://, https://, mailto:, / or a relative path");
        if (scheme == "mailto") return null;
        return WebAddressProblem(url, allowQuery: true) is { } problem
            ? new UrlProblem("CMP151", $"`{Shown(url)}` is not a web address: {problem}.", "write the full address, such as https://www.example.org/page/")
            : null;
    }

    /// <summary>
    /// Why <paramref name="url"/> is not an absolute http(s) address with a host, or null. No spaces,
    /// credentials (they would be published) or invalid port; <paramref name="allowQuery"/> false also
    /// refuses a query or fragment (a site's own address, which every page URL is appended to).
    /// </summary>
    public static string? WebAddressProblem(string url, bool allowQuery)
    {
        var value = url.Trim();
        var scheme = Scheme(value);
        if (scheme is not ("http" or "https")) return "it does not start with http:// or https://";
        var rest = value[(scheme.Length + 1)..];
        if (!rest.StartsWith("//", StringComparison.Ordinal)) return $"`{scheme}:` must be followed by `//` and the host";
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return "it contains a space or a control character";
        if (rest.Contains('\\')) return "it contains a backslash";
        var authority = rest[2..];
        var end = authority.IndexOfAny(['/', '?', '#']);
        if (end >= 0) authority = authority[..end];
        if (authority.Contains('@')) return "it contains a user name or password, which would be published";
        if (authority.Length == 0) return "it has no host";
        var colon = authority.LastIndexOf(':');
        if (colon >= 0 && !authority.EndsWith(']'))
        {
            var port = authority[(colon + 1)..];
            if (!int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
                return $"`{Shown(port)}` is not a port (a whole number from 1 to 65535)";
            if (colon == 0) return "it has no host";
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return "it cannot be read as an address";
        if (!allowQuery && (value.Contains('?') || value.Contains('#'))) return "a site address cannot have a query (`?…`) or fragment (`#…`)";
        return null;
    }

    /// <summary>
    /// True when an embedded resource at <paramref name="url"/> would be fetched from another host
    /// (<c>https://…</c>, protocol-relative <c>//…</c>, <c>/\…</c>): a tracking pixel in a page or a feed.
    /// </summary>
    public static bool IsForeign(string url)
    {
        var value = Normalise(url);
        if (value.Length >= 2 && value[0] is '/' or '\\' && value[1] is '/' or '\\') return true;
        return Scheme(value) is "http" or "https" or "ftp" or "ws" or "wss";
    }

    /// <summary>A URL as a message quotes it: cut short, control and invisible characters made visible.</summary>
    private static string Shown(string url) => Diagnostics.Quoted.Short(Load.DocumentReader.Printable(url));
}
