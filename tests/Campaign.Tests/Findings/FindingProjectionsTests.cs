using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Core.Model;
using Campaign.Site;
using Campaign.Site.Emit;
using Campaign.Site.Findings;
using Campaign.Site.Preview;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;
using Campaign.Tests.Support;

namespace Campaign.Tests.Findings;

/// <summary>
/// A live preview's findings files: each piece is made again exactly when what it is made from changed (the finding, the
/// site's title or base URL, the build date, a vocabulary label), and the files always equal those of a plan that remembers nothing.
/// </summary>
public sealed class FindingProjectionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly Campaign.Site.Rendering.Theme SiteTheme = Campaign.Site.Rendering.Theme.Load(Repo.Theme, new DiagnosticList())!;
    private static readonly ContentModel Sample = ContentLoader.Load(Repo.Input, DateOnly.FromDateTime(Now.UtcDateTime), new DiagnosticList())!;

    private static BuildOptions Options(DateTimeOffset now) => new(Repo.Input, "unused-output", now, false, Repo.Theme);

    private sealed class Memo
    {
        public RememberingProjector Projector { get; } = new();
        public FindingCatalogMemo Catalogues { get; } = new();

        public void ResetCounts()
        {
            Projector.Begin();
            Catalogues.ResetCounts();
        }
    }

    private static Dictionary<string, GeneratedFile> Plan(ContentModel content, Memo? memo, DateTimeOffset? now = null)
    {
        var model = SiteModelBuilder.Build(content, Options(now ?? Now));
        var editions = model.Editions.Select(e => new EditionViews(model, e, SiteTheme)).ToList();
        var generated = new GeneratedFiles();
        FindingPages.Plan(model, editions, SiteTheme, generated, memo?.Projector, memo is null ? null : memo.Catalogues.Catalog);
        return generated.All.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>Plans with the memo and without: the same files, byte for byte; returns the memo's files.</summary>
    private static Dictionary<string, GeneratedFile> PlanBoth(ContentModel content, Memo memo, DateTimeOffset? now = null)
    {
        var remembered = Plan(content, memo, now);
        var fresh = Plan(content, null, now);
        Assert.Equal(fresh.Keys.Order(StringComparer.Ordinal), remembered.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in fresh)
            Assert.True(file.Bytes.AsSpan().SequenceEqual(remembered[path].Bytes), $"{path} differs from a plan without memo");
        return remembered;
    }

    /// <param name="files">Citation entries made (what a finding gives the whole-database BibTeX, CSL-JSON and RIS files), over both languages.</param>
    /// <param name="facets">Rows of the facet files made, over both languages.</param>
    private static void Counts(Memo memo, int record, int csv, int files, int facets) =>
        Assert.Equal(
            new[] { record, csv, files, facets },
            new[] { "finding-record", "csv-line", "finding-citation", "facet-row" }.Select(memo.Projector.Made).ToArray());

    [Fact]
    public void Each_piece_is_made_again_when_what_it_is_made_from_changes()
    {
        var memo = new Memo();
        var n = Sample.Findings.Length;
        var first = PlanBoth(Sample, memo);
        Counts(memo, n, n, 2 * n, 2 * n);
        Assert.Equal(1, memo.Catalogues.Built);

        // unchanged: nothing is made, and every file is the same file with the same bytes (the output ledger knows its hash)
        memo.ResetCounts();
        var again = PlanBoth(Sample, memo);
        Counts(memo, 0, 0, 0, 0);
        Assert.Equal(1, memo.Catalogues.Reused);
        Assert.All(first, kv => Assert.True(ReferenceEquals(kv.Value, again[kv.Key]) || ReferenceEquals(kv.Value.Bytes, again[kv.Key].Bytes), kv.Key));
        Assert.Same(first[FindingExports.JsonPath], again[FindingExports.JsonPath]); // kept in pieces: the same file, hash and all

        // one finding's title: its pieces only; its facets are unchanged, so the catalogue is reused
        var edited = Sample.Findings[0] with { Title = LocalizedText.Of(("en", "An edited title"), ("zh", "编辑过的标题")) };
        memo.ResetCounts();
        var one = PlanBoth(Sample with { Findings = Sample.Findings.SetItem(0, edited) }, memo);
        Counts(memo, 1, 1, 2, 2);
        Assert.Equal(1, memo.Catalogues.Reused);
        Assert.Contains("An edited title", System.Text.Encoding.UTF8.GetString(one[FindingExports.CsvPath].Bytes));
        Assert.Same(first[FindingExports.SchemaPath].Bytes, one[FindingExports.SchemaPath].Bytes);
        Assert.NotSame(first[FindingExports.CsvPath], one[FindingExports.CsvPath]);

        // the English site title: English citations only (and the head of findings.json)
        var site = Sample.Site;
        memo.ResetCounts();
        var titled = PlanBoth(Sample with { Site = site with { Title = LocalizedText.Of(("en", "A new title"), ("zh", site.Title["zh"]!)) } }, memo);
        Counts(memo, 0, 0, n, 0);
        Assert.Contains("A new title", System.Text.Encoding.UTF8.GetString(titled[FindingExports.JsonPath].Bytes));

        // the base URL: every record and citation
        memo.ResetCounts();
        PlanBoth(Sample with { Site = site with { BaseUrl = "https://example.net/sub/" } }, memo);
        Counts(memo, n, 0, 2 * n, 0);

        // back to the first base URL: records and citations again
        memo.ResetCounts();
        PlanBoth(Sample, memo, Now.AddDays(1));
        Counts(memo, n, 0, 2 * n, 0);
        // the build date (--now) alone: nothing (a citation carries no access date)
        memo.ResetCounts();
        PlanBoth(Sample, memo, Now.AddDays(2));
        Counts(memo, 0, 0, 0, 0);

        // a vocabulary label: a new catalogue, and every CSV line (its label columns); the facet files' heads show it, their rows
        // (positions only), records and citations stay
        var technology = Sample.Vocabularies["technology"]!;
        var term = technology.Terms[0];
        var relabelled = technology with { Terms = technology.Terms.SetItem(0, term with { Label = LocalizedText.Of(("en", "Relabelled"), ("zh", "新标签")) }) };
        memo.ResetCounts();
        var relabelledFiles = PlanBoth(Sample with { Vocabularies = new Vocabularies(Sample.Vocabularies.ByName.SetItem("technology", relabelled)) }, memo, Now.AddDays(2));
        Counts(memo, 0, n, 0, 0);
        Assert.Equal(1, memo.Catalogues.Built);
        Assert.Contains("Relabelled", System.Text.Encoding.UTF8.GetString(relabelledFiles["en/findings/facets.json"].Bytes));
    }

    [Fact]
    public void A_finding_that_sorts_or_groups_differently_gets_a_new_catalogue()
    {
        var memo = new Memo();
        PlanBoth(Sample, memo);
        var f = Sample.Findings[^1];
        foreach (var edit in new[]
        {
            f with { Years = new YearRange(1999, 1999) },
            f with { Company = Sample.Findings.First(x => x.Company != f.Company).Company },
            f with { Buyer = f.Buyer with { City = LocalizedText.Of(("en", "Another city"), ("zh", "另一个城市")) } },
        })
        {
            memo.ResetCounts();
            PlanBoth(Sample with { Findings = Sample.Findings.SetItem(Sample.Findings.Length - 1, edit) }, memo);
            Assert.Equal(1, memo.Catalogues.Built);
        }
    }
}

