using Campaign.Site.Emit;
using Campaign.Site.Preview;

namespace Campaign.Tests.Workflow;

/// <summary>
/// A live preview rewrites a large file made of pieces (<c>findings.json</c>) from the first piece that changed, not whole,
/// and the file on disk always ends up byte for byte the new file.
/// </summary>
public sealed class FilePatchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("campaign-patch-").FullName;
    private readonly OutputLedger _ledger = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Target => Path.Combine(_dir, "preview");
    private string OnDisk => Path.Combine(Target, "data/findings.json");

    private void Build(GeneratedFile file)
    {
        using var output = new InPlaceFolder(Target, _ledger);
        output.Write(file);
        output.Commit();
    }

    /// <summary>Ten records of 40 kB each (400 kB: large enough to be patched), one piece each, after a small head.</summary>
    private static byte[][] Records(char fill) => [.. Enumerable.Range(0, 10).Select(i => Enumerable.Repeat((byte)(fill + i), 40_000).ToArray())];

    private static GeneratedFile Pieces(byte[] head, byte[][] records) =>
        new("data/findings.json", [head, .. records.Select(r => (ReadOnlyMemory<byte>)r)]);

    /// <summary>Marks a byte on disk behind the build's back: it survives only where the patch did not write.</summary>
    private void Mark(long offset)
    {
        using var handle = File.OpenHandle(OnDisk, FileMode.Open, FileAccess.Write);
        RandomAccess.Write(handle, "!"u8, offset);
    }

    [Fact]
    public void An_edit_that_keeps_the_size_rewrites_only_the_changed_piece()
    {
        var records = Records('a');
        Build(Pieces("{head}"u8.ToArray(), records));

        var edited = (byte[][])records.Clone();
        edited[4] = Enumerable.Repeat((byte)'X', 40_000).ToArray(); // same length: only this piece is written
        Mark(6 + 2 * 40_000);  // inside record 2, before the change
        Mark(6 + 8 * 40_000);  // inside record 8, after it
        Build(Pieces("{head}"u8.ToArray(), edited)); // a head made anew with the same bytes counts as unchanged

        var bytes = File.ReadAllBytes(OnDisk);
        Assert.Equal(6 + 10 * 40_000, bytes.Length);
        Assert.Equal((byte)'X', bytes[6 + 4 * 40_000 + 123]);
        Assert.Equal((byte)'!', bytes[6 + 2 * 40_000]); // not rewritten
        Assert.Equal((byte)'!', bytes[6 + 8 * 40_000]); // not rewritten either: the tail is the same
    }

    [Fact]
    public void An_edit_that_changes_the_size_rewrites_from_the_change_to_the_end()
    {
        var records = Records('a');
        Build(Pieces("{head}"u8.ToArray(), records));

        var edited = (byte[][])records.Clone();
        edited[3] = "short"u8.ToArray();
        Mark(6 + 1 * 40_000); // before the change: kept
        Build(Pieces("{head}"u8.ToArray(), edited));

        var expected = Pieces("{head}"u8.ToArray(), edited).Bytes;
        expected[6 + 1 * 40_000] = (byte)'!';
        Assert.Equal(expected, File.ReadAllBytes(OnDisk)); // shorter by the difference, everything after the change in place

        // and growing again
        Build(Pieces("{head}"u8.ToArray(), records));
        var grown = File.ReadAllBytes(OnDisk);
        Assert.Equal(6 + 10 * 40_000, grown.Length);
        Assert.Equal(Pieces("{head}"u8.ToArray(), records).Bytes.AsSpan(6 + 2 * 40_000).ToArray(), grown.AsSpan(6 + 2 * 40_000).ToArray());
    }

    [Fact]
    public void A_file_in_one_array_is_rewritten_from_its_first_changed_byte()
    {
        var before = Enumerable.Repeat((byte)'a', 300_000).ToArray();
        Build(new GeneratedFile("data/findings.json", before));
        var after = (byte[])before.Clone();
        after[200_000] = (byte)'b';
        Mark(100_000);
        Build(new GeneratedFile("data/findings.json", after));

        var bytes = File.ReadAllBytes(OnDisk);
        Assert.Equal((byte)'!', bytes[100_000]);
        Assert.Equal((byte)'b', bytes[200_000]);
        Assert.Equal(after.Length, bytes.Length);
    }

    [Fact]
    public void A_file_changed_behind_the_ledgers_back_to_another_size_is_written_whole()
    {
        var records = Records('a');
        Build(Pieces("{head}"u8.ToArray(), records));
        File.WriteAllBytes(OnDisk, [1, 2, 3]); // not what the ledger holds: a patch would leave a wrong file

        var edited = (byte[][])records.Clone();
        edited[9] = Enumerable.Repeat((byte)'Z', 40_000).ToArray();
        Build(Pieces("{head}"u8.ToArray(), edited));

        Assert.Equal(Pieces("{head}"u8.ToArray(), edited).Bytes, File.ReadAllBytes(OnDisk));
    }
}
