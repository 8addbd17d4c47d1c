namespace Campaign.Search.Index;

/// <summary>
/// A posting of one term in one field of one document: the document's number and the term's place among its field's
/// terms (<see cref="AnalysedField.Terms"/>), where its tf (the length of its positions) is read. Eight bytes: a language's index
/// holds tens of millions at 100,000 findings, and the norm and a slice of the positions in each took three times that.
/// </summary>
internal readonly record struct Posting(int Doc, int Term);

/// <summary>
/// A term's postings per field, in document order, and its block as the term shards store it (encoded again only
/// when a posting changes). Which shard holds the term follows from its place in ordinal order (<see cref="TermRanges"/>).
/// </summary>
internal sealed class TermPostings(string term)
{
    public string Term { get; } = term;

    /// <summary><see cref="IndexFormat.Hash"/> of the term: where a range of terms may end (<see cref="TermRanges.Cut"/>).</summary>
    public uint Hash { get; } = IndexFormat.Hash(term);

    /// <summary>The postings of each field of <see cref="IndexFormat.Fields"/>, null where the term never occurs.</summary>
    public List<Posting>?[] Fields { get; } = new List<Posting>?[IndexFormat.Fields.Count];

    /// <summary>The encoded block, or null while it is out of date.</summary>
    public byte[]? Block { get; set; }

    /// <summary>The shard that lists the term, or −1 while it is in none.</summary>
    public int Shard { get; set; } = -1;

    /// <summary>What the term adds to a shard's size: the count that decides where the shards' ranges end.</summary>
    public int Size => Block!.Length + Term.Length + 4;

    public bool IsEmpty => Fields.All(f => f is null || f.Count == 0);

    /// <summary>Adds a posting after all others (documents are added in order).</summary>
    public void Append(int field, Posting posting) => (Fields[field] ??= []).Add(posting);

    /// <summary>Adds or replaces the posting of <see cref="Posting.Doc"/>.</summary>
    public void Put(int field, Posting posting)
    {
        var list = Fields[field] ??= [];
        var at = Find(list, posting.Doc);
        if (at >= 0) list[at] = posting;
        else list.Insert(~at, posting);
    }

    public void Remove(int field, int doc)
    {
        if (Fields[field] is not { } list) return;
        var at = Find(list, doc);
        if (at >= 0) list.RemoveAt(at);
    }

    /// <summary>The index of <paramref name="doc"/>'s posting, or the complement of where it would go.</summary>
    private static int Find(List<Posting> list, int doc)
    {
        int lo = 0, hi = list.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var d = list[mid].Doc;
            if (d == doc) return mid;
            if (d < doc) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }

    /// <summary>
    /// The term's block, column by column within each field (document gaps, then tfs, each a packed column:
    /// <see cref="ByteWriter.Column"/>), so gzip sees long runs of alike values. No norms (<see cref="IndexFormat.NormsPath"/>
    /// holds them once per document) and no positions (a phrase is checked against the texts in the document shards,
    /// for the few candidates the top results need): together they were two thirds to three quarters of a frequent
    /// term's bytes.
    /// </summary>
    /// <param name="docs">The documents' analyses by number, which the postings point into.</param>
    public byte[] Encode(AnalysedDocument[] docs)
    {
        var w = new ByteWriter();
        w.Byte(Fields.Count(f => f is { Count: > 0 }));
        for (var field = 0; field < Fields.Length; field++)
        {
            if (Fields[field] is not { Count: > 0 } list) continue;
            w.Byte(field);
            w.VarInt(list.Count);
            var values = new int[list.Count];
            var last = -1;
            for (var i = 0; i < list.Count; i++)
            {
                values[i] = list[i].Doc - last - 1; // the documents skipped since the last one
                last = list[i].Doc;
            }
            w.Column(values);
            for (var i = 0; i < list.Count; i++) values[i] = docs[list[i].Doc].Fields[field].Positions(list[i].Term).Length - 1;
            w.Column(values);
        }
        return w.ToArray();
    }
}
