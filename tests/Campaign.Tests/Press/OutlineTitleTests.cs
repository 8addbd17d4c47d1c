using Campaign.Site.Pdf;

namespace Campaign.Tests.Press;

/// <summary>Bookmarks renamed after their headings where Chromium named them otherwise, and contents entries found by their text.</summary>
public sealed class OutlineTitleTests
{
    // Outline items as Skia writes them; the first heading wrapped (its space lost), the second started a page (named twice).
    private const string Pdf = "%PDF-1.4\n"
        + "12 0 obj\n<</Title (Out of Control: Failing EU Laws forDigital Surveillance Export)\n/Dest [2 0 R /XYZ 52 526 0]\n/Parent 11 0 R\n/SE 101 0 R>>\nendobj\n"
        + "13 0 obj\n<</Title (NotesNotes)\n/Dest [86 0 R /XYZ 52 775 0]\n/Parent 12 0 R\n/Prev 14 0 R>>\nendobj\n"
        + "14 0 obj\n<</Title (Guilin)\n/Dest [57 0 R /XYZ 51 261 0]\n/Parent 12 0 R>>\nendobj\n"
        + "15 0 obj\n<</Title <FEFF6CE891CA6CE891CA>\n/Dest [9 0 R /XYZ 51 261 0]\n/Parent 12 0 R>>\nendobj\n";

    [Fact]
    public void A_bookmark_is_renamed_to_its_heading_when_a_space_is_lost_or_its_name_doubled_and_kept_when_right()
    {
        var repairs = OutlineTitles.Repairs(Pdf, ["Out of Control: Failing EU Laws for Digital Surveillance Export", "Guilin", "Notes", "注释"]).ToDictionary(r => r.Id, r => r.Body);
        Assert.Equal([12, 13, 15], repairs.Keys.Order().ToArray());
        Assert.StartsWith("/Title " + PdfMetadata.PdfString("Out of Control: Failing EU Laws for Digital Surveillance Export") + "\n/Dest [2 0 R", repairs[12]);
        Assert.EndsWith("/SE 101 0 R", repairs[12]);
        Assert.StartsWith("/Title " + PdfMetadata.PdfString("Notes") + "\n/Dest [86 0 R", repairs[13]);
        Assert.StartsWith("/Title " + PdfMetadata.PdfString("注释"), repairs[15]);
    }

    [Fact]
    public void Contents_entries_take_the_page_of_the_next_bookmark_with_their_text()
    {
        var outline = new List<(string, int)> { ("Contents", 2), ("OverviewOverview", 3), ("Rules", 3), ("Notes", 5), ("Rules", 6) };
        Assert.Equal([3, 6, null], PdfOutline.PagesOf(["Overview", "Rules", "Missing"], [("Contents", 2), ("OverviewOverview", 3), ("Rules", 6)]));
        Assert.Equal([3, 3, 6], PdfOutline.PagesOf(["Overview", "Rules", "Rules"], outline)); // two headings of one text, in order
    }
}
