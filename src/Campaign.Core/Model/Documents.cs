using System.Collections.Immutable;
using Campaign.Core.Diagnostics;

namespace Campaign.Core.Model;

/// <summary>When a page may be public: not before its embargo or publish moment, and never while it is a draft.</summary>
/// <param name="Draft">
/// <c>draft: true</c>, which every <c>campaign new</c> template carries: an untouched template is left out of the site
/// (shown with <c>--drafts</c>, marked not yet public) until the campaigner deletes the line.
/// </param>
public sealed record Schedule(DateTimeOffset? Embargo, DateTimeOffset? Publish, bool Draft = false)
{
    public static readonly Schedule Always = new(null, null);

    public DateTimeOffset? NotBefore =>
        Embargo is { } e && Publish is { } p ? (e > p ? e : p) : Embargo ?? Publish;

    public bool IsPublicAt(DateTimeOffset now) => !Draft && (NotBefore is not { } t || now >= t);
}

/// <summary>What every Markdown document has: where it lives and which language it is in.</summary>
/// <param name="Section">reports, companies, updates or pages.</param>
/// <param name="Hash">SHA-256 of the file's text, used by translations and caches.</param>
/// <param name="MarkedUntranslated"><c>untranslated: true</c>, which <c>campaign new --lang</c> writes into the copy to translate.</param>
public sealed record DocumentInfo(
    string Section,
    string Slug,
    string Lang,
    SourceLocation Location,
    Schedule Schedule,
    string? TranslatedFrom,
    string Hash,
    Load.MapNode? Fields = null,
    bool MarkedUntranslated = false)
{
    /// <summary>
    /// Where front-matter field <paramref name="field"/> (or the list item equal to <paramref name="item"/>) is,
    /// so rules that check across files can still point at the line; the file when unknown.
    /// </summary>
    public SourceLocation Where(string field, string? item = null) => Fields?.Get(field) switch
    {
        Load.ListNode list when item is not null =>
            list.Items.OfType<Load.ScalarNode>().FirstOrDefault(i => i.Value.Trim() == item)?.Location ?? list.Location,
        Load.DataNode node => node.Location,
        null => Location,
    };
}

/// <summary>A heading of a rendered Markdown body, for tables of contents and anchor checks.</summary>
/// <param name="Line">The 1-based line in the content file (front matter included), so advice can point at it; 0 when unknown.</param>
public sealed record Heading(int Level, string Id, string Text, int Line = 0);

/// <summary>A link or image written in Markdown, where it is in the file, so a broken one can be pointed at.</summary>
/// <param name="Line">The 1-based line in the content file (front matter included).</param>
public sealed record ContentLink(string Url, bool IsImage, int Line, int Column);

/// <summary>Markdown rendered to (sanitised) HTML, with its headings, its plain text and the links it writes.</summary>
public sealed record RenderedMarkdown(string Html, ImmutableArray<Heading> Headings, string PlainText, ImmutableArray<ContentLink> Links = default)
{
    public static readonly RenderedMarkdown Empty = new("", [], "");
}

/// <summary>A Markdown document of any section; the typed records below all carry one.</summary>
public interface IDocument
{
    DocumentInfo Doc { get; }
    string Title { get; }
}

/// <summary>An investigation report.</summary>
/// <param name="Subtitle">A line under the title, on the report's page and its PDF cover; null without one.</param>
/// <param name="Keywords">Subject words, written into the PDF's metadata.</param>
/// <param name="KeyFindings">The report's main findings, in the order its box on the report page lists them.</param>
public sealed record Report(
    DocumentInfo Doc,
    string Title,
    DateOnly Date,
    string Summary,
    ImmutableArray<string> Authors,
    string? IndexNumber,
    string? Licence,
    ImmutableArray<string> Companies,
    RenderedMarkdown Body,
    string? Subtitle = null,
    ImmutableArray<string> Keywords = default,
    ImmutableArray<KeyFinding> KeyFindings = default) : IDocument;

/// <summary>One entry of a report's key-findings box: the campaign's sentence, and the findings in the database that back it.</summary>
/// <param name="Findings">Finding ids; routing keeps only those of published findings.</param>
/// <param name="At">Where the entry is written, for a reference that does not resolve.</param>
public sealed record KeyFinding(RenderedMarkdown Text, ImmutableArray<string> Findings, SourceLocation At);

/// <summary>A company profile with its right-of-reply record.</summary>
public sealed record Company(
    DocumentInfo Doc,
    string Name,
    string Country,
    string? Parent,
    ImmutableArray<string> Products,
    string Summary,
    string? Website,
    ImmutableArray<CompanyResponse> Responses,
    DateOnly? Updated,
    RenderedMarkdown Body) : IDocument
{
    public string Title => Name;

    /// <summary>The status shown in lists: that of the latest response, or <c>not-asked</c>.</summary>
    public string Status => Responses.IsEmpty ? "not-asked" : Responses[^1].Status;
}

