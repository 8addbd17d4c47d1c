using Campaign.Site.Emit;
using Campaign.Site.Preview;

namespace Campaign.Tests.Workflow;

/// <summary>
/// A live preview's output folder passes a generated file it already holds (the very file a memo handed on) in one
/// step, and never takes that shortcut for a file that is no longer on disk.
/// </summary>
public sealed class OutputLedgerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("campaign-ledger-").FullName;
    private readonly OutputLedger _ledger = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Target => Path.Combine(_dir, "preview");

    /// <summary>One build of the preview folder that produces <paramref name="files"/>; returns how many it wrote.</summary>
    private int Build(params GeneratedFile[] files)
    {
        using var output = new InPlaceFolder(Target, _ledger);
        foreach (var file in files) output.Write(file);
        output.Commit();
        return output.Changed;
    }

    private string Read(string path) => File.ReadAllText(Path.Combine(Target, path));

    [Fact]
    public void The_same_file_is_passed_in_one_step_and_written_again_once_it_was_deleted()
    {
        var record = new GeneratedFile("en/findings/a.json", "{\"id\":\"a\"}"u8.ToArray());
        var other = new GeneratedFile("en/findings/b.json", "{\"id\":\"b\"}"u8.ToArray());

        Assert.Equal(2, Build(record, other));
        Assert.Equal(0, _ledger.Held);

        // the next build hands on the same instances: nothing written, both passed without a lookup
        Assert.Equal(0, Build(record, other));
        Assert.Equal(2, _ledger.Held);

        // a build without "a" deletes it; a later build that brings the same instance back must write it again
        Assert.Equal(0, Build(other));
        Assert.False(File.Exists(Path.Combine(Target, "en/findings/a.json")));
        Assert.Equal(1, Build(record, other));
        Assert.Equal(1, _ledger.Held);
        Assert.Equal("{\"id\":\"a\"}", Read("en/findings/a.json"));
    }

    [Fact]
    public void A_new_file_with_the_same_bytes_is_checked_by_hash_then_passed_in_one_step()
    {
        Assert.Equal(1, Build(new GeneratedFile("data/x.csv", "a,b\n"u8.ToArray())));

        var same = new GeneratedFile("data/x.csv", "a,b\n"u8.ToArray());
        Assert.Equal(0, Build(same)); // equal bytes, found by hash
        Assert.Equal(0, _ledger.Held);
        Assert.Equal(0, Build(same)); // now known as the file in the folder
        Assert.Equal(1, _ledger.Held);

        var changed = new GeneratedFile("data/x.csv", "a,b,c\n"u8.ToArray());
        Assert.Equal(1, Build(changed));
        Assert.Equal("a,b,c\n", Read("data/x.csv"));

        // the old instance is no longer what the folder holds: it is checked by hash and written back
        Assert.Equal(1, Build(same));
        Assert.Equal(0, _ledger.Held);
        Assert.Equal("a,b\n", Read("data/x.csv"));
    }

    [Fact]
    public void A_ledger_moved_to_another_folder_takes_no_shortcut_there()
    {
        var file = new GeneratedFile("index.json", "[]"u8.ToArray());
        Assert.Equal(1, Build(file));
        using (var elsewhere = new InPlaceFolder(Path.Combine(_dir, "elsewhere"), _ledger))
        {
            elsewhere.Write(file);
            elsewhere.Commit();
            Assert.Equal(1, elsewhere.Changed);
        }
        Assert.Equal("[]", File.ReadAllText(Path.Combine(_dir, "elsewhere", "index.json")));
    }
}
