using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Campaign.Core.Model;
using Campaign.Search;

namespace Campaign.Site.Search;

/// <summary>
/// What the corpora of a live preview's previous build were made of: each language's finding documents by finding
/// record, and each report's sections by its HTML (parsing the reports again cost as much as the rest). A finding's
/// document is a function of the record (unchanged files give the same record instances) and of its context
/// (<see cref="SearchCorpora.FindingContext"/>, given by its digest, the only other thing the document is made from), so while the context is the same
/// an unchanged record's document is reused as it is: building ten thousand documents again cost more than the
/// index itself, and the index recognises a reused document without reading its text.
/// </summary>
public sealed class CorpusMemo
{
    private readonly ConditionalWeakTable<string, IReadOnlyList<(string Id, string Title, string Text)>> _sections = new();
    private readonly ConcurrentDictionary<string, (string Context, Finding[] Findings, SearchDocument[] Documents)> _byLanguage = new(StringComparer.Ordinal);

    /// <summary>The sections of a report body: the last build's when the HTML is the same string (an unchanged file's report is the same record).</summary>
    internal IReadOnlyList<(string Id, string Title, string Text)> Sections(string html, Func<string, IReadOnlyList<(string Id, string Title, string Text)>> cut) =>
        _sections.GetValue(html, h => cut(h));

    /// <summary>The documents of <paramref name="findings"/> in order: the previous build's where the record and context are the same, else made.</summary>
    internal SearchDocument[] Documents(string lang, string context, IReadOnlyList<Finding> findings, Func<Finding, SearchDocument> make)
    {
        var result = new SearchDocument[findings.Count];
        var known = _byLanguage.TryGetValue(lang, out var last) && last.Context == context ? last : default;
        Dictionary<Finding, SearchDocument>? byRecord = null; // only when records moved (added or removed before them)
        for (var i = 0; i < result.Length; i++)
        {
            var f = findings[i];
            if (known.Findings is { } before && i < before.Length && ReferenceEquals(before[i], f))
            {
                result[i] = known.Documents[i];
                continue;
            }
            if (known.Findings is not null)
            {
                if (byRecord is null)
                {
                    byRecord = new Dictionary<Finding, SearchDocument>(ReferenceEqualityComparer.Instance);
                    for (var n = 0; n < known.Findings.Length; n++) byRecord.TryAdd(known.Findings[n], known.Documents[n]);
                }
                if (byRecord.TryGetValue(f, out var doc))
                {
                    result[i] = doc;
                    continue;
                }
            }
            result[i] = make(f);
        }
        _byLanguage[lang] = (context, [.. findings], result);
        return result;
    }
}
