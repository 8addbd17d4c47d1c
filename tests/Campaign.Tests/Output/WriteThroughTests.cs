using System.Security.Cryptography;
using Campaign.Site.Downloads;
using Campaign.Site.Emit;

namespace Campaign.Tests.Output;

/// <summary>
/// A plain build's generated files are on disk, in the build folder, as soon as a feature adds them, and their bytes are
/// let go: a download keeps its size and hash for the pages that list it; a path the last check would refuse is held for
/// that check to report; nothing reaches the output unless the build is committed.
/// </summary>
public sealed class WriteThroughTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("write-through-").FullName;

    private string Target => Path.Combine(_root, "site");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_file_is_written_when_added_and_a_download_keeps_its_size_and_hash()
    {
        using var folder = new SwappedFolder(Target);
        var files = new GeneratedFiles(folder, DownloadCatalog.Lists);
        var csv = "id,title\nfinding-000001,A camera sale\n"u8.ToArray();

        var added = files.Add("data/findings.csv", csv);

        Assert.Equal(csv, File.ReadAllBytes(Path.Combine(folder.Root, "data", "findings.csv")));
        Assert.Equal(csv.Length, added.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(csv)), added.Sha256);
        var gone = Assert.Throws<InvalidOperationException>(() => added.Bytes);
        Assert.Contains("data/findings.csv was written as it was made", gone.Message);
    }

    [Fact]
    public void Many_files_added_at_once_are_all_written_and_writing_the_set_again_changes_nothing()
    {
        using var folder = new SwappedFolder(Target);
        var files = new GeneratedFiles(folder, DownloadCatalog.Lists);
        var shards = Enumerable.Range(0, 600).Select(i => new GeneratedFile($"search/en/t/{i / 256}/{i % 256}.bin", [(byte)i, (byte)(i >> 8)])).ToArray();

        files.AddUnder("search/en/", shards);
        files.WriteTo(folder);

        for (var i = 0; i < 600; i++)
            Assert.Equal(new[] { (byte)i, (byte)(i >> 8) }, File.ReadAllBytes(Path.Combine(folder.Root, "search", "en", "t", $"{i / 256}", $"{i % 256}.bin")));
        Assert.Equal(600, Directory.EnumerateFiles(Path.Combine(folder.Root, "search"), "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void A_path_the_last_check_refuses_is_held_not_written()
    {
        using var folder = new SwappedFolder(Target);
        var files = new GeneratedFiles(folder, DownloadCatalog.Lists);
        var path = "data/" + new string('x', 120) + ".json";

        var held = files.Add(path, [1, 2, 3]);

        Assert.False(OutputPaths.Fits(path));
        Assert.Equal(new byte[] { 1, 2, 3 }, held.Bytes);
        Assert.Empty(Directory.EnumerateFiles(folder.Root, "*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void Files_written_by_a_build_that_is_not_committed_never_reach_the_output()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllBytes(Path.Combine(Target, OutputFolder.Marker), OutputFolder.MarkerText);
        File.WriteAllText(Path.Combine(Target, "index.html"), "the previous site");
        using (var folder = new SwappedFolder(Target))
            new GeneratedFiles(folder, DownloadCatalog.Lists).Add("data/findings.json", "{}"u8.ToArray());

        Assert.Equal("the previous site", File.ReadAllText(Path.Combine(Target, "index.html")));
        Assert.False(File.Exists(Path.Combine(Target, "data", "findings.json")));
        Assert.Equal([Target], Directory.GetDirectories(_root));
    }
}
