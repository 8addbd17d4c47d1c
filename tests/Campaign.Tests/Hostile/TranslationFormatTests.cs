using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Format strings in translations (<c>date_format</c>, <c>cite_pattern</c>, <c>cite_plain</c>, <c>cite_index</c>)
/// are checked when <c>i18n/*.yaml</c> is read: a bad one is an error at its key and line, not an exception while
/// pages render.
/// </summary>
public sealed class TranslationFormatTests
{
    /// <summary>The sample's Chinese i18n file with one key's value replaced; its line in the file is returned too.</summary>
    private static (TestCampaign Campaign, int Line) WithZh(string key, string value)
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Input, "i18n", "zh.yaml"));
        var index = Array.FindIndex(lines, l => l.StartsWith(key + ":", StringComparison.Ordinal));
        Assert.True(index >= 0, key);
        lines[index] = $"{key}: {value}";
        var c = new TestCampaign("-- i18n/zh.yaml --\n" + string.Join("\n", lines) + "\n");
        return (c, index + 1);
    }

    [Theory]
    [InlineData("date_format", "\"%\"", "CMP135", "is not a date pattern")]
    [InlineData("date_format", "\"yyyy'年 M月d日\"", "CMP135", "a quote is not closed")]
    [InlineData("cite_pattern", "\"{0}: {title}\"", "CMP136", "`{title}` is not a placeholder in `cite_pattern`")]
    [InlineData("cite_pattern", "\"{0} {9}\"", "CMP136", "`{9}` is beyond the last placeholder, {8},")]
    [InlineData("cite_plain", "\"{0} {5}\"", "CMP136", "`{5}` is beyond the last placeholder, {4},")]
    [InlineData("cite_index", "\"Index {0\"", "CMP136", "A `{` is not closed")]
    [InlineData("cite_index", "\"Index }\"", "CMP136", "A `}` without its `{`")]
    public void A_bad_format_string_is_an_error_at_its_key_and_line(string key, string value, string code, string message)
    {
        var (c, line) = WithZh(key, value);
        using var _ = c;
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(code, d.Code);
        Assert.Equal("i18n/zh.yaml", d.Location?.File);
        Assert.Equal(line, d.Location?.Line);
        Assert.Equal(key, d.Field);
        Assert.Contains(message, d.Message);
        Assert.False(Directory.Exists(c.Output));
    }

    [Fact]
    public void The_build_command_exits_1_with_the_diagnostic_and_no_stack_trace()
    {
        var (c, line) = WithZh("date_format", "\"%\"");
        using var _ = c;
        var run = CliRun.Run("build", "--input", c.Input, "--output", c.Output, "--theme", Repo.Theme, "--now", "2026-11-25", "--no-pdf");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"i18n/zh.yaml:{line}:", run.Error);
        Assert.Contains("error CMP135:", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Escaped_braces_alignment_and_the_samples_own_patterns_pass()
    {
        var (c, _) = WithZh("cite_pattern", "\"{{{0}}} {1,-3} {2:D} {3}{4}{5}{6}\"");
        using var _ = c;
        var result = c.BuildOk();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "CMP135" or "CMP136");
    }
}
