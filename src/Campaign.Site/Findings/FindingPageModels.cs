using Campaign.Site.Rendering;

namespace Campaign.Site.Findings;

/// <summary>What the <c>finding</c> layout reads.</summary>
public sealed record FindingPage(FindingView Finding);

/// <summary>What makes a finding's page model as the page renders, in a plain build (see <see cref="IDeferredModel"/>).</summary>
public sealed record FindingPageSource(Core.Model.Finding Finding, FindingPageContext Context) : IDeferredModel
{
    public object Make() => new FindingPage(Context.Views.Finding(Finding, Citations.Citation.Of(Finding, Context.Cite)));
}

/// <summary>What the <c>finding-list</c> layout reads: the index, one of its numbered pages, or a facet value's list.</summary>
public sealed record FindingListPage(FindingListView List);

/// <summary>What the <c>finding-facet</c> layout reads: every value of one facet.</summary>
public sealed record FindingFacetPage(FacetView Facet, string IndexUrl);

/// <summary>What the <c>data</c> layout reads: the whole-database downloads (read as the page renders) and where the rest is.</summary>
public sealed record DataPage(IReadOnlyList<DownloadView> Downloads, string IndexUrl, string? ExampleRecord, string FacetsUrl);