/// <summary>A generated file kept in pieces reads, hashes and writes as the same bytes in one array would.</summary>
public sealed class GeneratedFilePiecesTests
{
    [Fact]
    public void A_file_in_pieces_has_the_size_hash_and_bytes_of_the_whole()
    {
        var whole = "head\n  first,\n  second\n]\n"u8.ToArray();
        var pieces = new GeneratedFile("data/x.json", ["head"u8.ToArray(), "\n  first"u8.ToArray(), ",\n  second"u8.ToArray(), "\n]\n"u8.ToArray()]);
        var one = new GeneratedFile("data/x.json", whole);
        Assert.Equal(one.Size, pieces.Size);
        Assert.Equal(one.Sha256, pieces.Sha256);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(whole)), pieces.Sha256);
        Assert.Equal(whole, pieces.Bytes);

        var dir = Directory.CreateTempSubdirectory("campaign-pieces-").FullName;
        foreach (var inPlace in new[] { false, true })
        {
            var target = Path.Combine(dir, inPlace ? "preview" : "fresh");
            using (OutputFolder output = inPlace ? new InPlaceFolder(target, new OutputLedger()) : new SwappedFolder(target))
            {
                output.Write(pieces);
                output.Commit();
            }
            Assert.Equal(whole, File.ReadAllBytes(Path.Combine(target, "data/x.json")));
        }
        Directory.Delete(dir, recursive: true);
    }
}
