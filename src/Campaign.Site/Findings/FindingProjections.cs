using System.Collections.Immutable;
using Campaign.Core.Model;
using Campaign.Site.Citations;
using Campaign.Site.Emit;
using Campaign.Site.Planning;
using Campaign.Site.Rendering;

namespace Campaign.Site.Findings;

/// <summary>What a finding's record reads besides the finding: the base URL and the site's languages (its page URLs).</summary>
public sealed record RecordContext(string? BaseUrl, ImmutableArray<string> Languages);

/// <summary>What a spreadsheet line reads besides its finding: the languages (column groups), the number of source columns, the names and labels beside the codes.</summary>
public sealed record CsvContext(ImmutableArray<string> Languages, int Sources, FindingCsvLabels Labels);

/// <summary>What a finding's page reads besides the finding: the edition's views, its page frames and the citation's context.</summary>
public sealed record FindingPageContext(FindingViewFactory Views, PageFrames Frames, FindingCiteContext Cite);

/// <summary>What a row of a language's facet file reads besides its finding: each facet value's position in the file's value lists.</summary>
public sealed record FacetRowContext(string Code, string Fallback, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Positions);

/// <summary>A page's frame and what its layout reads, as one output.</summary>
public sealed record PagePart(PageView Page, object Model);

/// <summary>
/// Each output the findings make per finding, as a <see cref="Projection{TRecord, TContext, TOut}"/> of the finding (or its
/// record) and a context that holds everything else it reads: the build makes them through its <see cref="IProjector"/>.
/// </summary>
public static class FindingProjections
{
    private static readonly IEqualityComparer<byte[]> SameBytes = new BytesComparer();
    private static readonly IEqualityComparer<CitationEntry> SameCitation = new CitationComparer();

    /// <summary>A finding's record (<c>/data/findings/&lt;xx&gt;/&lt;id&gt;.json</c>) and the same object as an element of <c>findings.json</c>.</summary>
    public static readonly Projection<Finding, RecordContext, RecordPiece> Record =
        new("finding-record", static (f, c) => RecordPiece.Of(f, c), parallel: true);

    /// <summary>A finding's line of <c>findings.csv</c>; new lines are written together, one writer for all.</summary>
    public static readonly Projection<Finding, CsvContext, byte[]> CsvLine =
        new("csv-line", static (f, c) => FindingCsv.Lines([f], c.Languages, c.Sources, c.Labels)[0],
            makeMany: static (fs, c) => FindingCsv.Lines(fs, c.Languages, c.Sources, c.Labels), same: SameBytes);

    /// <summary>A finding's record as its file (<see cref="Routing.Urls.FindingRecord"/>), the one file of each finding beside its pages.</summary>
    public static readonly Projection<RecordPiece, RecordContext, GeneratedFile> RecordFile =
        new("finding-record-file", static (r, _) => new GeneratedFile(Routing.Urls.FindingRecord(r.Finding.Id).TrimStart('/'), r.Record));

    /// <summary>A finding's citation in one language as it stands in that language's whole-database citation files.</summary>
    public static readonly Projection<Finding, FindingCiteContext, CitationEntry> CitationEntry =
        new("finding-citation", static (f, c) => Findings.CitationEntry.Of(Citation.Of(f, c)), same: SameCitation, parallel: true);

    /// <summary>A finding's row in one language's facet file (see <see cref="FindingExports.Facets"/>).</summary>
    public static readonly Projection<Finding, FacetRowContext, byte[]> FacetRow =
        new("facet-row", static (f, c) => FindingExports.FacetRow(f, c), same: SameBytes);

    /// <summary>A finding's row in the tables of one language.</summary>
    public static readonly Projection<Finding, FindingViewFactory, FindingRowView> Row =
        new("finding-row", static (f, views) => views.Row(f), same: EqualityComparer<FindingRowView>.Default);

    /// <summary>A finding's page in one language: its frame and its view.</summary>
    public static readonly Projection<Finding, FindingPageContext, PagePart> Page =
        new("finding-page", static (f, c) => FindingPages.Page(f, c), parallel: true);

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? a, byte[]? b) => a.AsSpan().SequenceEqual(b);
        public int GetHashCode(byte[] bytes) => bytes.Length;
    }

    /// <summary>
    /// The same entry in every format: an edit a citation does not show (a summary) then keeps the entry, so the six
    /// whole-database citation files (tens of megabytes at 100,000 findings) are recognised as unchanged, not joined and hashed again.
    /// </summary>
    private sealed class CitationComparer : IEqualityComparer<CitationEntry>
    {
        public bool Equals(CitationEntry? a, CitationEntry? b) =>
            ReferenceEquals(a, b) || a is not null && b is not null && a.Bib.AsSpan().SequenceEqual(b.Bib) && a.Csl.AsSpan().SequenceEqual(b.Csl)
                && a.Ris.AsSpan().SequenceEqual(b.Ris);
        public int GetHashCode(CitationEntry entry) => entry.Bib.Length;
    }
}

/// <summary>
/// A finding's record (<c>/data/findings/&lt;xx&gt;/&lt;id&gt;.json</c>, one file for every language) and the same object
/// as an element of <c>findings.json</c>'s array, with the finding it is the record of.
/// </summary>
public sealed record RecordPiece(Finding Finding, byte[] Record, byte[] Element)
{
    public static RecordPiece Of(Finding f, RecordContext context)
    {
        var record = FindingExports.RecordBytes(f, context);
        return new RecordPiece(f, record, FindingExports.Element(record));
    }
}
