using System.Collections.Immutable;
using Campaign.Core.Diagnostics;

namespace Campaign.Core.Load;

/// <summary>
/// A value read from YAML front matter, a YAML data file or a CSV row, with where it came from.
/// YAML and CSV both become this tree, so one schema reader serves both and every
/// diagnostic can name the file, line and field.
/// </summary>
public abstract record DataNode(SourceLocation Location, string Field);

/// <summary>A single value; YAML scalars and CSV cells.</summary>
public sealed record ScalarNode(string Value, SourceLocation Location, string Field) : DataNode(Location, Field);

/// <summary>A mapping with its keys in file order.</summary>
/// <param name="Separator">How a child's field is named: <c>buyer.type</c> in YAML, <c>buyer_type</c> in CSV.</param>
public sealed record MapNode(ImmutableArray<KeyValuePair<string, DataNode>> Entries, SourceLocation Location, string Field, string Separator = ".")
    : DataNode(Location, Field)
{
    public DataNode? Get(string key)
    {
        foreach (var (k, v) in Entries)
            if (k == key) return v;
        return null;
    }

    public IEnumerable<string> Keys => Entries.Select(e => e.Key);
}

/// <summary>A list.</summary>
public sealed record ListNode(ImmutableArray<DataNode> Items, SourceLocation Location, string Field) : DataNode(Location, Field);
