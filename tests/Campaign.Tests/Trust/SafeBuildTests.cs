using System.Diagnostics;
using System.Security.Cryptography;
using Campaign.Tests.Support;

namespace Campaign.Tests.Trust;

/// <summary>
/// Builds that cannot hurt: killed half-way they leave the previous site whole, on machines with other
/// time zones and languages they give the same bytes, and they write nowhere but their output folder.
/// </summary>
public sealed class SafeBuildTests
{
    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>A copy of the sample campaign with the theme beside it, so nothing of the repository is written to.</summary>
    private static string CopySample(string root)
    {
        foreach (var (from, to) in new[] { (Repo.Input, "input"), (Repo.Theme, "theme") })
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(root, to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        return root;
    }

    private static string[] Args(string root, string output = "output") =>
        ["build", "--input", Path.Combine(root, "input"), "--output", Path.Combine(root, output), "--now", "2026-11-25", "--no-pdf", "--quiet"];

    [Fact]
    public void A_build_killed_at_any_point_leaves_the_previous_site_complete()
    {
        var root = CopySample(Directory.CreateTempSubdirectory("campaign-kill-").FullName);
        try
        {
            var (code, printed) = CampaignProcess.Run(Args(root));
            Assert.True(code == 0, printed);
            var before = Snapshot(Path.Combine(root, "output"));
            File.AppendAllText(Path.Combine(root, "input", "pages", "about.en.md"), "\nAn added line.\n");

            var random = new Random(20260925);
            foreach (var delay in new[] { 150, 400, 800, 1200, random.Next(100, 2000) })
            {
                using var process = Process.Start(CampaignProcess.Start(Args(root)))!;
                Thread.Sleep(delay);
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { /* finished first */ }
                process.WaitForExit();

                var after = Snapshot(Path.Combine(root, "output"));
                // Either the old site, untouched, or (if the kill came after the swap) the whole new one.
                if (after.Count == before.Count && after.All(kv => before.TryGetValue(kv.Key, out var h) && h == kv.Value)) continue;
                Assert.Equal(before.Keys.Order(), after.Keys.Order());
                Assert.Contains("An added line.", File.ReadAllText(Path.Combine(root, "output", "en", "about", "index.html")));
                before = after;
            }
            // A later build finishes and clears whatever the killed ones left beside the output.
            Assert.Equal(0, CampaignProcess.Run(Args(root)).Code);
            Assert.Equal(["input", "output", "theme"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order().ToArray());
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void Builds_in_other_time_zones_and_languages_are_byte_identical()
    {
        var root = CopySample(Directory.CreateTempSubdirectory("campaign-tz-").FullName);
        try
        {
            var a = CampaignProcess.Run(Args(root, "out-a"), new Dictionary<string, string> { ["TZ"] = "Asia/Shanghai", ["LANG"] = "zh_CN.UTF-8", ["LC_ALL"] = "zh_CN.UTF-8" });
            var b = CampaignProcess.Run(Args(root, "out-b"), new Dictionary<string, string> { ["TZ"] = "America/Los_Angeles", ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" });
            Assert.True(a.Code == 0, a.Output);
            Assert.True(b.Code == 0, b.Output);
            var sa = Snapshot(Path.Combine(root, "out-a"));
            var sb = Snapshot(Path.Combine(root, "out-b"));
            Assert.Equal(sa.Keys.Order(), sb.Keys.Order());
            Assert.All(sa, kv => Assert.True(sb[kv.Key] == kv.Value, $"{kv.Key} differs between time zones/cultures"));
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void A_build_writes_only_its_output_folder()
    {
        var root = CopySample(Directory.CreateTempSubdirectory("campaign-write-").FullName);
        try
        {
            var input = Snapshot(Path.Combine(root, "input"));
            var theme = Snapshot(Path.Combine(root, "theme"));
            var (code, printed) = CampaignProcess.Run(Args(root));
            Assert.True(code == 0, printed);
            Assert.Equal(input, Snapshot(Path.Combine(root, "input")));
            Assert.Equal(theme, Snapshot(Path.Combine(root, "theme")));
            Assert.Equal(["input", "output", "theme"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order().ToArray());
        }
        finally { Directory.Delete(root, true); }
    }
}
