using System.IO.Compression;
using System.Text;

namespace Campaign.Search.Index;

/// <summary>
/// The constants and primitives of the static index format (documented in src/Campaign.Search/README.md):
/// little binary files of unsigned LEB128 varints and length-prefixed UTF-8, each starting with a magic and the version,
/// stored gzip-compressed (the browser inflates them with its built-in <c>DecompressionStream</c>).
/// </summary>
public static class IndexFormat
{
    /// <summary>Bumped whenever a file's layout changes; the client refuses an index of another version.</summary>
    public const int Version = 7;

    public static readonly byte[] TermMagic = "CST"u8.ToArray();
    public static readonly byte[] DocMagic = "CSD"u8.ToArray();
    public static readonly byte[] FacetMagic = "CSF"u8.ToArray();
    public static readonly byte[] NormsMagic = "CSN"u8.ToArray();

    /// <summary>Fields in id order: the title weighs twice the body.</summary>
    public static readonly IReadOnlyList<(string Name, double Boost)> Fields = [("title", 2.0), ("body", 1.0)];

    public const double K1 = 1.2;
    public const double B = 0.75;

    /// <summary>
    /// Documents per metadata/excerpt shard, the builder's choice (the manifest says it): small, because a results page
    /// fetches the shards of the ten results it shows, which are scattered; more than one, to halve the files.
    /// </summary>
    public const int DocsPerShard = 2;

    /// <summary>
    /// A term shard's range of terms ends once it holds this many bytes (before compression), see <see cref="TermRanges"/>.
    /// Small, since a query reads one shard per term and the rest of it is other terms: at 10,000 findings, 768 instead
    /// of 2,048 took a median query's term shards from 9.1 to 6.3 KB (en) and from 14.5 to 9.5 KB (zh), for about twice
    /// the shards (323 and 470) and a manifest longer by their starts.
    /// </summary>
    public const int TargetTermShardBytes = 768;

    /// <summary>How much of a body is kept for excerpts (in UTF-16 code units, cut at a whole character).</summary>
    public const int ExcerptChars = 280;

    /// <summary>FNV-1a (32 bit) of the term's UTF-8 bytes: where a shard's range of terms may end (<see cref="TermRanges.Cut"/>).</summary>
    public static uint Hash(string term)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(term)) hash = (hash ^ b) * 16777619u;
        return hash;
    }

    /// <summary>
    /// Shards per folder: shard <c>n</c> of the term (<c>t/</c>) or document (<c>d/</c>) shards lies in folder
    /// <c>n / 1024</c> as file <c>n % 1024</c> (both hex), so no folder holds more than 1,024 entries however large
    /// the campaign (at 100,000 findings a flat <c>d/</c> held about 50,000 files, which hosts, archives and file
    /// browsers handle badly). search.js's <c>shardPath</c> builds the same paths.
    /// </summary>
    public const int ShardsPerFolder = 1024;

    public static string TermShardPath(int shard) => ShardPath("t", shard);
    public static string DocShardPath(int shard) => ShardPath("d", shard);

    private static string ShardPath(string folder, int shard) => $"{folder}/{shard / ShardsPerFolder:x}/{shard % ShardsPerFolder:x}.bin";
    public const string FacetsPath = "facets.bin";
    public const string ManifestPath = "manifest.json";

    /// <summary>Every document's quantised length per field, fetched once: each term's postings need not carry it.</summary>
    public const string NormsPath = "norms.bin";

    /// <summary>The Traditional-to-Simplified pairs the client applies once a Chinese query word is missing (<see cref="Analysis.ChineseVariants"/>): UTF-8, two characters per pair.</summary>
    public const string VariantsPath = "variants.bin";

    /// <summary>
    /// A binary index file as stored: gzip at the smallest size. Deterministic (no name, no time in the header), and
    /// what a plain static host sends as it is, so a query downloads the compressed bytes wherever the site is served.
    /// </summary>
    public static byte[] Deflate(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    /// <summary>A stored binary file back to its bytes; <see cref="InvalidDataException"/> when it is not gzip.</summary>
    public static byte[] Inflate(byte[] stored)
    {
        using var input = new MemoryStream(stored);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Lucene's <c>SmallSingle.SByte315ToSingle</c>: the norm byte back to 1/√length, as a float.</summary>
    public static float Byte315ToSingle(byte b)
    {
        if (b == 0) return 0f;
        var bits = (b & 0xff) << (24 - 3);
        bits += (63 - 15) << 24;
        return BitConverter.Int32BitsToSingle(bits);
    }

    /// <summary>The document length Lucene 4.8's BM25 uses for a norm byte: 1/f², in float, with byte 0 as 1/table[255].</summary>
    public static IReadOnlyList<float> LengthTable { get; } = BuildLengthTable();

    private static float[] BuildLengthTable()
    {
        var table = new float[256];
        for (var i = 1; i < 256; i++)
        {
            var f = Byte315ToSingle((byte)i);
            table[i] = 1f / (f * f);
        }
        table[0] = 1f / table[255];
        return table;
    }
}

/// <summary>Appends varints, bytes and strings to a growing buffer.</summary>
internal sealed class ByteWriter
{
    private readonly MemoryStream _stream = new();

    public void Bytes(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    public void Byte(int b) => _stream.WriteByte((byte)b);

    public void VarInt(long value)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value));
        while (value >= 0x80)
        {
            _stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _stream.WriteByte((byte)value);
    }

    public void String(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        VarInt(bytes.Length);
        Bytes(bytes);
    }

    public int Length => (int)_stream.Length;

    public byte[] ToArray() => _stream.ToArray();

    /// <summary>
    /// A column of small numbers (≥ 0) packed in the fewest bits that pays: byte <c>bits</c> (1, 2 or 4; 0 for plain
    /// varints), then the values <c>bits</c> each, low bits first, a value ≥ 2^bits − 1 written as 2^bits − 1 with the
    /// rest after the packed bytes as varints, in order. A frequent term's tfs (1–3) and document gaps (0–2) then take
    /// two bits each before gzip, whose codes cost at least one bit a byte: a frequent term's block 10–15 % smaller
    /// compressed than with varints (docs/performance.md, stop 39).
    /// </summary>
    public void Column(ReadOnlySpan<int> values)
    {
        var bits = 0;
        var best = 0L;
        foreach (var v in values) best += VarIntLength(v);
        foreach (var b in (ReadOnlySpan<int>)[1, 2, 4])
        {
            var top = (1 << b) - 1;
            var size = ((long)values.Length * b + 7) / 8;
            foreach (var v in values) if (v >= top) size += VarIntLength(v - top);
            if (size < best) (bits, best) = (b, size);
        }
        Byte(bits);
        if (bits == 0)
        {
            foreach (var v in values) VarInt(v);
            return;
        }
        var max = (1 << bits) - 1;
        int current = 0, filled = 0;
        foreach (var v in values)
        {
            current |= Math.Min(v, max) << filled;
            filled += bits;
            if (filled == 8) { Byte(current); current = 0; filled = 0; }
        }
        if (filled > 0) Byte(current);
        foreach (var v in values) if (v >= max) VarInt(v - max);
    }

    private static int VarIntLength(long value)
    {
        var n = 1;
        while (value >= 0x80) { value >>= 7; n++; }
        return n;
    }
}

