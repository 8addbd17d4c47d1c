using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>Reads a built site the way the "appears nowhere" assertions of the hardening tests need it.</summary>
internal static class HostileOutput
{
    /// <summary>Every output file read as UTF-8 text (pages, feeds, sitemap, data, search shards), by path.</summary>
    public static IEnumerable<(string Path, string Text)> Files(TestCampaign c) =>
        Directory.EnumerateFiles(c.Output, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".pdf", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(c.Output, f).Replace('\\', '/'), File.ReadAllText(f)));

    /// <summary>Asserts that no output file contains <paramref name="needle"/> (case-insensitive).</summary>
    public static void Nowhere(TestCampaign c, string needle)
    {
        foreach (var (path, text) in Files(c))
            Assert.False(text.Contains(needle, StringComparison.OrdinalIgnoreCase), $"{path} contains {needle}");
    }

    /// <summary>The build left no output at all (errors stop it before anything is written).</summary>
    public static void NothingWritten(TestCampaign c) => Assert.False(Directory.Exists(c.Output), "output was written");
}
