using System.Collections.Immutable;
using Campaign.Core.Diagnostics;

namespace Campaign.Core.Model;

/// <summary>One documented sale, contract, tender listing or use of a surveillance product, or a company's statement or non-answer about one, with its evidence.</summary>
/// <param name="Id">Stable id; never reused; the URL is built from it.</param>
/// <param name="Summary">What happened, per language, rendered from Markdown.</param>
/// <param name="SummaryForm"><c>fact</c>, or <c>summary</c> where the text summarises someone's statement.</param>
/// <param name="ReportSection"><c>report-slug#heading-id</c>.</param>
/// <param name="Places">Where the fields were written, for diagnostics of cross-file rules.</param>
/// <param name="Kind">What it documents (vocabulary <c>finding_kind</c>: sale, contract, tender, use, statement, non-answer); null when the content does not say.</param>
public sealed record Finding(
    string Id,
    SourceLocation Location,
    LocalizedText Title,
    string Company,
    LocalizedText Product,
    string Technology,
    Buyer Buyer,
    LocalizedText Country,
    YearRange Years,
    ImmutableSortedDictionary<string, RenderedMarkdown> Summary,
    LocalizedText SummarySource,
    string SummaryForm,
    string Licence,
    ImmutableArray<EvidenceSource> Sources,
    string? ReportSection,
    ImmutableArray<string> Tags,
    DateOnly Reviewed,
    FieldPlaces? Places = null,
    string? Kind = null)
{
    /// <summary>Where field <paramref name="field"/> of this finding is written; the record's first line when unknown.</summary>
    public SourceLocation Where(string field) => (Places ?? FieldPlaces.None).Of(field, Location);
}

/// <summary>Who bought or used the product.</summary>
public sealed record Buyer(LocalizedText Name, string Type, LocalizedText? Province, LocalizedText? City);

/// <summary>A single year or an inclusive range of years, or <see cref="NotStated"/> when the sources give none.</summary>
public sealed record YearRange(int From, int To)
{
    /// <summary>The sources give no year (<c>years: not-stated</c>): no year facet, listed after dated findings, shown as "year not stated".</summary>
    public static readonly YearRange NotStated = new(0, 0);

    /// <summary>How the content writes <see cref="NotStated"/>.</summary>
    public const string NotStatedText = "not-stated";

    public bool Stated => From > 0;

    /// <summary>2015, 2012–2019, or empty when not stated (pages show the language's words for that).</summary>
    public override string ToString() => !Stated ? "" : From == To ? $"{From}" : $"{From}–{To}";

    public IEnumerable<int> All => Stated ? Enumerable.Range(From, To - From + 1) : [];
}

/// <summary>A source backing a finding.</summary>
public sealed record EvidenceSource(
    string Title,
    string? Publisher,
    DateOnly? Date,
    string Url,
    string? ArchivedUrl,
    string? Quote,
    string? Language);