/// <summary>One exchange of the right of reply: asked, reminded, deadline, answer, rejoinder, and the company's own letter.</summary>
/// <param name="Form"><c>quote</c> when the text is the company's own words, <c>summary</c> when it is the campaign's summary.</param>
/// <param name="Reminder">The date the campaign reminded the company, when it did.</param>
/// <param name="RejoinderDate">The date of the campaign's rejoinder.</param>
/// <param name="Document">Another file under <c>assets/</c> (an annex), linked as it is.</param>
/// <param name="Letter">The file name of the company's own letter beside the company's Markdown (<c>companies/axis-reply.en.pdf</c>), read into <see cref="ContentModel.Letters"/>.</param>
/// <param name="LetterNode">Where <c>letter:</c> is written (line and field), so a missing file can be pointed at.</param>
public sealed record CompanyResponse(
    string Status,
    DateOnly? Asked,
    DateOnly? Deadline,
    DateOnly? Answered,
    string Form,
    RenderedMarkdown? Text,
    RenderedMarkdown? Rejoinder,
    string? Document,
    DateOnly? Reminder = null,
    DateOnly? RejoinderDate = null,
    string? Letter = null,
    Load.DataNode? LetterNode = null)
{
    /// <summary>The dates of the exchange that are known, each with its front-matter field, in the order an exchange runs.</summary>
    public IReadOnlyList<(string Field, DateOnly Date)> Events =>
        [.. new (string Field, DateOnly? Date)[] { ("asked", Asked), ("reminder", Reminder), ("deadline", Deadline), ("answered", Answered), ("rejoinder_date", RejoinderDate) }
            .Where(e => e.Date is not null).Select(e => (e.Field, e.Date!.Value))];
}

/// <summary>
/// A company's own letter, supplied as a file beside its Markdown in <c>companies/</c> (PDF or plain text) and declared by
/// a response's <c>letter:</c>: published whole under <c>downloads/letters/</c>, and a text letter also shown in full.
/// </summary>
/// <param name="Name">The file name in <c>companies/</c>, e.g. <c>axis-reply.en.txt</c>.</param>
/// <param name="Lang">The language of the letter, from a <c>.en.</c> suffix of its name; null when the name gives none.</param>
/// <param name="Text">The letter's text, for a <c>.txt</c> letter; null for a PDF.</param>
public sealed record CompanyLetter(string Name, string? Lang, byte[] Bytes, string? Text)
{
    /// <summary>Where the letter is published.</summary>
    public string OutputPath => "downloads/letters/" + Name;

    /// <summary>The extensions a letter may have.</summary>
    public static readonly string[] Extensions = [".pdf", ".txt"];
}

/// <summary>A dated campaign update: news, press release or statement.</summary>
public sealed record Update(
    DocumentInfo Doc,
    string Title,
    DateOnly Date,
    string Kind,
    string? Summary,
    ImmutableArray<string> Tags,
    ImmutableArray<string> Companies,
    RenderedMarkdown Body,
    RenderedMarkdown? NotesToEditors = null) : IDocument;

/// <summary>A free page (about, methodology, take action, press).</summary>
/// <param name="Layout">The theme layout that draws it: <c>page</c>, or <c>press</c> for the press room.</param>
public sealed record Page(
    DocumentInfo Doc,
    string Title,
    string? Summary,
    int? Menu,
    RenderedMarkdown Body,
    string Layout = "page") : IDocument
{
    /// <summary>The layouts a page may ask for with <c>layout:</c>.</summary>
    public static readonly string[] Layouts = ["page", "press"];
}

/// <summary>A file under <c>input/assets/</c>, copied as it is.</summary>
/// <param name="Path">Path relative to <c>assets/</c>, with forward slashes.</param>
/// <param name="Sha256">The hash of the file as loaded: downloads list it, PDFs and the preview's output key on it.</param>
public sealed record Asset(string Path, string FullPath, long Size, string Sha256);

/// <summary>A report's PDF supplied beside its Markdown (<c>reports/&lt;slug&gt;.&lt;lang&gt;.pdf</c>), published instead of a printed one.</summary>
public sealed record SuppliedPdf(string Slug, string Lang, byte[] Bytes);

/// <summary>Everything loaded and validated from <c>input/</c>: the content stage's result.</summary>
public sealed record ContentModel(
    SiteConfig Site,
    UiStrings Strings,
    Vocabularies Vocabularies,
    ImmutableArray<Report> Reports,
    ImmutableArray<Company> Companies,
    ImmutableArray<Update> Updates,
    ImmutableArray<Page> Pages,
    ImmutableArray<Finding> Findings,
    ImmutableArray<Asset> Assets,
    ImmutableArray<SuppliedPdf> SuppliedPdfs,
    ImmutableArray<CompanyLetter> Letters)
{
    /// <summary>The key that signs <c>SHA256SUMS</c> (<c>signing:</c> in <c>site.yaml</c>), or null.</summary>
    public SigningKey? Signer { get; init; }
}
