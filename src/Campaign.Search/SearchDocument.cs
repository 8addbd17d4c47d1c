namespace Campaign.Search;

/// <summary>One thing a reader can find: a finding, a report section, a company, an update or a page, in one language.</summary>
/// <param name="Url">Root-relative URL with the language (<c>/en/findings/axis-1/</c>, <c>/en/reports/x/#section</c>).</param>
/// <param name="Kind"><c>finding</c>, <c>report</c>, <c>company</c>, <c>update</c> or <c>page</c>.</param>
/// <param name="Company">Slug of the company the document is about, if any (filter value).</param>
/// <param name="YearFrom">First year the document covers (filter value), 0 when none.</param>
/// <param name="Body">Plain text: what is indexed and what excerpts are cut from.</param>
/// <param name="Ids">
/// What the document is known by besides its title (a finding's permanent id, a report's index number and authors):
/// indexed with the title, so a search for one of them puts the page it identifies first; never shown.
/// </param>
/// <param name="ExcerptFrom">
/// The prose result excerpts are cut from when the body starts with something else (a finding's company, product and
/// buyer, shown as chips instead); null: the body.
/// </param>
public sealed record SearchDocument(
    string Url,
    string Title,
    string Kind,
    string? Company,
    int YearFrom,
    int YearTo,
    string Body,
    string Ids = "",
    string? ExcerptFrom = null)
{
    /// <summary>The text of the title field: the title, and the identifiers after it.</summary>
    public string TitleText => Ids.Length == 0 ? Title : Title + "\n" + Ids;
}

/// <summary>A company as the search filters list it: slug and name in the edition's language.</summary>
public sealed record SearchCompany(string Slug, string Name);

/// <summary>What one language's index is built from.</summary>
/// <param name="Lang">Language code (<c>en</c>, <c>zh</c>), the folder name under <c>search/</c>.</param>
public sealed record SearchCorpus(string Lang, IReadOnlyList<SearchDocument> Documents, IReadOnlyList<SearchCompany> Companies);
