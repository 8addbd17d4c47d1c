using Campaign.Tests.Support;

namespace Campaign.Tests.Findings;

/// <summary>
/// The main part of a finding page and of the index, in both languages, compared with the files in
/// <c>Findings/Golden/</c>. After an intended change: <c>UPDATE_GOLDEN=1 dotnet test</c>, then review the diff.
/// </summary>
public sealed class FindingGoldenTests
{
    private static readonly string Folder = Repo.Path_("tests", "Campaign.Tests", "Findings", "Golden");

    [Theory]
    [InlineData("en/findings/acme-guilin-2015/index.html", "finding.en.html")]
    [InlineData("zh/findings/acme-guilin-2015/index.html", "finding.zh.html")]
    [InlineData("en/findings/index.html", "index.en.html")]
    [InlineData("zh/findings/index.html", "index.zh.html")]
    public void Page_matches_its_golden_file(string page, string golden)
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml);
        c.BuildOk();
        var html = c.Read(page);
        // Only <main>: the header and footer belong to the theme and have golden files of their own.
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal) + "</main>".Length;
        Assert.True(start >= 0 && end > start, $"{page} has no <main>");
        // The script's name carries a hash of its content; the golden file should not change with every edit of it.
        var main = System.Text.RegularExpressions.Regex.Replace(html[start..end], @"findings\.[0-9a-f]{10}\.js", "findings.HASH.js") + "\n";

        var path = Path.Combine(Folder, golden);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, main);
            return;
        }
        Assert.True(File.Exists(path), $"no golden file {path}; run with UPDATE_GOLDEN=1 to write it");
        Assert.Equal(File.ReadAllText(path), main);
    }
}