/// <summary>Reads what <see cref="ByteWriter"/> wrote; throws <see cref="InvalidDataException"/> on a truncated file.</summary>
internal sealed class ByteReader(byte[] bytes)
{
    public int At { get; set; }

    public bool AtEnd => At >= bytes.Length;

    public int Byte() => At < bytes.Length ? bytes[At++] : throw new InvalidDataException("index file is truncated");

    public long VarInt()
    {
        long result = 0;
        var shift = 0;
        while (true)
        {
            var b = Byte();
            result |= (long)(b & 0x7f) << shift;
            if (b < 0x80) return result;
            shift += 7;
            if (shift > 56) throw new InvalidDataException("bad varint in index file");
        }
    }

    public string String()
    {
        var length = (int)VarInt();
        if (At + length > bytes.Length) throw new InvalidDataException("index file is truncated");
        var text = Encoding.UTF8.GetString(bytes, At, length);
        At += length;
        return text;
    }

    /// <summary>A column of <paramref name="count"/> numbers as <see cref="ByteWriter.Column"/> wrote it.</summary>
    public int[] Column(int count)
    {
        var bits = Byte();
        var values = new int[count];
        if (bits == 0)
        {
            for (var i = 0; i < count; i++) values[i] = (int)VarInt();
            return values;
        }
        if (bits is not (1 or 2 or 4)) throw new InvalidDataException("bad column in index file");
        var max = (1 << bits) - 1;
        var perByte = 8 / bits;
        var packed = (count + perByte - 1) / perByte;
        if (At + packed > bytes.Length) throw new InvalidDataException("index file is truncated");
        for (var i = 0; i < count; i++) values[i] = (bytes[At + i / perByte] >> (i % perByte * bits)) & max;
        At += packed;
        for (var i = 0; i < count; i++) if (values[i] == max) values[i] += (int)VarInt();
        return values;
    }

    public void Expect(byte[] magic)
    {
        foreach (var m in magic)
            if (Byte() != m) throw new InvalidDataException("not a campaign search index file");
        var version = Byte();
        if (version != IndexFormat.Version)
            throw new InvalidDataException($"search index version {version}, this reader reads version {IndexFormat.Version}");
    }
}
