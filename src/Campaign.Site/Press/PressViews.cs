using Campaign.Site.Downloads;

namespace Campaign.Site.Press;

/// <summary>The offline copy of the whole site written by <c>--bundle</c>, and the file holding its SHA-256.</summary>
public sealed record BundleLink(string Name, string Url, string ChecksumUrl);

/// <summary>A mirror of the site, in the page's language.</summary>
public sealed record MirrorView(string Url, string? Note);

/// <summary>An Atom feed of one language edition, for the press page and <c>&lt;link rel="alternate"&gt;</c>.</summary>
public sealed record FeedLink(string Title, string Url);
