namespace Campaign.Site.Downloads;

/// <summary>A file readers download and may want to verify: where it is, how big it is, its SHA-256.</summary>
/// <param name="Path">Output path with forward slashes, e.g. <c>downloads/out-of-control.en.pdf</c>.</param>
/// <param name="Lang">The language code of the file's text, when it has one (from a <c>.en.</c> suffix).</param>
public sealed record Download(string Path, long Size, string Sha256, string? Lang)
{
    /// <summary>Root-relative URL; made relative per page when the page is written.</summary>
    public string Url => "/" + Path;

    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>The file type shown to readers: PDF, CSV, JSON, …</summary>
    public string Format => System.IO.Path.GetExtension(Path).TrimStart('.').ToUpperInvariant();

    /// <summary>The size for people (<c>35.2 kB</c>, see <see cref="ByteSize"/>); the exact byte count is <see cref="Size"/>.</summary>
    public string SizeText => ByteSize.Text(Size);
}
