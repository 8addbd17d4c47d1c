using Campaign.Search.Index;
using FsCheck;
using FsCheck.Fluent;

namespace Campaign.Tests.Search;

/// <summary>The term shards' packed columns (document gaps and tfs): any numbers come back as they went in, small ones in two bits.</summary>
public sealed class PackedColumnTests
{
    [Fact]
    public void Any_column_of_numbers_reads_back_as_it_was_written_with_what_follows_it()
    {
        // mostly small, as gaps and tfs are, with now and then a large one that must escape
        var value = Gen.Frequency((8, Gen.Choose(0, 3)), (2, Gen.Choose(0, 20)), (1, Gen.Choose(0, 1_000_000)));
        Prop.ForAll(Gen.ArrayOf(value).ToArbitrary(), values =>
        {
            var w = new ByteWriter();
            w.Column(values);
            w.VarInt(12345); // what comes after the column is still where the reader expects it
            var r = new ByteReader(w.ToArray());
            Assert.Equal(values, r.Column(values.Length));
            Assert.Equal(12345, r.VarInt());
            Assert.True(r.AtEnd);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_column_of_gaps_and_tfs_below_three_takes_two_bits_a_value()
    {
        var values = Enumerable.Range(0, 1000).Select(i => i * 7 % 3).ToArray();
        var w = new ByteWriter();
        w.Column(values);
        Assert.Equal(1 + 1000 / 4, w.Length); // the width byte, then four values a byte
    }

    [Fact]
    public void A_column_of_large_gaps_stays_plain_varints()
    {
        var values = Enumerable.Range(0, 100).Select(i => 200 + i).ToArray();
        var w = new ByteWriter();
        w.Column(values);
        Assert.Equal(1 + 100 * 2, w.Length); // the width byte (0), then two-byte varints
    }
}
