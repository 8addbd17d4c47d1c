using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Campaign.Core.Model;
using Campaign.Site.Findings;
using Campaign.Site.Routing;

namespace Campaign.Site.Preview;

/// <summary>
/// The findings' generated files from the previous build of a live preview, piece by piece: each finding's record,
/// citations, spreadsheet row and facet row, and the catalogue. Records are immutable and the loader hands back the
/// same <see cref="Finding"/> instance for an unchanged finding, so a piece is keyed by that instance (by reference)
/// plus what else it was made from (its context: languages, base URL, the build date...). An edit of one finding then
/// regenerates that finding's pieces only, the whole-database files are put together from the pieces, and the
/// unchanged files are the same byte arrays as before, which the output ledger recognises without hashing them.
/// </summary>
public sealed class FindingFilesMemo
{
    /// <summary>A piece and what it was made from besides the finding; the context is compared by value.</summary>
    private sealed record Entry(object Context, object Value);

    // One table per kind of piece (record, csv, cite:en...). A ConditionalWeakTable compares keys by reference and
    // lets the pieces of deleted or replaced findings go with them.
    private readonly ConcurrentDictionary<string, ConditionalWeakTable<Finding, Entry>> _pieces = new(StringComparer.Ordinal);
    private int _made;
    private int _reused;

    private (string Context, ImmutableArray<Finding> Input, FindingCatalog Catalog, Dictionary<string, int> Positions)? _catalog;
    private int _catalogsBuilt;
    private int _catalogsReused;

    /// <summary>Pieces made since the last <see cref="ResetCounts"/> (one per finding and kind of piece).</summary>
    public int Made => _made;

    private readonly ConcurrentDictionary<string, int> _madeByKind = new(StringComparer.Ordinal);

    /// <summary>
    /// Pieces of one kind made since the last <see cref="ResetCounts"/>: <c>record</c>, <c>csv</c>, <c>files:en</c> (a language's
    /// record, BibTeX and CSL-JSON files), <c>facets:en</c> (a row of the language's facet file).
    /// </summary>
    public int MadeOf(string kind) => _madeByKind.GetValueOrDefault(kind);

    /// <summary>Pieces taken from the memo since the last <see cref="ResetCounts"/> (a piece used twice in a build counts twice).</summary>
    public int Reused => _reused;

    /// <summary>Catalogues worked out from scratch since the last <see cref="ResetCounts"/>.</summary>
    public int CatalogsBuilt => _catalogsBuilt;

    /// <summary>Catalogues reused (with the edited findings swapped in) since the last <see cref="ResetCounts"/>.</summary>
    public int CatalogsReused => _catalogsReused;

    /// <summary>Clears the counts (a session does at the start of each build).</summary>
    internal void ResetCounts()
    {
        _made = 0;
        _reused = 0;
        _madeByKind.Clear();
        _catalogsBuilt = 0;
        _catalogsReused = 0;
    }

    /// <summary>
    /// The piece of kind <paramref name="kind"/> for <paramref name="finding"/>: the remembered one when it was made
    /// from this instance in an equal <paramref name="context"/> (compared with <see cref="object.Equals(object?)"/>), else made now.
    /// </summary>
    public T Get<T>(string kind, Finding finding, object context, Func<Finding, T> make) where T : notnull
    {
        var table = _pieces.GetOrAdd(kind, _ => new ConditionalWeakTable<Finding, Entry>());
        if (table.TryGetValue(finding, out var entry) && entry.Context.Equals(context))
        {
            Interlocked.Increment(ref _reused);
            return (T)entry.Value;
        }
        var value = make(finding);
        table.AddOrUpdate(finding, new Entry(context, value));
        Count(kind);
        return value;
    }

    /// <summary>The remembered piece of kind <paramref name="kind"/> for <paramref name="finding"/> made in <paramref name="context"/>, if any.</summary>
    public bool TryGet<T>(string kind, Finding finding, object context, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value) where T : notnull
    {
        if (_pieces.TryGetValue(kind, out var table) && table.TryGetValue(finding, out var entry) && entry.Context.Equals(context))
        {
            Interlocked.Increment(ref _reused);
            value = (T)entry.Value;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Remembers pieces made together (a batch of spreadsheet rows), as <see cref="Get{T}"/> would have.</summary>
    public void Set<T>(string kind, Finding finding, object context, T value) where T : notnull
    {
        _pieces.GetOrAdd(kind, _ => new ConditionalWeakTable<Finding, Entry>()).AddOrUpdate(finding, new Entry(context, value));
        Count(kind);
    }

    private void Count(string kind)
    {
        Interlocked.Increment(ref _made);
        _madeByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    private readonly ConcurrentDictionary<string, object> _slots = new(StringComparer.Ordinal);

    /// <summary>
    /// The previous build's pieces of kind <paramref name="kind"/> by position (see <see cref="FindingSlots{T}"/>): a rebuild
    /// compares the findings' instances position by position and looks up (<see cref="Get{T}"/>) only those that changed.
    /// </summary>
    internal FindingSlots<T> Slots<T>(string kind) where T : class => (FindingSlots<T>)_slots.GetOrAdd(kind, _ => new FindingSlots<T>());

    private readonly ConcurrentDictionary<string, (byte[] Head, byte[][] Parts, object Whole)> _wholes = new(StringComparer.Ordinal);

    /// <summary>
    /// A file put together from a head and pieces (<c>findings.csv</c>, a facet file): the previous build's (the same array,
    /// or the same <see cref="Emit.GeneratedFile"/> for a file kept in pieces) when the head reads the same and every piece
    /// is the same array as then (nothing in it changed), else <paramref name="join"/>'s. The same file is not hashed again when written.
    /// </summary>
    public T Whole<T>(string path, byte[] head, byte[][] parts, Func<T> join) where T : class
    {
        if (_wholes.TryGetValue(path, out var known) && known.Whole is T same && known.Parts.Length == parts.Length
            && known.Head.AsSpan().SequenceEqual(head) && known.Parts.AsSpan().SequenceEqual(parts, ReferenceEqualityComparer.Instance))
            return same;
        var whole = join();
        _wholes[path] = (head, parts, whole);
        return whole;
    }

    /// <summary>
    /// The catalogue of <paramref name="model"/>'s findings. When only findings whose facets and place names are unchanged
    /// were edited (<see cref="FindingCatalog.SameFacets"/>), and the companies and vocabularies read the same, the previous
    /// catalogue's order and facets still hold: it is reused with the new instances swapped in. Anything else builds it anew.
    /// </summary>
    public FindingCatalog Catalog(SiteModel model)
    {
        // the key is the whole of what the catalogue is built from besides the findings
        var from = CatalogContext.Of(model);
        var context = new ValueFingerprint().Of(from) ?? Guid.NewGuid().ToString(); // unreadable: never equal to the last build's
        var input = model.Findings;
        if (_catalog is { } known && known.Context == context && known.Input.Length == input.Length
            && Swap(known, input) is { } findings)
        {
            var reused = known.Catalog with { Findings = findings };
            _catalog = (context, input, reused, known.Positions);
            _catalogsReused++;
            return reused;
        }
        var catalog = FindingCatalog.Build(input, from);
        var positions = new Dictionary<string, int>(catalog.Findings.Length, StringComparer.Ordinal);
        for (var i = 0; i < catalog.Findings.Length; i++) positions[catalog.Findings[i].Id] = i;
        _catalog = (context, input, catalog, positions);
        _catalogsBuilt++;
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
