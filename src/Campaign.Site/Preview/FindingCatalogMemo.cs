using System.Collections.Immutable;
using Campaign.Core.Model;
using Campaign.Site.Findings;
using Campaign.Site.Routing;

namespace Campaign.Site.Preview;

/// <summary>
/// A live preview's findings catalogue. When only findings whose facets and place names are unchanged were edited
/// (<see cref="FindingCatalog.SameFacets"/>), and what else the catalogue is built from (<see cref="CatalogContext"/>, by
/// digest) is the same, the previous catalogue's order and facets still hold: it is reused with the new instances swapped
/// in, so sorting and grouping ten thousand findings is not done again for an edit of one. Anything else builds it anew.
/// </summary>
public sealed class FindingCatalogMemo
{
    private (string Context, ImmutableArray<Finding> Input, FindingCatalog Catalog, Dictionary<string, int> Positions)? _last;

    /// <summary>Catalogues worked out from scratch since the last <see cref="ResetCounts"/>.</summary>
    public int Built { get; private set; }

    /// <summary>Catalogues reused (with the edited findings swapped in) since the last <see cref="ResetCounts"/>.</summary>
    public int Reused { get; private set; }

    internal void ResetCounts() => (Built, Reused) = (0, 0);

    /// <summary>The catalogue of <paramref name="model"/>'s findings.</summary>
    public FindingCatalog Catalog(SiteModel model)
    {
        var from = CatalogContext.Of(model);
        var context = new ValueFingerprint().Of(from) ?? Guid.NewGuid().ToString(); // unreadable: never equal to the last build's
        var input = model.Findings;
        if (_last is { } known && known.Context == context && known.Input.Length == input.Length && Swap(known, input) is { } findings)
        {
            var reused = known.Catalog with { Findings = findings };
            _last = (context, input, reused, known.Positions);
            Reused++;
            return reused;
        }
        var catalog = FindingCatalog.Build(input, from);
        var positions = new Dictionary<string, int>(catalog.Findings.Length, StringComparer.Ordinal);
        for (var i = 0; i < catalog.Findings.Length; i++) positions[catalog.Findings[i].Id] = i;
        _last = (context, input, catalog, positions);
        Built++;
        return catalog;
    }

    /// <summary>The previous catalogue's findings with the edited ones swapped in, or null when an edit could move or regroup a finding.</summary>
    private static ImmutableArray<Finding>? Swap((string Context, ImmutableArray<Finding> Input, FindingCatalog Catalog, Dictionary<string, int> Positions) known,
        ImmutableArray<Finding> input)
    {
        ImmutableArray<Finding>.Builder? swapped = null;
        for (var i = 0; i < input.Length; i++)
        {
            var f = input[i];
            if (ReferenceEquals(f, known.Input[i])) continue;
            // ids are unique (the loader reports duplicates) and the counts are equal, so matching by id pairs every finding
            if (!known.Positions.TryGetValue(f.Id, out var at) || !FindingCatalog.SameFacets(known.Catalog.Findings[at], f)) return null;
            swapped ??= known.Catalog.Findings.ToBuilder();
            swapped[at] = f;
        }
        return swapped is null ? known.Catalog.Findings : swapped.MoveToImmutable();
    }
}
