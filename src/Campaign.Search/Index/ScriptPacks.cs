using System.Text;
using System.Text.RegularExpressions;

namespace Campaign.Search.Index;

/// <summary>
/// The script packs of a language's index, for pages opened from disk: Chromium refuses <c>fetch()</c> on
/// <c>file://</c> but loads scripts, so the index's files travel there inside a few scripts of about 1 MiB each
/// (<c>packs/0.js</c>, …), each handing many files, base64, to <c>CampaignSearch.deliverPack</c>, and the manifest
/// inside <c>manifest.js</c>. Over HTTP the binary files are read as they are and the packs are never requested.
/// Files go into packs in ordinal path order, cut where a pack would pass <see cref="TargetBytes"/>; the manifest's
/// <c>packs</c> lists each pack's first path, so the client finds a file's pack by a binary search.
/// </summary>
public static class ScriptPacks
{
    /// <summary>A pack ends before the file that would take its script past this many bytes (a larger file is a pack alone).</summary>
    public const int TargetBytes = 1 << 20;

    /// <summary>The manifest's script, loaded first on <c>file://</c>: it names the packs.</summary>
    public const string ManifestPath = "manifest.js";

    private const string Head = "CampaignSearch.deliverPack([";
    private const string Tail = "]);\n";
    private const string ManifestHead = "CampaignSearch.deliver(\"";
    private const string ManifestTail = "\");\n";

    /// <summary>Pack <paramref name="pack"/>'s path under the language's index folder.</summary>
    public static string PathOf(int pack) => $"packs/{pack:x}.js";

    /// <summary>The bytes one file adds to a pack: <c>["path","base64"]</c> and a comma.</summary>
    private static long EntryBytes(string path, int length) => path.Length + 4L * ((length + 2) / 3) + 6;

    /// <summary>
    /// Where each pack starts, as positions in <paramref name="files"/> (paths in ordinal order, the manifest not among
    /// them): a pack takes files while its script stays within <paramref name="target"/> bytes, and at least one.
    /// </summary>
    public static IReadOnlyList<int> Cut(IReadOnlyList<(string Path, int Length)> files, int target = TargetBytes)
    {
        var starts = new List<int> { 0 };
        long size = Head.Length + Tail.Length;
        for (var i = 0; i < files.Count; i++)
        {
            var entry = EntryBytes(files[i].Path, files[i].Length);
            if (i > starts[^1] && size + entry > target)
            {
                starts.Add(i);
                size = Head.Length + Tail.Length;
            }
            size += entry;
        }
        return starts;
    }

    /// <summary>A pack's script: one line handing each file's path and bytes (base64) to <c>CampaignSearch.deliverPack</c>.</summary>
    public static byte[] Text(IEnumerable<(string Path, byte[] Bytes)> files)
    {
        var sb = new StringBuilder(Head);
        var first = true;
        foreach (var (path, bytes) in files)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append("[\"").Append(path).Append("\",\"").Append(Convert.ToBase64String(bytes)).Append("\"]");
        }
        return Encoding.ASCII.GetBytes(sb.Append(Tail).ToString());
    }

    /// <summary>The files a pack's script hands over, in its order (for tests and for reading a copied site).</summary>
    public static IReadOnlyList<IndexFile> Read(string script)
    {
        if (!script.StartsWith(Head, StringComparison.Ordinal) || !script.EndsWith(Tail, StringComparison.Ordinal))
            throw new InvalidDataException("not a search index script pack");
        return [.. Regex.Matches(script[Head.Length..^Tail.Length], "\\[\"([^\"]+)\",\"([A-Za-z0-9+/=]*)\"\\]")
            .Select(m => new IndexFile(m.Groups[1].Value, Convert.FromBase64String(m.Groups[2].Value)))];
    }

    /// <summary>The manifest's script: one line handing its bytes, base64, to <c>CampaignSearch.deliver</c>.</summary>
    public static byte[] ManifestScript(byte[] manifest) =>
        Encoding.ASCII.GetBytes(ManifestHead + Convert.ToBase64String(manifest) + ManifestTail);

    /// <summary>Reads back the manifest a <c>manifest.js</c> delivers.</summary>
    public static byte[] ManifestOf(string script)
    {
        if (!script.StartsWith(ManifestHead, StringComparison.Ordinal) || !script.EndsWith(ManifestTail, StringComparison.Ordinal))
            throw new InvalidDataException("not a search manifest script");
        return Convert.FromBase64String(script[ManifestHead.Length..^ManifestTail.Length]);
    }
}
