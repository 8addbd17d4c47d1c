namespace Campaign.Search.Index;

/// <summary>
/// How terms are laid out in term shards (format 4): every term of the language in ordinal (UTF-16) order, cut into
/// consecutive ranges, one shard each. The manifest lists where each range starts (<c>termStarts</c>), so a reader
/// knows which one shard can hold a term, never asks for a file that does not exist, and finds every term beginning
/// with a prefix in the one or two shards its range spans (prefix search as you type). search.js has the same lookup.
/// </summary>
/// <remarks>
/// The cut is content-defined, so an edit moves only the cuts near it and a live rebuild compresses few shards again:
/// a range ends after a term once it holds <see cref="IndexFormat.TargetTermShardBytes"/> and the term's hash has its
/// two low bits zero (about four terms later), or at once when it holds twice the target. The cut depends only on the
/// terms and their sizes, so an incremental build and a full build cut alike. Fewer, bigger shards (the scale work)
/// are a larger target: the format stays the same.
/// </remarks>
public static class TermRanges
{
    /// <summary>Where each range starts: indexes into <paramref name="sizes"/> (the terms' sizes in ordinal order of the terms).</summary>
    public static List<int> Cut(IReadOnlyList<uint> hashes, IReadOnlyList<int> sizes)
    {
        var starts = new List<int>();
        long size = 0;
        for (var i = 0; i < sizes.Count; i++)
        {
            if (size == 0) starts.Add(i);
            size += sizes[i];
            if (size >= 2L * IndexFormat.TargetTermShardBytes || (size >= IndexFormat.TargetTermShardBytes && (hashes[i] & 3) == 0)) size = 0;
        }
        return starts;
    }

    /// <summary>
    /// The shortest start of <paramref name="first"/> (whole code points) that sorts after <paramref name="previous"/>:
    /// what the manifest lists for a range, so it costs a few bytes whatever the terms' lengths.
    /// </summary>
    public static string Separator(string previous, string first)
    {
        for (var n = 1; n < first.Length; n++)
        {
            if (char.IsHighSurrogate(first[n - 1])) continue;
            if (string.CompareOrdinal(first[..n], previous) > 0) return first[..n];
        }
        return first;
    }

    /// <summary>The range that can hold <paramref name="term"/>: the last whose start sorts at or before it.</summary>
    public static int ShardOf(IReadOnlyList<string> starts, string term)
    {
        int lo = 0, hi = starts.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (string.CompareOrdinal(starts[mid], term) <= 0) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>The ranges that can hold a term beginning with <paramref name="prefix"/>, first to last.</summary>
    public static (int First, int Last) ShardsOfPrefix(IReadOnlyList<string> starts, string prefix) =>
        (ShardOf(starts, prefix), ShardOf(starts, prefix + '\uffff'));
}
