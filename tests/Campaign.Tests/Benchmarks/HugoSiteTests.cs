using System.Diagnostics;
using Campaign.Tests.Support;

namespace Campaign.Tests.Benchmarks;

/// <summary><c>campaign generate</c> also writes the campaign as a Hugo site: deterministic, both languages, the same pages.</summary>
public sealed class HugoSiteTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"campaign-hugo-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    private string Generate(string name, int findings = 20)
    {
        var dir = Path.Combine(_work, name);
        var run = CliRun.Run("generate", "--findings", findings.ToString(System.Globalization.CultureInfo.InvariantCulture), "--output", dir,
            "--sample", Path.Combine(Repo.Root, "input"));
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        return dir;
    }

    [Fact]
    public void Same_seed_gives_the_same_hugo_site_with_both_languages()
    {
        var a = Generate("a");
        var b = Generate("b");
        var files = Directory.EnumerateFiles(Path.Combine(a, "hugo"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(a, "hugo"), f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.EnumerateFiles(Path.Combine(b, "hugo"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(b, "hugo"), f)).Order(StringComparer.Ordinal));
        foreach (var f in files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, "hugo", f)), File.ReadAllBytes(Path.Combine(b, "hugo", f)));

        var config = File.ReadAllText(Path.Combine(a, "hugo", "hugo.toml"));
        Assert.Contains("[languages.en]", config);
        Assert.Contains("[languages.zh]", config);
        foreach (var lang in new[] { "en", "zh" })
        {
            Assert.Equal(20, Directory.GetFiles(Path.Combine(a, "hugo", "content", lang, "findings"), "finding-*.md").Length);
            Assert.Equal(20, Directory.GetFiles(Path.Combine(a, "hugo", "content", lang, "companies"), "*.md").Length - 1);
            Assert.Equal(5, Directory.GetFiles(Path.Combine(a, "hugo", "content", lang, "reports"), "*.md").Length - 1);
            Assert.Equal(200, Directory.GetFiles(Path.Combine(a, "hugo", "content", lang, "updates"), "*.md").Length - 1);
        }
        // the same finding, in each language's words, in both writers
        var zh = File.ReadAllText(Path.Combine(a, "hugo", "content", "zh", "findings", "finding-000001.md"));
        var title = zh.Split('\n').First(l => l.StartsWith("title: ", StringComparison.Ordinal))["title: ".Length..];
        Assert.Contains("title: { en: ", File.ReadAllText(Directory.GetFiles(Path.Combine(a, "input", "findings"))[0]));
        Assert.Contains($"zh: {title}", File.ReadAllText(Directory.GetFiles(Path.Combine(a, "input", "findings"))[0]));
    }

    [Fact]
    public void Hugo_builds_the_same_pages_as_campaign_build()
    {
        RequiredTools.Require(RequiredTools.Hugo, "hugo"); // optional: skipped, with the reason, when missing
        var dir = Generate("site", findings: 10);
        var start = new ProcessStartInfo(RequiredTools.Hugo) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--source", Path.Combine(dir, "hugo"), "--destination", Path.Combine(dir, "public"), "--quiet" }) start.ArgumentList.Add(a);
        using var hugo = Process.Start(start)!;
        var error = hugo.StandardError.ReadToEnd();
        hugo.WaitForExit();
        Assert.True(hugo.ExitCode == 0, error);

        var build = CliRun.Run("build", "--input", Path.Combine(dir, "input"), "--output", Path.Combine(dir, "output"),
            "--theme", Path.Combine(Repo.Root, "theme"), "--now", "2026-01-01", "--no-pdf", "--quiet");
        Assert.True(build.ExitCode == 0, build.Out + build.Error);
        foreach (var lang in new[] { "en", "zh" })
            foreach (var page in new[] { "", "reports/", "reports/report-1/", "companies/", "updates/", "updates/update-0001/", "updates/page/2/",
                         "findings/", "findings/finding-000001/", "findings/finding-000010/" })
            {
                Assert.True(File.Exists(Path.Combine(dir, "output", lang, page, "index.html")), $"campaign: /{lang}/{page}");
                Assert.True(File.Exists(Path.Combine(dir, "public", lang, page, "index.html")), $"hugo: /{lang}/{page}");
            }
        var company = Directory.GetFiles(Path.Combine(dir, "input", "companies"), "*.en.md").Order(StringComparer.Ordinal).First();
        var slug = Path.GetFileName(company)[..^".en.md".Length];
        Assert.True(File.Exists(Path.Combine(dir, "public", "zh", "companies", slug, "index.html")));
        Assert.Contains("lang=\"zh-Hans\"", File.ReadAllText(Path.Combine(dir, "public", "zh", "findings", "finding-000001", "index.html")));
    }
}
