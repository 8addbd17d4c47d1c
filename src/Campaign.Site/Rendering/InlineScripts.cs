using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Campaign.Site.Rendering;

/// <summary>
/// Lets the inline scripts of a page served at any address (the 404 page, which cannot link a script by a relative path)
/// run under the page's own Content-Security-Policy: each one's SHA-256 is added to <c>script-src</c>, so that script and
/// no other runs. Pages with a fixed address link their scripts and get no hash.
/// </summary>
public static partial class InlineScripts
{
    [GeneratedRegex("<script>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex Script();

    [GeneratedRegex("script-src 'self'")]
    private static partial Regex ScriptSource();

    public static string Allow(string html)
    {
        var hashes = Script().Matches(html).Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value)))}'")
            .Distinct().ToList();
        return hashes.Count == 0 ? html : ScriptSource().Replace(html, "script-src 'self' " + string.Join(' ', hashes), 1);
    }
}
