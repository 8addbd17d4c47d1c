using Campaign.Benchmarks;

namespace Campaign.Tests.Benchmarks;

/// <summary>
/// Runs the macro benchmark runner end to end on a tiny campaign (50 findings, one run each), so the runner cannot rot:
/// it generates both sites, builds ours as a separate process, Hugo if it is installed, rebuilds incrementally, and prints the table.
/// </summary>
public sealed class BenchmarkRunnerSmokeTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"campaign-bench-smoke-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    /// <summary>The macro runner over this test's work folder with these options: asserts it exits 0, returns what it printed.</summary>
    private async Task<string> Macro(params string[] options)
    {
        var log = new StringWriter();
        Assert.Equal(0, await MacroRunner.Run(MacroOptions.Parse([.. options, "--work", _work]), log));
        return log.ToString();
    }

    [Fact]
    public void A_missing_sample_folder_is_named_with_what_to_pass()
    {
        var missing = Path.Combine(_work, "no-input");
        var error = Assert.Throws<ArgumentException>(() => MacroOptions.Parse(["--sample", missing]));
        Assert.Equal($"no folder {missing}: pass --sample DIR, or start the runner from the repository's root.", error.Message);
    }

    [Fact]
    public void Preview_verb_times_only_the_rebuilds_stage_by_stage()
    {
        var log = new StringWriter();
        var code = MacroRunner.Preview(MacroOptions.Parse(["--findings", "20", "--runs", "1", "--work", _work, "--settle", "1"]), log);
        var text = log.ToString();

        Assert.Equal(0, code);
        Assert.Matches(@"the session's first build: [0-9]+ ms", text);
        Assert.Matches(@"incremental \(ms\): finding [0-9]+; company [0-9]+; finding after finding( [0-9]+){5}", text);
        Assert.Matches(@"\n  finding edit, plan findings: [0-9]+ ms", text);
        Assert.Matches(@"\n  finding after finding, sitemap, checksums, bundle: [0-9]+ ms, [0-9]+ ms processor, [0-9.]+ MiB allocated", text);
        Assert.Matches(@"\n  finding after finding, all stages: [0-9]+ ms, [0-9]+ ms processor, [0-9.]+ MiB allocated", text);
        Assert.Matches(@"rebuild after editing one finding: [0-9]+ ms; .*; one-finding edits in a row \(median of 5\): [0-9]+ ms", text);
        // only the rebuilds: no full build of its own, no table, no search comparison
        Assert.DoesNotContain("campaign build:", text);
        Assert.DoesNotContain("| figure", text);
        Assert.False(Directory.Exists(Path.Combine(_work, "n20-seed1", "output")));
        Assert.False(Directory.Exists(Path.Combine(_work, "n20-seed1", "edit-output")));
    }

    [Fact]
    public async Task Builds_only_times_the_full_builds_and_says_what_it_left_out()
    {
        var text = await Macro("--findings", "20", "--runs", "1", "--no-hugo", "--settle", "1", "--builds-only");

        Assert.Matches(@"\| campaign build: wall time +\| +[0-9.]+ s \|", text);
        Assert.Matches(@"\| files written +\| +[1-9][0-9,]* \|", text);
        Assert.Matches(@"\| rebuild after editing one finding +\| +not measured \(--builds-only\) \|", text);
        Assert.Matches(@"\| search in Chromium, en: first query, ours / pagefind +\| +not measured \(--builds-only\) \|", text);
        Assert.Matches(@"\| search index build: ours / pagefind +\| +not measured \(--builds-only\) \|", text);
        Assert.Contains("only the full builds and their output (--builds-only)", text);
        // neither the live preview's session nor the index verb ran
        Assert.DoesNotContain("the session's first build", text);
        Assert.DoesNotContain("our index:", text);
        Assert.False(Directory.Exists(Path.Combine(_work, "n20-seed1", "search-bench")));
    }

    [Fact]
    public async Task Runner_prints_the_table_for_a_small_campaign()
    {
        var text = await Macro("--findings", "50", "--runs", "1", "--no-pagefind", "--settle", "2");

        Assert.Contains($"machine: {Environment.ProcessorCount} cores", text);
        Assert.Matches(@"\| figure \(median; [0-9]+ cores\) +\| +50 findings \|", text);
        Assert.Matches(@"\| campaign build: pages \(HTML\) +\| +[1-9][0-9,]* \|", text);
        Assert.Matches(@"\| campaign build: processor time, user / sys +\| +[0-9.]+ s / [0-9.]+ s \|", text);
        // each timed build waits (here at most 2 s) for the disk to go idle and says how long it waited
        Assert.Matches(@"campaign build: [0-9]+ ms wall, user [0-9.]+ s, sys [0-9.]+ s, peak [0-9]+ MiB; disk settled before each in [0-9.]+( \(still busy\))? s", text);
        Assert.Matches(@"disk (settled|still busy) after [0-9.]+ s, before the timed edits", text);
        Assert.Matches(@"\| campaign build: peak memory \(VmHWM\) +\| +[0-9.]+ MiB \|", text);
        Assert.Matches(@"\| rebuild after editing one finding +\| +[0-9]+ ms \|", text);
        Assert.Matches(@"\| one-finding edits in a row \(median of 5\) +\| +[0-9]+ ms \|", text);
        Assert.Matches(@"\| search: bytes per query, zh \(median\) +\| +[0-9.]+ kB \|", text);
        Assert.Matches(@"\| files written: campaign / hugo +\| +[1-9][0-9,]* / ([1-9][0-9,]*|-) \|", text);
        Assert.Matches(@"\| largest folder \(entries\): campaign / hugo +\| +[1-9][0-9,]* / ([1-9][0-9,]*|-) \|", text);
        Assert.Contains("competing load: none", text);
        // our search measured in Chromium; Pagefind skipped with a note, as the flag asks
        Assert.Matches(@"\| search in Chromium, zh: first query, ours / pagefind +\| +[1-9][0-9.]* kB / skipped \(--no-pagefind\) \|", text);
        Assert.Matches(@"\| search index build: ours / pagefind +\| +[0-9.]+ s, [0-9.]+ MiB / skipped \(--no-pagefind\) \|", text);
        Assert.Contains("pagefind: skipped (--no-pagefind)", text);
        // the index verb says where its peak was reached: after the content, the model and each language
        Assert.Matches(@"\n  index: after loading the content: peak so far [1-9][0-9]* MiB, live heap [0-9]+ MiB\n", text);
        Assert.Matches(@"\n  index: after the zh index: peak so far [1-9][0-9]* MiB, live heap [0-9]+ MiB\n", text);
        if (File.Exists("/usr/bin/hugo")) Assert.Matches(@"\| hugo: pages \(HTML\) +\| +[1-9][0-9,]* \|", text);
        else Assert.Contains("hugo: not installed", text);
        // the generated Hugo site builds the same kinds of pages as ours
        Assert.True(File.Exists(Path.Combine(_work, "n50-seed1", "hugo", "hugo.toml")));
        // folders set aside during the timed runs (the live-preview session's copies) are deleted once timing is over
        Assert.False(Directory.Exists(Path.Combine(_work, "n50-seed1", "edit-output")));
        Assert.False(Directory.Exists(Path.Combine(_work, "n50-seed1", ".discarded")));
        Assert.True(File.Exists(Path.Combine(_work, "n50-seed1", "output", "en", "index.html")));
    }

    [Fact]
    public async Task With_load_the_runner_says_so_and_stops_the_load_afterwards()
    {
        var text = await Macro("--findings", "5", "--runs", "1", "--no-pagefind", "--settle", "1", "--load");

        Assert.Contains("competing load during the builds: " + BackgroundLoad.Description, text);
        // the disk writer's file is gone and no loop of the load is left running
        Assert.False(File.Exists(Path.Combine(_work, "n5-seed1", "background-load.bin")));
        Assert.DoesNotContain(System.Diagnostics.Process.GetProcessesByName("sh"), p =>
        {
            try { return File.ReadAllText($"/proc/{p.Id}/cmdline").Contains("while :; do", StringComparison.Ordinal) && File.ReadAllText($"/proc/{p.Id}/cmdline").Contains(_work, StringComparison.Ordinal); }
            catch (IOException) { return false; }
        });
    }

    [Fact]
    public async Task With_no_hugo_the_runner_neither_writes_nor_builds_the_hugo_copy_and_prints_no_hugo_figures()
    {
        var text = await Macro("--findings", "5", "--runs", "1", "--no-hugo", "--no-pagefind", "--settle", "1");

        Assert.Contains("hugo: skipped (--no-hugo)", text);
        Assert.False(Directory.Exists(Path.Combine(_work, "n5-seed1", "hugo")));
        Assert.False(Directory.Exists(Path.Combine(_work, "n5-seed1", "hugo-output")));
        var table = text[text.IndexOf("| figure", StringComparison.Ordinal)..];
        Assert.DoesNotContain("hugo", table, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"\| campaign build: wall time +\| +[0-9.]+ s \|", table);
        Assert.Matches(@"\| files written +\| +[1-9][0-9,]* \|", table);
        Assert.Matches(@"\| largest folder \(entries\) +\| +[1-9][0-9,]* \|", table);

        // a later run with Hugo writes the copy the first left out, and measures it
        if (!File.Exists("/usr/bin/hugo")) return;
        var again = await Macro("--findings", "5", "--runs", "1", "--no-pagefind", "--settle", "1");
        Assert.True(File.Exists(Path.Combine(_work, "n5-seed1", "hugo", "hugo.toml")));
        Assert.Matches(@"\| hugo: pages \(HTML\) +\| +[1-9][0-9,]* \|", again);
    }

    [Fact]
    public async Task Runner_carries_on_without_hugo()
    {
        var text = await Macro("--findings", "5", "--runs", "1", "--hugo", Path.Combine(_work, "no-hugo"), "--no-pagefind", "--settle", "2");

        Assert.Contains("hugo: not installed", text);
        Assert.Matches(@"\| hugo +\| +not installed \|", text);
    }
}
