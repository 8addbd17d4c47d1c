namespace Campaign.Site.Emit;

/// <summary>
/// Rewrites a large file in place from the first byte that differs from its previous version, not whole: a live
/// preview's edit of one finding changes one piece of <c>findings.json</c> (tens of megabytes), and rewriting all of
/// it cost more than anything else in the rebuild. Only for a file whose previous bytes the output ledger knows are on disk.
/// </summary>
internal static class FilePatch
{
    /// <summary>Files smaller than this are written whole: a patch saves nothing worth its comparisons.</summary>
    private const int Smallest = 256 * 1024;

    /// <summary>Pieces up to this size are compared by their bytes (a head made anew on every build); larger ones by identity.</summary>
    private const int Compared = 16 * 1024;

    /// <summary>
    /// Writes <paramref name="after"/> over the file at <paramref name="path"/>, which holds <paramref name="before"/>'s bytes:
    /// only from the first piece that differs, and only up to the last that differs when the size is unchanged.
    /// False (nothing written) when a patch cannot help; the caller then writes the whole file.
    /// </summary>
    public static bool Apply(string path, GeneratedFile before, GeneratedFile after)
    {
        if (after.Size < Smallest || before.Size < Smallest) return false;
        var old = before.Segments;
        var now = after.Segments;
        var (first, offset) = old.Count == 1 && now.Count == 1 ? Bytes(old[0], now[0]) : Pieces(old, now);
        if (offset == 0) return false; // differs from the start: a whole write
        var end = now.Count;
        if (after.Size == before.Size && old.Count == now.Count)
            while (end > first && Same(old[end - 1], now[end - 1])) end--; // the unchanged tail stays as it is
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.None);
            if (RandomAccess.GetLength(handle) != before.Size) return false; // not what the ledger thinks: write it whole
            var pieces = new List<ReadOnlyMemory<byte>>(end - first + 1);
            if (old.Count == 1 && now.Count == 1) pieces.Add(now[0][(int)offset..]);
            else for (var i = first; i < end; i++) pieces.Add(now[i]);
            RandomAccess.Write(handle, pieces, offset);
            if (after.Size != before.Size) RandomAccess.SetLength(handle, after.Size);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The first piece that differs and its offset in the file.</summary>
    private static (int First, long Offset) Pieces(IReadOnlyList<ReadOnlyMemory<byte>> old, IReadOnlyList<ReadOnlyMemory<byte>> now)
    {
        var count = Math.Min(old.Count, now.Count);
        var first = 0;
        long offset = 0;
        while (first < count && Same(old[first], now[first])) offset += now[first++].Length;
        return (first, offset);
    }

    /// <summary>For files in one array: the offset of the first byte that differs (piece 0, written from there on).</summary>
    private static (int First, long Offset) Bytes(ReadOnlyMemory<byte> old, ReadOnlyMemory<byte> now) =>
        (0, old.Span.CommonPrefixLength(now.Span));

    /// <summary>The same memory, or small pieces with equal bytes.</summary>
    private static bool Same(ReadOnlyMemory<byte> a, ReadOnlyMemory<byte> b) =>
        a.Length == b.Length && (a.Span.Overlaps(b.Span, out var at) && at == 0 || a.Length <= Compared && a.Span.SequenceEqual(b.Span));
}
