using System.Text;

namespace Campaign.Search.Index;

/// <summary>
/// The <c>.js</c> twin of an index file, for pages opened from disk: Chromium refuses <c>fetch()</c> on
/// <c>file://</c>, but loads scripts, so search.js loads <c>t/3f.js</c> instead of <c>t/3f.bin</c> there.
/// The twin hands the same bytes, base64, to <c>CampaignSearch.deliver</c>; it names no path, so it works
/// wherever the site is copied.
/// </summary>
public static class ScriptTwin
{
    /// <summary>The twin of <paramref name="file"/>: same path with the extension <c>.js</c>.</summary>
    public static IndexFile Of(IndexFile file) => new(PathOf(file.Path), Text(file.Bytes));

    /// <summary>The twin's path: <paramref name="path"/> with the extension <c>.js</c>.</summary>
    public static string PathOf(string path)
    {
        var dot = path.LastIndexOf('.');
        return (dot < 0 ? path : path[..dot]) + ".js";
    }

    /// <summary>The twin's bytes: one line handing <paramref name="bytes"/>, base64, to <c>CampaignSearch.deliver</c>.</summary>
    public static byte[] Text(byte[] bytes) => Encoding.ASCII.GetBytes("CampaignSearch.deliver(\"" + Convert.ToBase64String(bytes) + "\");\n");

    /// <summary>Reads back the bytes a twin delivers (for tests and the C# reader of a copied site).</summary>
    public static byte[] Bytes(string twin)
    {
        const string Head = "CampaignSearch.deliver(\"", Tail = "\");\n";
        if (!twin.StartsWith(Head, StringComparison.Ordinal) || !twin.EndsWith(Tail, StringComparison.Ordinal))
            throw new InvalidDataException("not a search index script twin");
        return Convert.FromBase64String(twin[Head.Length..^Tail.Length]);
    }
}
