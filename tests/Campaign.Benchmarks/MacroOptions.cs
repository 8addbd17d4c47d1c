using System.Globalization;

namespace Campaign.Benchmarks;

/// <summary>What the macro runner measures: campaign sizes, runs per figure, and where the tools and files are.</summary>
public sealed record MacroOptions(
    IReadOnlyList<int> Sizes,
    int Runs,
    string WorkDir,
    string CampaignDll,
    string Hugo,
    string Theme,
    string Sample,
    int Seed,
    bool Pagefind = true,
    int SettleSeconds = 60,
    bool Load = false,
    bool WithHugo = true,
    bool BuildsOnly = false,
    bool HttpGzip = false)
{
    public const string Usage = """
        Usage: Campaign.Benchmarks [macro] [--findings 2000,10000] [--runs 3] [--work DIR] [--campaign campaign.dll]
                                   [--hugo /usr/bin/hugo] [--theme theme] [--sample input] [--seed 1]
                                   [--no-hugo] [--no-pagefind] [--settle 60] [--load] [--builds-only]
               Campaign.Benchmarks search [--findings 2000,10000] [--work DIR] [--no-pagefind] [--http-gzip] [same options as macro]
               Campaign.Benchmarks preview [--findings 2000,10000] [--runs 3] [--work DIR] [same options as macro]
                                   (only the live preview's one-file rebuilds, each stage's median beside them)
               Campaign.Benchmarks micro [BenchmarkDotNet options, e.g. --filter '*']

          --no-hugo      skip Hugo: no Hugo copy is written or built, and the table has no Hugo rows
          --no-pagefind  skip Pagefind in the search comparison
          --http-gzip    serve both sites' text files (scripts, JSON, HTML) gzip-compressed, as GitHub Pages, Netlify and
                         Cloudflare Pages do; without it, every file as it is on disk, as a plain host serves it
          --builds-only  only the timed full builds and their output (files, bytes, folders): no live-preview
                         rebuilds and no search comparison, for a second set of rows under --load
        """;

    public static MacroOptions Parse(IReadOnlyList<string> args)
    {
        var repo = RepoRoot();
        var o = new MacroOptions([2000, 10000], 3, Path.Combine(Path.GetTempPath(), "campaign-bench"),
            // the campaign.dll built beside this program (the project references the CLI), run by `dotnet` as its own process
            Path.Combine(AppContext.BaseDirectory, "campaign.dll"), "/usr/bin/hugo",
            Path.Combine(repo, "theme"), Path.Combine(repo, "input"), 1);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--no-pagefind") { o = o with { Pagefind = false }; continue; }
            if (args[i] == "--no-hugo") { o = o with { WithHugo = false }; continue; }
            if (args[i] == "--load") { o = o with { Load = true }; continue; }
            if (args[i] == "--builds-only") { o = o with { BuildsOnly = true }; continue; }
            if (args[i] == "--http-gzip") { o = o with { HttpGzip = true }; continue; }
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--findings" => o with { Sizes = [.. Value().Split(',').Select(Int)] },
                "--runs" => o with { Runs = Math.Max(1, Int(Value())) },
                "--work" => o with { WorkDir = Path.GetFullPath(Value()) },
                "--campaign" => o with { CampaignDll = Path.GetFullPath(Value()) },
                "--hugo" => o with { Hugo = Value() },
                "--theme" => o with { Theme = Path.GetFullPath(Value()) },
                "--sample" => o with { Sample = Path.GetFullPath(Value()) },
                "--seed" => o with { Seed = Int(Value()) },
                // the longest wait, in seconds, for an idle disk before each timed build (0: no wait)
                "--settle" => o with { SettleSeconds = Int(Value()) },
                _ => throw new ArgumentException($"unknown option `{args[i]}`."),
            };
        }
        // The runner's inputs, checked once here for every verb (not when a build or the generator first uses them), so
        // a run started from another folder, or before the solution is built, says what to pass.
        if (!File.Exists(o.CampaignDll))
            throw new ArgumentException($"no campaign.dll at {o.CampaignDll}; build the solution or pass --campaign PATH.");
        foreach (var (flag, folder) in new[] { ("--sample", o.Sample), ("--theme", o.Theme) })
            if (!Directory.Exists(folder))
                throw new ArgumentException($"no folder {folder}: pass {flag} DIR, or start the runner from the repository's root.");
        return o;
    }

    private static int Int(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"`{text}` is not a whole number.");

    /// <summary>The repository this program was built in (the folder with Campaign.sln), else the current folder.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Campaign.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
