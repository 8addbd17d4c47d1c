using System.Text.RegularExpressions;
using Campaign.Tests.Support;

namespace Campaign.Tests.Diagnostics;

/// <summary>A campaigner who sees a code can look it up: every foundation code the source uses has a row in docs/diagnostics.md.</summary>
public sealed partial class DiagnosticsDocumentationTests
{
    [GeneratedRegex(@"""(CMP\d{3})""")]
    private static partial Regex CodeInSource();

    [GeneratedRegex(@"^\| (CMP\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex CodeRow();

    [Fact]
    public void Every_code_in_the_source_is_documented()
    {
        var used = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => CodeInSource().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("CMP009", used);
        var documented = CodeRow().Matches(File.ReadAllText(Path.Combine(Repo.Root, "docs", "diagnostics.md")))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        // The foundation's range (and the build's CMP050); each later feature documents its own range in its own section.
        var missing = used.Where(c => int.Parse(c[3..]) <= 50).Except(documented).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "not in docs/diagnostics.md: " + string.Join(", ", missing));
    }
}
