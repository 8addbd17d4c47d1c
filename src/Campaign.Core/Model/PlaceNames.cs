using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Campaign.Core.Model;

/// <summary>How a place name becomes a URL segment; here, beside the model, so validation checks the very segment the findings pages use.</summary>
public static class PlaceNames
{
    /// <summary>A URL segment for a place: its default-language name in lower-case ASCII, or a short hash when it has no ASCII letters.</summary>
    public static string Slug(string name)
    {
        var folded = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) folded.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            else if (folded.Length > 0 && folded[^1] != '-') folded.Append('-');
        }
        var slug = folded.ToString().Trim('-');
        return slug.Length > 0 ? slug : "place-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
    }
}
