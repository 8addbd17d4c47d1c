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
            if (File.Exists(path)) hash.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
