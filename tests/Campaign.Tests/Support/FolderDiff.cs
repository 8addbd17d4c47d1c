using System.Text;

namespace Campaign.Tests.Support;

/// <summary>
/// Compares a full build's folder with a live preview's, file by file, byte for byte, and describes the first difference
/// with an excerpt. The full build's search script packs (<c>search/&lt;lang&gt;/manifest.js</c> and <c>packs/</c>),
/// which only a page opened from disk reads, are left out: the preview is served over HTTP and writes none.
/// </summary>
public static class FolderDiff
{
    /// <summary>Null when both folders hold the same files with the same bytes; else what differs first.</summary>
    public static string? FirstDifference(string expectedDir, string actualDir)
    {
        var expected = Files(expectedDir);
        foreach (var path in expected.Keys.Where(IsScriptPack).ToList()) expected.Remove(path);
        var actual = Files(actualDir);
        var missing = expected.Keys.Except(actual.Keys, StringComparer.Ordinal).ToList();
        var extra = actual.Keys.Except(expected.Keys, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            return $"missing {missing.Count} file(s) [{string.Join(", ", missing.Take(8))}], extra {extra.Count} file(s) [{string.Join(", ", extra.Take(8))}]";
        foreach (var (path, file) in expected)
        {
            var a = File.ReadAllBytes(file);
            var b = File.ReadAllBytes(actual[path]);
            if (!a.AsSpan().SequenceEqual(b)) return $"{path} differs ({b.Length} bytes, {a.Length} expected)\n{Excerpt(a, b)}";
        }
        return null;
    }

    /// <summary>Fails the test when the folders differ, naming <paramref name="step"/> and the first differing file.</summary>
    public static void AssertSame(string expectedDir, string actualDir, string step)
    {
        var difference = FirstDifference(expectedDir, actualDir);
        Assert.True(difference is null, $"after {step}: {difference}");
    }

    /// <summary>A search index's script for pages opened from disk: <c>search/en/manifest.js</c>, <c>search/en/packs/0.js</c>.</summary>
    private static bool IsScriptPack(string path)
    {
        var parts = path.Split('/');
        return parts[0] == "search" && (parts is [_, _, "manifest.js"] || parts is [_, _, "packs", _]);
    }

    private static SortedDictionary<string, string> Files(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), f => f), StringComparer.Ordinal);

    // The lines around the first differing byte, as text (binary files show as replacement characters).
    private static string Excerpt(byte[] expected, byte[] actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
        return $"first difference at byte {at}\n--- expected (full build) ---\n{Around(expected, at)}\n--- actual (preview) ---\n{Around(actual, at)}";
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static string Around(byte[] bytes, int at)
    {
        if (IsText(bytes))
        {
            var start = Math.Max(0, at - 300);
            var length = Math.Min(bytes.Length - start, 600);
            return length <= 0 ? "(ends here)" : Encoding.UTF8.GetString(bytes, start, length);
        }
        // a binary file (search shards): its bytes in hex around the difference
        var from = Math.Max(0, at - 16);
        var count = Math.Min(bytes.Length - from, 64);
        return count <= 0 ? "(ends here)" : $"bytes {from}..{from + count}: {Convert.ToHexString(bytes, from, count)}";
    }

    private static bool IsText(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0) return false;
        try { StrictUtf8.GetString(bytes); return true; }
        catch (DecoderFallbackException) { return false; }
    }
}
