using System.Text.RegularExpressions;
using Campaign.Tests.Support;

namespace Campaign.Tests.Theme;

/// <summary>No UI text is missing: every string key the theme uses is in every i18n file of the campaign.</summary>
public sealed partial class ThemeStringsTests
{
    [GeneratedRegex(@"\bt\.([a-z0-9_]+)|'([a-z0-9_]+)'\s*\|\s*t\b")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"^([a-z0-9_]+):", RegexOptions.Multiline)]
    private static partial Regex KeyDefinition();

    public static IReadOnlySet<string> KeysUsedByTheme() =>
        Directory.EnumerateFiles(Repo.Theme, "*.liquid", SearchOption.AllDirectories)
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_key_the_theme_uses_exists_in_every_i18n_file()
    {
        var used = KeysUsedByTheme();
        Assert.Contains("skip_to_content", used);
        Assert.Contains("fallback_notice", used);
        var files = Directory.EnumerateFiles(Path.Combine(Repo.Input, "i18n"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 2);
        foreach (var file in files)
        {
            var defined = KeyDefinition().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var missing = used.Where(k => !defined.Contains(k)).Order(StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0, $"{Path.GetFileName(file)} lacks: {string.Join(", ", missing)}");
        }
    }
}
