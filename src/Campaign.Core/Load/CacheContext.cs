using System.Security.Cryptography;
using System.Text;

namespace Campaign.Core.Load;

/// <summary>What parsing a content file depends on besides the file: the site's languages, the vocabularies, the build date.</summary>
public static class CacheContext
{
    public static string Of(string inputDir, DateOnly today)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var name in new[] { "site.yaml", "vocabularies.yaml" })
        {
            var path = Path.Combine(inputDir, name);
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + name + "\n"));
            // Through the input gate: the load reports a refused file; here it only must not hang or read a device.
            if (File.Exists(path) && InputFiles.ReadBytes(inputDir, path, name, new Diagnostics.DiagnosticList(), TextFile.MaxBytes) is { } bytes) hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
