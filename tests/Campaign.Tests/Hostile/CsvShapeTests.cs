using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Tests.Findings;
using Campaign.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Spreadsheet column shapes: every mix of flat, numbered and per-language columns is read by the schema or refused with a
/// diagnostic naming the columns, and absurd source numbers meet a stated limit; never an exception.
/// </summary>
public sealed class CsvShapeTests
{
    private static readonly string[] Languages = ["en", "zh"];

    private static IReadOnlyList<Diagnostic> Read(string csv)
    {
        var diagnostics = new DiagnosticList();
        CsvRecords.Read(csv, "findings/f.csv", Languages, diagnostics);
        return diagnostics.Sorted();
    }

    [Theory]
    [InlineData("id,buyer,buyer_name_en\n", "buyer", "A spreadsheet cannot give `buyer` in one column, beside its part `buyer_name_en`.")]
    [InlineData("id,sources,source1_url\n", "sources", "A spreadsheet cannot give `sources` in one column, beside its part `source1_url`.")]
    [InlineData("id,buyer\n", "buyer", "A spreadsheet cannot give `buyer` in one column.")]
    [InlineData("id,sources_en\n", "sources_en", "A spreadsheet cannot give `sources` in one column.")]
    [InlineData("id,title,title_en\n", "title", "The columns `title` and `title_en` cannot both be used: `title` gives the whole value, `title_en` one part of it.")]
    [InlineData("id,buyer_name,buyer_name_zh\n", "buyer_name", "The columns `buyer_name` and `buyer_name_zh` cannot both be used: `buyer_name` gives the whole value, `buyer_name_zh` one part of it.")]
    [InlineData("id,source1_url,source01_url\n", "source01_url", "The columns `source1_url` and `source01_url` give the same value.")]
    public void Flat_beside_split_columns_is_refused_naming_the_columns(string header, string field, string message)
    {
        var d = Assert.Single(Read(header + "a,b,c\n"));
        Assert.Equal("CMP173", d.Code);
        Assert.Equal(field, d.Field);
        Assert.Equal(1, d.Location!.Line);
        Assert.StartsWith("row 1, column ", d.Message);
        Assert.EndsWith(message, d.Message);
    }

    [Theory]
    [InlineData("source99999999999_url")]
    [InlineData("source101_url")]
    [InlineData("source0_url")]
    public void Source_numbers_outside_the_limit_are_refused(string column)
    {
        var d = Assert.Single(Read($"id,{column}\na,https://example.org/\n"));
        Assert.Equal("CMP174", d.Code);
        Assert.Equal($"row 1, column B ({column}): The column `{column}` numbers a source outside 1–100.", d.Message);
        Assert.Equal("number a finding's sources from source1_ to at most source100_", d.Hint);
    }

    [Fact]
    public void The_hundredth_source_is_within_the_limit()
    {
        Assert.Empty(Read("id,source100_url\na,https://example.org/\n"));
    }

    [Fact]
    public void A_refused_shape_fails_the_build_on_the_command_line_without_a_stack_trace()
    {
        var csv = FindingCampaigns.Csv.Replace("id,title_en,", "id,buyer,title_en,").Replace("acme-guilin-2015,", "acme-guilin-2015,x,").Replace("acme-ministry-2012-2014,", "acme-ministry-2012-2014,y,");
        using var campaign = new TestCampaign(FindingCampaigns.Base + csv);
        var run = CliRun.Run("build", "--input", campaign.Input, "--output", campaign.Output, "--theme", Repo.Theme, "--now", "2026-11-25", "--no-pdf");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("findings/acme.csv:1: error CMP173: row 1, column B (buyer): A spreadsheet cannot give `buyer` in one column, beside its part `buyer_name_en`. [buyer] (use the columns buyer_name_en, buyer_type, … and delete this one)",
            run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Campaign.", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(campaign.Output));
    }

    [Fact]
    public void A_row_of_empty_cells_is_blank_whatever_its_width()
    {
        Assert.Empty(Read("id,title_en\n,,,\n\na,b\n"));
    }

    /// <summary>The schema's columns, flat, numbered and per language, and a few that are not.</summary>
    private static readonly string[] Columns =
    [
        "id", "title", "title_en", "title_zh", "title_fr", "company", "product_en", "technology", "buyer", "buyer_name", "buyer_name_en",
        "buyer_type", "buyer_en", "country_zh", "years", "summary_en", "licence", "sources", "sources_en", "source1_url", "source01_url",
        "source1_title", "source2_date", "source99999999999_url", "source0_title", "source1_", "source_url", "reviewed", "tags", "", " id ",
        "_en", "report_section", "source1_sources", "buyer_province_zh",
    ];

    private static readonly string[] Cells =
        ["", "x", "2020-09-21", "https://example.org/", "\"", "\"a,b\"", "\"a\"\"b\"", "a\"b", "\n", "\r\n", "police", "2015", "'=x", ",", "人脸", " "];

    private static Gen<string> Csv =>
        from header in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements(Columns), n))
        from rows in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 10).SelectMany(k => Gen.ArrayOf(Gen.Elements(Cells), k)), n))
        from separator in Gen.Elements(",", ";", "\t")
        select string.Join(separator, header) + "\n" + string.Concat(rows.Select(r => string.Join(separator, r) + "\n"));

    [Fact]
    public void Any_shape_is_read_or_reported_with_a_row_and_never_throws()
    {
        Prop.ForAll(Csv.ToArbitrary(), csv =>
        {
            var diagnostics = new DiagnosticList();
            var rows = CsvRecords.Read(csv, "findings/f.csv", Languages, diagnostics);
            foreach (var d in diagnostics.Sorted())
            {
                Assert.Equal("findings/f.csv", d.Location!.File);
                Assert.True(d.Location.Line >= 1, d.ToString());
                Assert.True(d.Code == "CMP011" || d.Message.StartsWith("row ", StringComparison.Ordinal), d.ToString());
            }
            foreach (var row in rows) Assert.StartsWith("row ", row.Location.Cell);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_shape_through_the_whole_loader_builds_or_reports_diagnostics_with_a_row()
    {
        using var campaign = new TestCampaign(FindingCampaigns.Base);
        Prop.ForAll(Csv.ToArbitrary(), csv =>
        {
            campaign.Write("findings/f.csv", csv);
            var diagnostics = new DiagnosticList();
            ContentLoader.Load(campaign.Input, new DateOnly(2026, 11, 25), diagnostics);
            foreach (var d in diagnostics.Sorted().Where(d => d.IsError && d.Location?.File == "findings/f.csv"))
                Assert.True(d.Code == "CMP011" || d.Message.StartsWith("row ", StringComparison.Ordinal), d.ToString());
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }
}
