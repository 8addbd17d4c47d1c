using Campaign.Site.Downloads;

namespace Campaign.Site.Press;

/// <summary>The offline copy of the whole site written by <c>--bundle</c>, and the file holding its SHA-256.</summary>
public sealed record BundleLink(string Name, string Url, string ChecksumUrl);

/// <summary>A mirror of the site, in the page's language.</summary>
public sealed record MirrorView(string Url, string? Note);

/// <summary>An Atom feed of one language edition, for the press page and <c>&lt;link rel="alternate"&gt;</c>.</summary>
public sealed record FeedLink(string Title, string Url);

/// <summary>How readers check <c>SHA256SUMS</c>: the minisign public key (in full, and as a file), its ID, the signature file.</summary>
public sealed record SigningView(string PublicKey, string KeyId, string PublicKeyUrl, string SignatureUrl)
{
    public static SigningView? Of(Core.Model.SigningKey? key) => key is null ? null
        : new(key.PublicKeyText, key.KeyIdText, "/" + MinisignSignature.PublicKeyName, "/" + MinisignSignature.FileName);
}
