using System.Text;
using System.Text.RegularExpressions;

namespace Campaign.Site.Pdf;

/// <summary>
/// Chromium stamps each PDF with the moment it was printed. The stamps are replaced by the report's own date
/// (same length, so no offset in the file moves), so printing the same report twice gives the same bytes.
/// </summary>
public static partial class PdfDates
{
    [GeneratedRegex(@"/(CreationDate|ModDate) ?\(D:(\d{14})")]
    private static partial Regex Stamp();

    public static byte[] Fix(byte[] pdf, DateOnly date)
    {
        // Latin-1 maps every byte to one char and back, so binary streams survive the round trip.
        var text = Encoding.Latin1.GetString(pdf);
        var digits = date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "000000";
        var fixedText = Stamp().Replace(text, m => m.Value[..^14] + digits);
        return Encoding.Latin1.GetBytes(fixedText);
    }
}
