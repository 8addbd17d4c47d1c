using Campaign.Site.Downloads;

namespace Campaign.Site.Press;

/// <summary>The offline copy of the whole site written by <c>--bundle</c>, and the file holding its SHA-256.</summary>
public sealed record BundleLink(string Name, string Url, string ChecksumUrl);

/// <summary>A mirror of the site, in the page's language.</summary>
public sealed record MirrorView(string Url, string? Note);

/// <summary>An Atom feed of one language edition, for the press page and <c>&lt;link rel="alternate"&gt;</c>.</summary>
public sealed record FeedLink(string Title, string Url);

/// <summary>
/// A quotation as the press page shows it: the words in the page's language when there are some, how they relate to
/// what was published (the speaker's own words, the published text, or a translation of it), and the published words
/// beside a translation, so a journalist quotes what was said, not our rendering of it.
/// </summary>
/// <param name="Lang">The <c>lang</c> of <paramref name="Text"/>.</param>
/// <param name="Label">What the text is, in the page's language.</param>
/// <param name="Published">The words as published, when <paramref name="Text"/> is a translation; else null.</param>
public sealed record QuoteView(string Speaker, string? Role, string Text, string Lang, string Label, string? Published, string? PublishedLang,
    string? PublishedLabel, string? Source);

/// <summary>How readers check <c>SHA256SUMS</c>: the minisign public key (in full, and as a file), its ID, the signature file.</summary>
public sealed record SigningView(string PublicKey, string KeyId, string PublicKeyUrl, string SignatureUrl)
{
    public static SigningView? Of(Core.Model.SigningKey? key) => key is null ? null
        : new(key.PublicKeyText, key.KeyIdText, "/" + MinisignSignature.PublicKeyName, "/" + MinisignSignature.FileName);
}
