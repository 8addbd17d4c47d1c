using Campaign.Core.Diagnostics;
using Campaign.Tests.Findings;
using Campaign.Tests.Support;

namespace Campaign.Tests.Diagnostics;

/// <summary>
/// A spreadsheet row with a missing or extra cell, or a quote the reader cannot pair, is one error naming the row and column as a
/// spreadsheet program shows them (header = row 1), not a cascade of errors about values that slid into the wrong columns;
/// hints name the column to fill in, not a YAML key.
/// </summary>
public sealed class SpreadsheetDiagnosticsTests
{
    /// <summary>Builds the findings campaign with its spreadsheet edited, through the command line.</summary>
    private static (CliRun Run, IReadOnlyList<Diagnostic> Diagnostics) Build(params string[] fromTo)
    {
        var csv = FindingCampaigns.Csv;
        for (var i = 0; i < fromTo.Length; i += 2)
        {
            Assert.Contains(fromTo[i], csv);
            csv = csv.Replace(fromTo[i], fromTo[i + 1]);
        }
        var files = FindingCampaigns.Base + csv;
        using var campaign = new TestCampaign(files);
        var run = CliRun.Run("build", "--input", campaign.Input, "--output", campaign.Output, "--theme", Repo.Theme, "--now", "2026-11-25", "--no-pdf");
        Assert.False(Directory.Exists(campaign.Output), "a failed build wrote output");
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        return (run, FindingSchemaTests.Load(files).Diagnostics);
    }

    private static IReadOnlyList<Diagnostic> ErrorsIn(IReadOnlyList<Diagnostic> diagnostics, string file = "findings/acme.csv") =>
        [.. diagnostics.Where(d => d.IsError && d.Location?.File == file)];

