using System.Collections.Immutable;

namespace Campaign.Core.Model;

/// <summary>A text given in several languages, keyed by language code (<c>en</c>, <c>zh</c>).</summary>
public sealed record LocalizedText(ImmutableSortedDictionary<string, string> Values)
{
    public static LocalizedText Of(params (string Lang, string Text)[] values) =>
        new(values.ToImmutableSortedDictionary(v => v.Lang, v => v.Text, StringComparer.Ordinal));

    public string? this[string lang] => Values.TryGetValue(lang, out var v) ? v : null;

    public bool Has(string lang) => Values.ContainsKey(lang);

    /// <summary>The text in <paramref name="lang"/>, else in <paramref name="fallback"/>, else the first one given.</summary>
    public string Get(string lang, string fallback) =>
        this[lang] ?? this[fallback] ?? Values.Values.FirstOrDefault() ?? "";

    public bool Equals(LocalizedText? other) =>
        other is not null && Values.Count == other.Values.Count &&
        Values.All(kv => other.Values.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override int GetHashCode() => Values.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value));
}
