using System.Collections;

namespace Campaign.Site.Planning;

/// <summary>
/// A list a page shows that another feature's files decide (sizes, hashes): made on first read, when the page renders,
/// which is after the plan is complete; so no feature changes a page once it is planned.
/// </summary>
public sealed class DeferredList<T>(Func<IReadOnlyList<T>> make) : IReadOnlyList<T>
{
    private readonly Lazy<IReadOnlyList<T>> _items = new(make);

    public T this[int index] => _items.Value[index];

    public int Count => _items.Value.Count;

    public IEnumerator<T> GetEnumerator() => _items.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