    [Fact]
    public void A_missing_cell_is_one_error_naming_the_row_the_counts_and_where_the_shift_starts()
    {
        var (run, diagnostics) = Build("China,中国,2012-2014,Acme said", "China,中国,Acme said");
        Assert.Equal(1, run.ExitCode);
        var d = Assert.Single(ErrorsIn(diagnostics));
        Assert.Equal("CMP170", d.Code);
        Assert.Equal(3, d.Location!.Line);
        Assert.Equal("row 3", d.Location.Cell);
        Assert.Equal("years", d.Field);
        Assert.Equal("row 3: The row has 30 cells for the 31 columns: a cell is missing, so the values after it are under the wrong headings; "
            + "the row is not read. The first value that does not fit its column is `Acme said it needed no licence.` in column Q (years).", d.Message);
        Assert.Equal("in row 3, find the missing cell at or before column Q (years) and put each value under its heading", d.Hint);
        Assert.Contains("findings/acme.csv:3: error CMP170: row 3: The row has 30 cells for the 31 columns", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a valid date", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extra_cell_names_the_first_value_that_does_not_fit_its_column()
    {
        var (run, diagnostics) = Build("球形摄像头,network-cameras,", "球形摄像头,Chinese public security bodies,network-cameras,");
        Assert.Equal(1, run.ExitCode);
        var d = Assert.Single(ErrorsIn(diagnostics));
        Assert.Equal("CMP170", d.Code);
        Assert.Equal(2, d.Location!.Line);
        Assert.Equal("technology", d.Field);
        Assert.StartsWith("row 2: The row has 32 cells for the 31 columns: there is an extra cell,", d.Message);
        Assert.EndsWith("The first value that does not fit its column is `Chinese public security bodies` in column G (technology).", d.Message);
        Assert.Equal("in row 2, find the extra cell at or before column G (technology) and put each value under its heading", d.Hint);
        Assert.DoesNotContain("is not a known technology", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_whose_values_all_fit_still_gets_the_cell_counts()
    {
        // The last cell (reviewed) is missing: nothing before it is out of place.
        var (run, diagnostics) = Build(",,,,,2026-10-01", ",,,,");
        Assert.Equal(1, run.ExitCode);
        var d = Assert.Single(ErrorsIn(diagnostics));
        Assert.Equal("CMP170", d.Code);
        Assert.Equal("row 3: The row has 30 cells for the 31 columns: a cell is missing, so the values after it are under the wrong headings; the row is not read.", d.Message);
        Assert.Equal("in row 3, compare each value with its column's heading and add the missing cell", d.Hint);
    }

    [Fact]
    public void An_unclosed_quote_is_one_error_at_the_cell_where_it_opens()
    {
        var (run, diagnostics) = Build("acme-guilin-2015,Acme cameras", "acme-guilin-2015,\"Acme cameras");
        Assert.Equal(1, run.ExitCode);
        var d = Assert.Single(ErrorsIn(diagnostics));
        Assert.Equal("CMP171", d.Code);
        Assert.Equal(2, d.Location!.Line);
        Assert.Equal("row 2, column B (title_en)", d.Location.Cell);
        Assert.Equal("title_en", d.Field);
        Assert.Equal("row 2, column B (title_en): The quote `\"` that starts this cell is never closed, so the rest of the file is read as one cell.", d.Message);
        Assert.Equal("add the closing `\"` at the end of the cell's text, or remove the opening one", d.Hint);
        Assert.Contains("findings/acme.csv:2: error CMP171: row 2, column B (title_en): The quote", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_inside_a_cell_is_one_error_and_the_next_rows_are_still_read()
    {
        var (run, diagnostics) = Build("Acme cameras for the Guilin police", "Acme \"cameras\" for the Guilin police");
        Assert.Equal(1, run.ExitCode);
        var d = Assert.Single(ErrorsIn(diagnostics));
        Assert.Equal("CMP172", d.Code);
        Assert.Equal("row 2, column B (title_en)", d.Location!.Cell);
        Assert.StartsWith("row 2, column B (title_en): The cell `Acme \"cameras\" for the Guilin police` has a quote", d.Message);
        Assert.Contains("double each quote inside it", d.Hint);
        // The next row is still read, and has no error.
        Assert.DoesNotContain(diagnostics, x => x.IsError && x.Location?.Line == 3);
    }

    [Fact]
    public void A_missing_value_is_named_by_its_column_with_a_spreadsheet_hint()
    {
        var (run, diagnostics) = Build("A ministry,某部委,ministry,", "A ministry,某部委,,");
        Assert.Equal(1, run.ExitCode);
        var d = Assert.Single(ErrorsIn(diagnostics));
        Assert.Equal("CMP003", d.Code);
        Assert.Equal(3, d.Location!.Line);
        Assert.Equal("buyer_type", d.Field);
        Assert.Equal("row 3: The required column `buyer_type` is empty or missing.", d.Message);
        Assert.Equal("fill in the column `buyer_type`", d.Hint);
        Assert.DoesNotContain("type:", d.Hint, StringComparison.Ordinal);
        Assert.Contains("findings/acme.csv:3: error CMP003: row 3: The required column `buyer_type` is empty or missing. [buyer_type] (fill in the column `buyer_type`)",
            run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_names_row_and_column_letter_and_heading()
    {
        var (_, diagnostics) = Build("example.org/article,https://archive", "example.org/article,ftp://archive");
        var d = Assert.Single(ErrorsIn(diagnostics));
        Assert.Equal("CMP023", d.Code);
        Assert.Equal("row 2, column Z (source1_archived_url)", d.Location!.Cell);
        Assert.Equal(0, d.Location.Column);
        Assert.Equal("findings/acme.csv:2: error CMP023: row 2, column Z (source1_archived_url): The archived URL `ftp://archive.example.org/article` is not an http(s) address. [source1_archived_url] (write the full address starting with https://)",
            d.ToString());
    }

    [Fact]
    public void Rows_are_counted_as_a_spreadsheet_shows_them_with_blank_rows_and_cells_of_several_lines()
    {
        // A title over two lines and a blank row: the ministry's record is row 4 of the spreadsheet and starts on line 5.
        var (_, diagnostics) = Build(
            "Acme cameras for the Guilin police", "\"Acme cameras for the\nGuilin police\"",
            "\nacme-ministry-2012-2014,", "\n\nacme-ministry-2012-2014,",
            ",2026-10-01", ",2026-13-01");
        var d = Assert.Single(ErrorsIn(diagnostics));
        Assert.Equal("CMP006", d.Code);
        Assert.Equal(5, d.Location!.Line);
        Assert.Equal("row 4, column AE (reviewed)", d.Location.Cell);
        Assert.Equal("reviewed", d.Field);
    }

    [Fact]
    public void Column_letters_go_past_z_as_spreadsheets_write_them()
    {
        Assert.Equal("A", Campaign.Core.Load.CsvRecords.Letter(0));
        Assert.Equal("Z", Campaign.Core.Load.CsvRecords.Letter(25));
        Assert.Equal("AA", Campaign.Core.Load.CsvRecords.Letter(26));
        Assert.Equal("AE", Campaign.Core.Load.CsvRecords.Letter(30));
        Assert.Equal("ZZ", Campaign.Core.Load.CsvRecords.Letter(701));
        Assert.Equal("AAA", Campaign.Core.Load.CsvRecords.Letter(702));
    }
}
