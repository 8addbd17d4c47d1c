using System.Globalization;
using Campaign.Core.Model;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Citations;

/// <summary>What is cited: a report, or one finding of the database.</summary>
public enum CitedKind { Report, Finding }

/// <summary>
/// The one citation of a report or a finding in one language, worked out here and nowhere else: the finding page, the report
/// page and the press room show it, and <see cref="CitationFormats"/> writes its files. It holds no access date: a static file
/// cannot know when it is read, so the citer (or their citation manager) adds it.
/// </summary>
/// <param name="Key">The entry's key in BibTeX and its CSL-JSON id (<c>out-of-control-2020-en</c>, <c>finding-axis-guilin-en</c>).</param>
/// <param name="Number">The report's index number, or the finding's id.</param>
/// <param name="Issued">The date of the work cited: the report's date; for a finding, that of its report, else the date it was last reviewed.</param>
/// <param name="Reviewed">A finding's last review; null for a report.</param>
/// <param name="Report">The title of the report a finding comes from, when it is public in this language.</param>
/// <param name="Campaign">The campaign (the site's title) a finding belongs to.</param>
/// <param name="Url">The root-relative address of the page cited.</param>
/// <param name="Address">The permanent address: absolute under <c>base_url</c>, or <see cref="Url"/> when the site has none.</param>
/// <param name="Language">The language the work is written in.</param>
/// <param name="Note">A note in the edition's language (what a finding is, and when it was last reviewed).</param>
/// <param name="Text">The citation as plain text, in the edition's language.</param>
public sealed record Citation(CitedKind Kind, string Key, IReadOnlyList<string> Authors, string Title, string? Publisher, string? Number,
    DateOnly Issued, DateOnly? Reviewed, string? Report, string Campaign, string Url, string Address, bool Absolute,
    Language Language, string? Note, string Text)
{
    /// <summary>The citation of a report shown in edition <paramref name="v"/> (in its own language, which a fallback may make another).</summary>
    public static Citation Of(SiteModel model, EditionViews v, Report report)
    {
        var site = model.Site;
        var language = site.Find(report.Doc.Lang) ?? v.Language;
        var organisation = site.Organisation?.Get(v.Code, site.DefaultLanguage);
        var campaign = site.Title.Get(v.Code, site.DefaultLanguage);
        // A report without authors is the organisation's (or, without one, the campaign's): biblatex needs an author.
        IReadOnlyList<string> authors = report.Authors.IsEmpty ? [organisation ?? campaign] : [.. report.Authors];
        var url = Urls.Report(language.Code, report.Doc.Slug);
        var index = report.IndexNumber is null ? "" : Format(S(v, "cite_index", ", Index: {0}"), report.IndexNumber);
        var address = Permanent(site.BaseUrl, url);
        var text = Format(S(v, "cite_plain", "{0}, {1}{2}, {3}. {4}"), string.Join(", ", authors), report.Title, index,
            v.Dates.View(report.Date).Text, site.BaseUrl is null ? "" : address).TrimEnd();
        return new Citation(CitedKind.Report, $"{report.Doc.Slug}-{report.Date.Year.ToString(CultureInfo.InvariantCulture)}-{language.Code}",
            authors, report.Title, organisation ?? campaign, report.IndexNumber, report.Date, null, null, campaign, url, address, site.BaseUrl is not null, language, null, text);
    }

    /// <summary>The citation of a finding in edition <paramref name="v"/>: the finding's own page, naming its report and the campaign.</summary>
    public static Citation Of(SiteModel model, EditionViews v, Finding f) => Of(f, FindingCiteContext.Of(model, v));

    /// <summary>The citation of a finding, from the finding and <paramref name="c"/> only.</summary>
    public static Citation Of(Finding f, FindingCiteContext c)
    {
        var code = c.Language.Code;
        var dates = new DateFormat(c.Language, c.Strings);
        string S(string key, string fallback) => c.Strings.GetValueOrDefault(key, fallback);
        var report = f.ReportSection?.Split('#', 2)[0] is { } slug ? c.Reports.GetValueOrDefault(slug) : null;
        var issued = report?.Date ?? f.Reviewed;
        var url = Urls.Finding(code, f.Id);
        var address = Permanent(c.BaseUrl, url);
        var reviewed = dates.View(f.Reviewed).Text;
        var inReport = report is null ? "" : Format(S("cite_in_report", ", in “{0}”"), report.Title);
        var title = f.Title.Get(code, c.Fallback);
        var author = c.Organisation ?? c.Campaign;
        // {6} once held the build date as an access date; it is given as nothing, so an older translation cannot print one.
        var text = Format(S("cite_pattern", "{0}. “{1}”. {2}, finding {3}{8}, {7}; last reviewed {4}. {5}."),
            author, title, c.Campaign, f.Id, reviewed, address, "", dates.View(issued).Text, inReport);
        var note = Format(S("cite_note", "Finding {0}{1}; last reviewed {2}."), f.Id, inReport, reviewed);
        return new Citation(CitedKind.Finding, $"finding-{f.Id}-{code}", [author], title, c.Organisation, f.Id, issued, f.Reviewed,
            report?.Title, c.Campaign, url, address, c.BaseUrl is not null, c.Language, note, text);
    }

    /// <summary>An address under the site's base URL, or the root-relative one when the site has none.</summary>
    public static string Permanent(string? baseUrl, string rootRelative) =>
        baseUrl is { } b ? b.TrimEnd('/') + rootRelative : rootRelative;

    private static string S(EditionViews v, string key, string fallback) => v.Strings.GetValueOrDefault(key, fallback);

    private static string Format(string pattern, params object?[] args) => string.Format(CultureInfo.InvariantCulture, pattern, args);

    // Records compare lists by reference; a live preview compares citations to know whether a finding's files changed.
    public bool Equals(Citation? other) =>
        other is not null && Kind == other.Kind && Key == other.Key && Authors.SequenceEqual(other.Authors) && Title == other.Title
        && Publisher == other.Publisher && Number == other.Number && Issued == other.Issued && Reviewed == other.Reviewed
        && Report == other.Report && Campaign == other.Campaign && Url == other.Url && Address == other.Address
        && Absolute == other.Absolute && Language == other.Language && Note == other.Note && Text == other.Text;

    public override int GetHashCode() => HashCode.Combine(Key, Title, Text, Issued);
}

/// <summary>A report as a finding's citation names it.</summary>
public sealed record CitedReport(string Title, DateOnly Date);

/// <summary>
/// What a finding's citation reads besides the finding, in one language, and nothing else: the citation is made from
/// the finding and this (a live preview keeps a finding's citation files while both are the same).
/// </summary>
/// <param name="Reports">The edition's published reports by slug.</param>
public sealed record FindingCiteContext(Language Language, string Fallback, string? Organisation, string Campaign, string? BaseUrl,
    IReadOnlyDictionary<string, string> Strings, IReadOnlyDictionary<string, CitedReport> Reports)
{
    public static FindingCiteContext Of(SiteModel model, EditionViews v)
    {
        var site = model.Site;
        var reports = new Dictionary<string, CitedReport>(StringComparer.Ordinal);
        foreach (var r in v.Edition.Reports) reports.TryAdd(r.Slug, new CitedReport(r.Item.Title, r.Item.Date));
        return new FindingCiteContext(v.Language, site.DefaultLanguage, site.Organisation?.Get(v.Code, site.DefaultLanguage),
            site.Title.Get(v.Code, site.DefaultLanguage), site.BaseUrl, v.Strings, reports);
    }
}
