namespace Campaign.Site.Pdf;

/// <summary>What the PDF feature needs from the command line: whether to print, where printed PDFs are kept, which Chromium.</summary>
/// <param name="CacheDir">Printed PDFs are kept in <c>&lt;CacheDir&gt;/pdf/</c> between builds.</param>
/// <param name="Chromium">The Chromium executable; found on PATH when null.</param>
public sealed record PdfSettings(PdfMode Mode, string CacheDir, string? Chromium);
