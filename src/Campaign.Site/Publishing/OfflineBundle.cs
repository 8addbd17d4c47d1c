using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Campaign.Site.Publishing;

/// <summary>
/// <c>campaign-&lt;date&gt;.zip</c>: the whole built site in one file, for offline reading and for mirrors. Its
/// links are relative, so it works unzipped and opened from disk. The same site gives the same bytes: entries
/// in path order, every timestamp the build date. The copy inside leaves out the press page's link to the
/// bundle itself (between <c>&lt;!--bundle--&gt;</c> markers), which could only point outside the copy.
/// </summary>
public static partial class OfflineBundle
{
    [GeneratedRegex("<!--bundle-->.*?<!--/bundle-->", RegexOptions.Singleline)]
    private static partial Regex SelfLink();

    /// <summary>Zips every file under <paramref name="root"/> into one folder named after the bundle.</summary>
    public static byte[] Create(string root, string name, DateOnly date)
    {
        var folder = Path.GetFileNameWithoutExtension(name);
        var stamp = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => p != name && p != name + ".sha256" && p != Emit.OutputFolder.Marker)
            .Order(StringComparer.Ordinal)
            .ToList();
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var path in files)
            {
                var bytes = File.ReadAllBytes(Path.Combine(root, path));
                if (path.EndsWith(".html", StringComparison.Ordinal))
                {
                    var html = Encoding.UTF8.GetString(bytes);
                    if (html.Contains("<!--bundle-->", StringComparison.Ordinal)) bytes = Encoding.UTF8.GetBytes(SelfLink().Replace(html, ""));
                }
                var entry = zip.CreateEntry(folder + "/" + path, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                using var s = entry.Open();
                s.Write(bytes);
            }
        return stream.ToArray();
    }

    /// <summary>The checksum file beside the bundle, in the format <c>sha256sum -c</c> reads.</summary>
    public static byte[] Checksum(byte[] bundle, string name) =>
        Encoding.UTF8.GetBytes($"{Convert.ToHexStringLower(SHA256.HashData(bundle))}  {name}\n");
}
