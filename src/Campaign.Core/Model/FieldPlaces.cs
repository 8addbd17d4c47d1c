using System.Collections.Immutable;
using Campaign.Core.Diagnostics;

namespace Campaign.Core.Model;

/// <summary>
/// Where each field of a data record was written (YAML key or CSV cell), so rules that check the record against
/// the rest of the campaign point at the field's line rather than the record's first line. Compared by value,
/// so records that carry it keep value equality.
/// </summary>
public sealed class FieldPlaces : IEquatable<FieldPlaces>
{
    private readonly ImmutableSortedDictionary<string, SourceLocation> _places;

    public FieldPlaces(IEnumerable<KeyValuePair<string, SourceLocation>> places) =>
        _places = places.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>No field locations: every field is reported at the record.</summary>
    public static readonly FieldPlaces None = new([]);

    /// <summary>Where <paramref name="field"/> is, or <paramref name="record"/> when it was not written.</summary>
    public SourceLocation Of(string field, SourceLocation record) => _places.GetValueOrDefault(field, record);

    public bool Equals(FieldPlaces? other) => other is not null && _places.SequenceEqual(other._places);

    public override bool Equals(object? obj) => Equals(obj as FieldPlaces);

    public override int GetHashCode() => _places.Count;
}
