using System.Security.Cryptography;
using System.Text;
using Campaign.Tests.Support;

namespace Campaign.Tests.Findings;

/// <summary>
/// The lean output of a large database (issue #23, item 1), on a generated campaign of <see cref="Findings"/> findings: at most
/// one file per finding per language beyond its page, nothing beside a finding's page in its folder, and no folder with
/// more than <see cref="MaxEntries"/> entries, but for each language's <c>findings/</c>, which holds one folder per finding
/// (its permanent address) and a fixed few others. <c>search/</c> is the search index's own layout and is not counted here.
/// </summary>
public sealed class FindingLayoutTests(ITestOutputHelper output)
{
    /// <summary>
    /// Enough findings that a folder of one entry per finding would break <see cref="MaxEntries"/>, few enough to build in
    /// under a minute on a busy 2-core machine (3,000 took 49 s at load 25); the runner measures the large sizes.
    /// </summary>
    private const int Findings = 2_500;

    /// <summary>The most entries (files and folders) any output folder may hold: a few thousand, where file systems and archives stay quick.</summary>
    private const int MaxEntries = 2_000;

    [Fact]
    public void A_large_database_writes_at_most_one_file_per_finding_and_language_beside_its_pages_in_folders_of_a_few_thousand_entries()
    {
        using var generated = new GeneratedSite(Findings, seed: 3, output.WriteLine);
        var site = generated.Output;
        string[] languages = ["en", "zh"];
        var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("search/", StringComparison.Ordinal)).ToList();
        var ids = Directory.EnumerateDirectories(Path.Combine(site, "en", "findings"), "finding-*").Select(Path.GetFileName).ToList();
        Assert.Equal(Findings, ids.Count);

        // a finding's page folder holds its page and nothing else
        foreach (var lang in languages)
            foreach (var id in ids)
                Assert.Equal([$"{lang}/findings/{id}/index.html"], Directory.EnumerateFileSystemEntries(Path.Combine(site, lang, "findings", id!))
                    .Select(f => Path.GetRelativePath(site, f).Replace('\\', '/')));

        // everything but the finding pages, per finding and language: the record (once for both), the list and facet
        // pages (one per 50 rows), the rest of the site; and the files that are no page, each finding's record and a fixed few
        var pages = Findings * languages.Length;
        var beyond = (files.Count - pages) / (double)pages;
        var notPages = files.Count(f => !f.EndsWith(".html", StringComparison.Ordinal));
        output.WriteLine($"{files.Count} files outside search/: {beyond:0.00} per finding and language beyond its page; {notPages} are no page");
        Assert.True(beyond <= 1, $"{beyond:0.00} files per finding and language beyond its page");
        Assert.InRange(notPages, Findings, Findings + 200);

        // each record once, in the folder named by the first byte of the SHA-256 of its id
        var first = ids[0]!;
        var fan = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first)))[..2];
        Assert.Contains($"data/findings/{fan}/{first}.json", files);
        Assert.Equal(Findings, files.Count(f => f.StartsWith("data/findings/", StringComparison.Ordinal)));
        // findings.json is their download: the records are not listed one by one with the site's downloads
        Assert.DoesNotContain("data/findings/", File.ReadAllText(Path.Combine(site, "SHA256SUMS")));
        Assert.Contains("data/findings.en.bib", File.ReadAllText(Path.Combine(site, "SHA256SUMS")));
        foreach (var lang in languages)
            Assert.DoesNotContain(files, f => f.StartsWith($"{lang}/findings/", StringComparison.Ordinal) && (f.EndsWith(".bib", StringComparison.Ordinal) || f.EndsWith(".ris", StringComparison.Ordinal) || f.EndsWith($"{first}.json", StringComparison.Ordinal)));

        // no folder past the bound, but the findings' own: one page folder per finding, and a fixed few besides
        var folders = Directory.EnumerateDirectories(site, "*", SearchOption.AllDirectories).Prepend(site)
            .Select(d => (Path: Path.GetRelativePath(site, d).Replace('\\', '/'), Entries: Directory.EnumerateFileSystemEntries(d).Count()))
            .Where(d => !d.Path.StartsWith("search", StringComparison.Ordinal)).ToList();
        var findingFolders = languages.Select(l => $"{l}/findings").ToHashSet();
        var largest = folders.Where(d => !findingFolders.Contains(d.Path)).MaxBy(d => d.Entries);
        output.WriteLine($"largest folder but the findings': {largest.Path}, {largest.Entries} entries");
        Assert.True(largest.Entries <= MaxEntries, $"{largest.Path} holds {largest.Entries} entries");
        foreach (var d in folders.Where(d => findingFolders.Contains(d.Path)))
            Assert.InRange(d.Entries, Findings, Findings + 20);
    }
}
