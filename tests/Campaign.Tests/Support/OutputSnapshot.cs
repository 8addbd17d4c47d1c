namespace Campaign.Tests.Support;

/// <summary>Every file of a folder with its bytes, for "nothing changed" and "byte-identical" assertions.</summary>
public static class OutputSnapshot
{
    /// <summary>Relative path (forward slashes) to contents, for every file under <paramref name="root"/>.</summary>
    public static SortedDictionary<string, byte[]> Of(string root)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        return files;
    }

    /// <summary>Fails naming the first files that were added, removed or changed.</summary>
    public static void AssertSame(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        var missing = expected.Keys.Except(actual.Keys).ToList();
        var added = actual.Keys.Except(expected.Keys).ToList();
        var changed = expected.Keys.Intersect(actual.Keys).Where(k => !expected[k].AsSpan().SequenceEqual(actual[k])).ToList();
        Assert.True(missing.Count + added.Count + changed.Count == 0,
            $"missing: {string.Join(", ", missing.Take(10))}\nadded: {string.Join(", ", added.Take(10))}\nchanged: {string.Join(", ", changed.Take(10))}");
    }
}
