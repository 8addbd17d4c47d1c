using System.Diagnostics;

namespace Campaign.Benchmarks.Search;

/// <summary>
/// Pagefind 1.6, installed from npm into a cache folder on first use and run over a built site, writing its index to
/// a separate folder (so the site is not copied). Its native binary (<c>pagefind_extended</c>, the build with Chinese
/// segmentation, which the npm wrapper would pick) is run directly, so its wall time and peak memory are its own.
/// </summary>
public static class PagefindIndex
{
    public const string Package = "pagefind@1.6.0";

    /// <summary>An index Pagefind wrote: where, how long it took, its peak resident memory, files and bytes.</summary>
    public sealed record Built(string Dir, double Seconds, long PeakBytes, int Files, long Bytes);

    /// <summary>The binary under <paramref name="cacheDir"/>, installing the package there if needed; null (with why) when npm is missing or fails.</summary>
    public static string? Install(string cacheDir, out string why)
    {
        why = "";
        var binary = Path.Combine(cacheDir, "node_modules", "@pagefind", "linux-x64", "bin", "pagefind_extended");
        if (File.Exists(binary)) return binary;
        var npm = new[] { "/usr/bin/npm", "/usr/local/bin/npm" }.FirstOrDefault(File.Exists);
        if (npm is null) { why = "npm not found"; return null; }
        Directory.CreateDirectory(cacheDir);
        var start = new ProcessStartInfo(npm) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "install", "--no-audit", "--no-fund", "--prefix", cacheDir, Package }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(); why = "npm install timed out"; return null; }
        stdout.Wait();
        if (p.ExitCode != 0 || !File.Exists(binary)) { why = $"npm install {Package} failed: {stderr.Result.Trim().Split('\n').LastOrDefault()}"; return null; }
        return binary;
    }

    /// <summary>Indexes <paramref name="site"/> into <paramref name="outputDir"/> (served as <c>/pagefind/</c>).</summary>
    public static Built Run(string binary, string site, string outputDir)
    {
        Machine.Discard(outputDir);
        var run = Machine.Time(binary, ["--site", site, "--output-path", outputDir]);
        if (run.ExitCode != 0) throw new InvalidOperationException($"pagefind failed ({run.ExitCode}): {run.Error}");
        var files = Directory.GetFiles(outputDir, "*", SearchOption.AllDirectories);
        return new Built(outputDir, run.Seconds, run.PeakBytes, files.Length, files.Sum(f => new FileInfo(f).Length));
    }
}
