using System.Text;
using Campaign.Site;

namespace Campaign.Tests.Support;

/// <summary>
/// A small campaign written as one string of <c>-- path --</c> sections, laid out in a temporary
/// folder and built with the real theme. Files the string does not give (site.yaml, i18n, vocabularies)
/// come from a minimal bilingual default, so each test states only what it is about.
/// </summary>
public sealed class TestCampaign : IDisposable
{
    public const string DefaultSite = """
        title: { en: Test Campaign, zh: 测试运动 }
        default_language: en
        languages:
          - { code: en, name: English, lang: en, dir: ltr }
          - { code: zh, name: 中文, lang: zh-Hans, dir: ltr }
        home:
          ask: { en: "Stop the exports.", zh: "停止出口。" }
        """;

    public string Root { get; }
    public string Input => Path.Combine(Root, "input");
    public string Output => Path.Combine(Root, "output");

    public TestCampaign(string files, bool defaults = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "campaign-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Input);
        var sections = Parse(files);
        if (defaults)
        {
            if (!sections.ContainsKey("site.yaml")) Write("site.yaml", DefaultSite);
            foreach (var lang in new[] { "en", "zh" })
                if (!sections.ContainsKey($"i18n/{lang}.yaml"))
                    File.Copy(Path.Combine(Repo.Input, "i18n", lang + ".yaml"), Dir($"i18n/{lang}.yaml"));
            if (!sections.ContainsKey("vocabularies.yaml"))
                File.Copy(Path.Combine(Repo.Input, "vocabularies.yaml"), Dir("vocabularies.yaml"));
        }
        foreach (var (path, text) in sections) Write(path, text);
    }

    /// <summary>
    /// A campaign made of the folders <paramref name="fixtures"/> under <c>tests/Campaign.Tests/Fixtures/</c>,
    /// copied in order (later ones overwrite earlier ones) over the defaults.
    /// </summary>
    public static TestCampaign FromFixture(params string[] fixtures)
    {
        var campaign = new TestCampaign("");
        foreach (var fixture in fixtures)
        {
            var dir = Path.Combine(Repo.Root, "tests", "Campaign.Tests", "Fixtures", fixture);
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
                File.Copy(file, campaign.Dir(Path.GetRelativePath(dir, file)), overwrite: true);
        }
        return campaign;
    }

    /// <summary>Splits <c>-- path --</c> sections; the text of each runs to the next marker.</summary>
    public static Dictionary<string, string> Parse(string files)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var text = new StringBuilder();
        foreach (var line in files.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("-- ", StringComparison.Ordinal) && trimmed.EndsWith(" --", StringComparison.Ordinal) && trimmed.Length > 6)
            {
                if (current is not null) result[current] = text.ToString();
                current = trimmed[3..^3].Trim();
                text.Clear();
                continue;
            }
            if (current is not null) text.Append(line).Append('\n');
        }
        if (current is not null) result[current] = text.ToString();
        return result;
    }

    private string Dir(string relative)
    {
        var path = Path.Combine(Input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    public void Write(string relative, string text) => File.WriteAllText(Dir(relative), text, new UTF8Encoding(false));

    /// <summary>Replaces <paramref name="from"/> (which must occur) by <paramref name="to"/> in an input file, as a campaigner's editor would.</summary>
    public void Edit(string relative, string from, string to)
    {
        var text = File.ReadAllText(Path.Combine(Input, relative));
        Assert.Contains(from, text);
        Write(relative, text.Replace(from, to, StringComparison.Ordinal));
    }

    public void WriteBytes(string relative, byte[] bytes) => File.WriteAllBytes(Dir(relative), bytes);

    public void Delete(string relative) => File.Delete(Path.Combine(Input, relative));

    public BuildOptions Options(string now = "2026-11-25", bool drafts = false) =>
        new(Input, Output, DateTimeOffset.Parse(now + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), drafts, Repo.Theme);

    public BuildResult Build(string now = "2026-11-25", bool drafts = false) => SiteBuilder.Build(Options(now, drafts));

    /// <summary>Builds and fails the test with the diagnostics when the build has errors.</summary>
    public BuildResult BuildOk(string now = "2026-11-25", bool drafts = false)
    {
        var result = Build(now, drafts);
        Assert.True(result.Succeeded, "build failed:\n" + string.Join("\n", result.Diagnostics));
        return result;
    }

    public string Read(string outputPath) => File.ReadAllText(Path.Combine(Output, outputPath));

    public bool Exists(string outputPath) => File.Exists(Path.Combine(Output, outputPath));

    /// <summary>
    /// Asserts on an output file line by line: each line of <paramref name="expectations"/> must occur in it,
    /// and a line starting with <c>! </c> must not.
    /// </summary>
    public void AssertFile(string outputPath, string expectations)
    {
        Assert.True(Exists(outputPath), $"{outputPath} was not written");
        OutputAssert.Contains(Read(outputPath), expectations, outputPath);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The one-expectation-per-line assertion used by whole-site tests.</summary>
public static class OutputAssert
{
    public static void Contains(string text, string expectations, string what)
    {
        foreach (var raw in expectations.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("! ", StringComparison.Ordinal))
                Assert.False(text.Contains(line[2..], StringComparison.Ordinal), $"{what} must not contain: {line[2..]}");
            else
                Assert.True(text.Contains(line, StringComparison.Ordinal), $"{what} should contain: {line}\n--- {what} ---\n{Excerpt(text)}");
        }
    }

    private static string Excerpt(string text) => text.Length > 4000 ? text[..4000] + "…" : text;
}
