using System.Globalization;

namespace Campaign.Site.Downloads;

/// <summary>The one way a file's size is written for readers, on every page and in every language: <c>21.4 kB</c>.</summary>
public static class ByteSize
{
    /// <summary>
    /// Decimal units (1 kB = 1,000 bytes, as file managers and <c>ls --si</c> count them) with one decimal, in the
    /// invariant number format: a size is compared between pages and with what a download tool shows, so it must not
    /// change with the page's language (the press page once said 20.9 KB where the data page said 21.4 kB).
    /// </summary>
    public static string Text(long bytes) =>
        bytes < 1000 ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
        : bytes < 999_950 ? (bytes / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " kB"
        : bytes < 999_950_000 ? (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1_000_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " GB";
}
