namespace Campaign.Site;

/// <summary>Everything a build depends on besides the input files; nothing in the pipeline reads the clock or the environment.</summary>
/// <param name="Now">The moment embargoes and "last updated" are judged against (<c>--now</c>).</param>
/// <param name="Drafts">Include pages whose embargo or publish date is still ahead, marked as not yet public.</param>
/// <param name="ThemeDir">The theme folder; defaults to <c>theme/</c> beside the input folder.</param>
/// <param name="Pdf">Whether reports are printed to PDF. Off unless asked for, so that tests which build sites
/// pay no Chromium cost; the <c>campaign build</c> command asks for <see cref="PdfMode.Auto"/>.</param>
/// <param name="CacheDir">Where printed PDFs are kept between builds; defaults to <c>.cache/</c> beside the input folder.</param>
/// <param name="Bundle">Also write <c>campaign-&lt;date&gt;.zip</c>, the whole site for offline reading and mirrors.</param>
/// <param name="Chromium">The Chromium executable for printing; found on PATH when not given.</param>
/// <param name="LinkWarnings">Follow the links written in content and warn about broken ones (CMP115–CMP117); off only for
/// <c>campaign check</c>, which follows every link itself and reports them as errors.</param>
/// <param name="SocialCards">Take each page's social card when the build prints (<see cref="Pdf"/> not off). No flag turns it
/// off alone; tests of the PDFs and chart PNGs do, so that they pay only for what they test.</param>
public sealed record BuildOptions(
    string InputDir,
    string OutputDir,
    DateTimeOffset Now,
    bool Drafts = false,
    string? ThemeDir = null,
    PdfMode Pdf = PdfMode.Off,
    string? CacheDir = null,
    bool Bundle = false,
    string? Chromium = null,
    bool LinkWarnings = true,
    bool SocialCards = true)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public string Theme => ThemeDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(InputDir))!, "theme");

    public string Cache => CacheDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(InputDir))!, ".cache");
}

/// <summary>Whether a build prints reports to PDF.</summary>
public enum PdfMode
{
    /// <summary>Print no PDF (supplied PDFs are still published).</summary>
    Off,
    /// <summary>Print when Chromium is found; warn and link no printed PDF when it is not.</summary>
    Auto,
    /// <summary>Print, and fail the build when Chromium is missing or printing fails (<c>--require-pdf</c>).</summary>
    Required,
}
