using System.Text;
using System.Text.RegularExpressions;
using Campaign.Tests.Support;

namespace Campaign.Tests.Golden;

/// <summary>
/// Builds the fixture campaign in <c>Fixtures/campaign/</c> and compares every HTML page with its checked-in
/// copy under <c>Golden/campaign/</c>. After an intended change to the output, refresh the copies with
/// <c>UPDATE_GOLDEN=1 dotnet test Campaign.sln</c> and review the diff before committing.
/// </summary>
public sealed partial class GoldenOutputTests
{
    private static readonly string GoldenDir = Path.Combine(Repo.Root, "tests", "Campaign.Tests", "Golden", "campaign");

    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") is "1" or "true";

    /// <summary>Theme files are published under content-hashed names; the hash changes with every CSS edit, so the
    /// golden copies hold a placeholder and stay put when only the stylesheet changes (a theme file named by its file
    /// name alone, as the search client's parts are in data-stem and data-typos, too).</summary>
    [GeneratedRegex(@"(assets/theme/[^""]*?|""[a-z-]+)\.[0-9a-f]{10}(\.[a-z0-9]+"")")]
    private static partial Regex HashedAsset();

    public static string Normalise(string html) => HashedAsset().Replace(html, "$1.HASH$2");

    [Fact]
    public void Fixture_campaign_renders_exactly_as_the_golden_copies()
    {
        using var campaign = TestCampaign.FromFixture("campaign");
        campaign.BuildOk();
        var built = Directory.EnumerateFiles(campaign.Output, "*.html", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(campaign.Output, f).Replace('\\', '/'), f => Normalise(File.ReadAllText(f)), StringComparer.Ordinal);
        Assert.True(built.Count >= 10, "the fixture should build pages in both languages");

        if (Updating)
        {
            if (Directory.Exists(GoldenDir)) Directory.Delete(GoldenDir, recursive: true);
            foreach (var (path, html) in built)
            {
                var target = Path.Combine(GoldenDir, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, html, new UTF8Encoding(false));
            }
            return;
        }

        Assert.True(Directory.Exists(GoldenDir), "no golden copies yet: run UPDATE_GOLDEN=1 dotnet test Campaign.sln");
        var golden = Directory.EnumerateFiles(GoldenDir, "*.html", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(GoldenDir, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var path in golden.Keys.Except(built.Keys).Order(StringComparer.Ordinal)) problems.Add($"no longer built: {path}");
        foreach (var path in built.Keys.Except(golden.Keys).Order(StringComparer.Ordinal)) problems.Add($"new page without a golden copy: {path}");
        foreach (var path in built.Keys.Intersect(golden.Keys).Order(StringComparer.Ordinal))
            if (FirstDifference(golden[path], built[path]) is { } diff) problems.Add($"{path} differs at {diff}");
        Assert.True(problems.Count == 0,
            string.Join("\n", problems) + "\n\nIf the change is intended: UPDATE_GOLDEN=1 dotnet test Campaign.sln, then review `git diff tests/Campaign.Tests/Golden`.");
    }

    /// <summary>The first differing line, as "line N: expected … / actual …", or null when equal.</summary>
    private static string? FirstDifference(string expected, string actual)
    {
        if (expected == actual) return null;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "(end of file)";
            var y = i < a.Length ? a[i] : "(end of file)";
            if (x != y) return $"line {i + 1}:\n  expected: {x}\n  actual:   {y}";
        }
        return "line endings";
    }
}
