using System.Collections.Immutable;
using Campaign.Core.Model;

namespace Campaign.Site.Preview;

/// <summary>
/// One value per finding from the previous build of a live preview, by position in a list of findings (the catalogue,
/// or the findings by id). An edit leaves every other finding the same instance at the same position, so a rebuild
/// takes their values by comparing two arrays of references, without a lookup per finding; only the positions whose
/// instance changed are made again (by <c>make</c>, which may still find them in a memo by instance).
/// Not safe for two threads at once: each list of values is filled by one stage of one build.
/// </summary>
internal sealed class FindingSlots<T> where T : class
{
    private ImmutableArray<Finding> _findings = [];
    private T[] _values = [];
    private object? _context;

    /// <summary>Values made again by the last fill.</summary>
    public int LastMade { get; private set; }

    /// <summary>
    /// The value of each of <paramref name="findings"/>: the previous build's where the same instance is at the same position
    /// and <paramref name="context"/> (what else the values read) equals the previous one, else <paramref name="make"/>'s.
    /// </summary>
    /// <param name="parallel">Make missing values on every core when there are many (a first build, a changed context).</param>
    /// <param name="same">
    /// When given, a value made again that equals the previous build's at its position is replaced by that previous instance,
    /// so what is put together from the values (a facet file, a list page) is recognised as unchanged: an edit of a finding's
    /// summary leaves its table row and its facet file row as they were.
    /// </param>
    public T[] Fill(ImmutableArray<Finding> findings, object context, Func<int, Finding, T> make, bool parallel = false, Func<T, T, bool>? same = null) =>
        Fill(findings, context, (missing, values) =>
        {
            if (parallel && missing.Count > 64) Parallel.ForEach(missing, i => values[i] = make(i, findings[i]));
            else foreach (var i in missing) values[i] = make(i, findings[i]);
        }, same);

    /// <summary>As the other <c>Fill</c>, with the missing values made
    /// together: <paramref name="makeMissing"/> fills the given positions of the array.</summary>
    public T[] Fill(ImmutableArray<Finding> findings, object context, Action<IReadOnlyList<int>, T[]> makeMissing, Func<T, T, bool>? same = null)
    {
        var values = new T[findings.Length];
        var known = _findings.Length == findings.Length && Equals(_context, context);
        var missing = new List<int>();
        for (var i = 0; i < values.Length; i++)
        {
            if (known && ReferenceEquals(_findings[i], findings[i])) values[i] = _values[i];
            else missing.Add(i);
        }
        if (missing.Count > 0) makeMissing(missing, values);
        if (known && same is not null)
            foreach (var i in missing)
                if (same(_values[i], values[i])) values[i] = _values[i];
        (_findings, _values, _context, LastMade) = (findings, values, context, missing.Count);
        return values;
    }
}
