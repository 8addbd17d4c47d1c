using System.Diagnostics;
using Campaign.Site.Emit;
using Campaign.Tests.Support;

namespace Campaign.Tests.Output;

/// <summary>
/// Output that cannot be lost: an interrupted swap is repaired, one build at a time per output, a folder that is not a
/// build's is refused untouched, and the machine's failures (read-only, full, a mount point) get their own codes and exit 3.
/// </summary>
public sealed class OutputSafetyTests
{
    private const string Update = """
        -- updates/meeting.en.md --
        ---
        title: Meeting
        date: 2026-11-20
        kind: statement
        ---
        We met.
        """;

    private static CliRun Build(TestCampaign campaign, string? output = null, string? theme = null) =>
        CliRun.Run("build", "--input", campaign.Input, "--output", output ?? campaign.Output, "--theme", theme ?? Repo.Theme, "--now", "2026-11-25", "--no-pdf");

    /// <summary>Exit code, code and text on stderr, and no stack trace.</summary>
    private static void AssertFailed(CliRun run, int exit, string code, params string[] texts)
    {
        Assert.True(exit == run.ExitCode, $"exit {run.ExitCode}, expected {exit}:\n{run.Error}");
        Assert.Contains($"error {code}:", run.Error);
        foreach (var text in texts) Assert.Contains(text, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
    }

    [Fact]
    public void Every_build_marks_its_output_with_the_same_bytes_and_the_marker_is_no_download()
    {
        using var campaign = new TestCampaign(Update);
        campaign.BuildOk();
        Assert.Equal(OutputFolder.MarkerText, File.ReadAllBytes(Path.Combine(campaign.Output, ".campaign-output")));
        campaign.AssertFile("SHA256SUMS", "! .campaign-output");
        var result = Campaign.Site.SiteBuilder.Build(campaign.Options() with { Bundle = true });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(campaign.Output, "campaign-2026-11-25.zip"));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".campaign-output", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/index.html", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kill_between_the_two_renames_is_repaired_by_the_next_build_even_a_failing_one()
    {
        using var campaign = new TestCampaign(Update);
        campaign.BuildOk();
        var before = OutputSnapshot.Of(campaign.Output);
        // What a kill between the renames of the two-step swap leaves: the old site aside, no output, and the new build's folder.
        var aside = Path.Combine(campaign.Root, ".output.old");
        Directory.Move(campaign.Output, aside);
        var building = Path.Combine(campaign.Root, ".output.building-99999");
        Directory.CreateDirectory(Path.Combine(building, "en"));
        File.WriteAllText(Path.Combine(building, "en", "index.html"), "half");

        campaign.Write("updates/broken.en.md", "---\ntitle: Broken\ndate: 21/09/2020\n---\n");
        var failed = Build(campaign);
        AssertFailed(failed, 1, "CMP006");
        Assert.Contains("warning CMP168", failed.Error);
        Assert.Contains(aside, failed.Error);
        OutputSnapshot.AssertSame(before, OutputSnapshot.Of(campaign.Output));
        Assert.False(Directory.Exists(aside));

        campaign.Delete("updates/broken.en.md");
        Assert.Equal(0, Build(campaign).ExitCode);
        Assert.False(Directory.Exists(building), "the dead build's folder is cleaned up once the output is back");
        Assert.True(campaign.Exists("en/updates/meeting/index.html"));
    }

    [Fact]
    public void A_swap_leaves_no_aside_copy_and_the_old_output_is_replaced_whole()
    {
        using var campaign = new TestCampaign(Update);
        campaign.BuildOk();
        File.WriteAllText(Path.Combine(campaign.Output, "en", "left-over.html"), "from before");
        campaign.BuildOk();
        Assert.False(campaign.Exists("en/left-over.html"));
        Assert.Equal([Path.Combine(campaign.Root, "input"), campaign.Output], Directory.GetDirectories(campaign.Root).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Swapping_in_puts_the_new_folder_in_place_and_returns_the_old_one(bool exchange)
    {
        var root = Directory.CreateTempSubdirectory("campaign-swap-").FullName;
        try
        {
            var target = Path.Combine(root, "output");
            var built = Path.Combine(root, ".output.building-1");
            Directory.CreateDirectory(target);
            Directory.CreateDirectory(built);
            File.WriteAllText(Path.Combine(target, "a"), "old");
            File.WriteAllText(Path.Combine(built, "a"), "new");
            var old = OutputSwap.Commit(built, target, exchange);
            Assert.Equal("new", File.ReadAllText(Path.Combine(target, "a")));
            Assert.NotNull(old);
            Assert.Equal(exchange ? built : Path.Combine(root, ".output.old"), old);
            Assert.Equal("old", File.ReadAllText(Path.Combine(old, "a")));
            Assert.False(OutputSwap.Repair(target), "nothing to repair while the output is there");
            if (exchange) return;
            // The two-step swap killed after its first rename: the next build puts the aside copy back.
            Directory.Move(target, built);
            Assert.True(OutputSwap.Repair(target));
            Assert.Equal("old", File.ReadAllText(Path.Combine(target, "a")));
            Assert.False(Directory.Exists(old));
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void A_second_build_into_a_locked_output_fails_at_once_and_leaves_it_as_it_was()
    {
        using var campaign = new TestCampaign(Update);
        campaign.BuildOk();
        var before = OutputSnapshot.Of(campaign.Output);
        using (var held = OutputLock.TryAcquire(campaign.Output, out _))
        {
            Assert.NotNull(held);
            var run = Build(campaign);
            AssertFailed(run, 3, "CMP163", "Another build or preview is writing to " + campaign.Output, "[--output]", "(wait for it to finish or stop it");
            Assert.DoesNotContain(Directory.GetDirectories(campaign.Root), d => Path.GetFileName(d).StartsWith(".output.", StringComparison.Ordinal));
        Assert.True(File.Exists(OutputLock.FileFor(campaign.Output)), "the holder's lock file is not deleted by the build it turned away");
        }
        OutputSnapshot.AssertSame(before, OutputSnapshot.Of(campaign.Output));
        Assert.Equal(0, Build(campaign).ExitCode); // released with the build that held it
        Assert.False(File.Exists(OutputLock.FileFor(campaign.Output)), "a build leaves no lock file behind");
    }

    [Fact]
    public async Task A_live_preview_keeps_its_output_locked_between_rebuilds_until_it_stops()
    {
        using var campaign = new TestCampaign(Update);
        var server = new Campaign.Cli.Serve.PreviewServer(() => campaign.Options());
        try
        {
            await server.StartAsync(0, TestContext.Current.CancellationToken);
            Assert.True(campaign.Exists("en/updates/meeting/index.html"));
            AssertFailed(Build(campaign), 3, "CMP163", campaign.Output);
            Assert.True(campaign.Exists("en/updates/meeting/index.html"));
        }
        finally { await server.DisposeAsync(); }
        Assert.Equal(0, Build(campaign).ExitCode);
    }

    [Fact]
    public void A_lock_held_by_another_process_is_seen()
    {
        using var campaign = new TestCampaign(Update);
        var flock = "/usr/bin/flock";
        if (!File.Exists(flock)) Assert.Skip("util-linux flock is not installed");
        Directory.CreateDirectory(campaign.Root);
        var lockFile = OutputLock.FileFor(campaign.Output);
        File.WriteAllText(lockFile, "");
        using var holder = Process.Start(new ProcessStartInfo(flock, [lockFile, "sh", "-c", "echo locked; exec sleep 30"]) { RedirectStandardOutput = true })!;
        try
        {
            Assert.Equal("locked", holder.StandardOutput.ReadLine());
            var run = Build(campaign);
            AssertFailed(run, 3, "CMP163", campaign.Output);
            Assert.False(Directory.Exists(campaign.Output));
        }
        finally { holder.Kill(); }
    }

    [Fact]
    public void An_unrelated_folder_is_refused_and_untouched()
    {
        using var campaign = new TestCampaign(Update);
        Directory.CreateDirectory(campaign.Output);
        var thesis = Path.Combine(campaign.Output, "thesis.docx");
        File.WriteAllBytes(thesis, [1, 2, 3, 4]);
        var run = Build(campaign);
        AssertFailed(run, 3, "CMP162", campaign.Output, "thesis.docx", "[--output]", "(choose an empty or new folder");
        Assert.Equal([thesis], Directory.GetFileSystemEntries(campaign.Output));
        Assert.Equal([1, 2, 3, 4], File.ReadAllBytes(thesis));
        Assert.Contains("Build failed", run.Error);
    }

    [Fact]
    public void An_output_written_before_the_marker_existed_is_still_accepted()
    {
        using var campaign = new TestCampaign(Update);
        campaign.BuildOk();
        File.Delete(Path.Combine(campaign.Output, ".campaign-output"));
        Assert.Equal(0, Build(campaign).ExitCode);
        Assert.True(campaign.Exists(".campaign-output"));
    }

    [Fact]
    public void A_file_where_the_output_folder_should_be_is_refused()
    {
        using var campaign = new TestCampaign(Update);
        File.WriteAllText(campaign.Output, "not a folder");
        AssertFailed(Build(campaign), 3, "CMP162", "is a file, not a folder");
        Assert.Equal("not a folder", File.ReadAllText(campaign.Output));

        var below = Path.Combine(campaign.Output, "site");
        AssertFailed(Build(campaign, below), 3, "CMP167", "(check the path and the disk");
    }

    [Fact]
    public void An_output_inside_the_theme_or_the_input_is_refused()
    {
        using var campaign = new TestCampaign(Update);
        var theme = Path.Combine(campaign.Root, "theme");
        CopyFolder(Repo.Theme, theme);
        var inTheme = Path.Combine(theme, "static", "site");
        AssertFailed(Build(campaign, inTheme, theme), 1, "CMP050", "lies inside the theme");
        Assert.False(Directory.Exists(inTheme));
        Assert.False(File.Exists(OutputLock.FileFor(inTheme)));

        var inInput = Path.Combine(campaign.Input, "site");
        AssertFailed(Build(campaign, inInput), 1, "CMP050", "overlap");
        Assert.False(Directory.Exists(inInput));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void A_read_only_disk_exits_3_naming_the_path()
    {
        using var campaign = new TestCampaign(Update);
        using var disk = Tmpfs.Mount(campaign.Root, "size=8m");
        Directory.CreateDirectory(Path.Combine(disk.Path, "site"));
        File.WriteAllBytes(Path.Combine(disk.Path, "site", OutputFolder.Marker), OutputFolder.MarkerText);
        disk.Remount("ro");
        var output = Path.Combine(disk.Path, "site");
        var run = Build(campaign, output);
        AssertFailed(run, 3, "CMP165", disk.Path, "read-only");
        Assert.Equal([Path.Combine(output, OutputFolder.Marker)], Directory.GetFileSystemEntries(output));
    }

    [Fact]
    public void A_full_disk_exits_3_and_leaves_no_half_written_folder()
    {
        using var campaign = new TestCampaign(Update);
        using var disk = Tmpfs.Mount(campaign.Root, "size=128k");
        var output = Path.Combine(disk.Path, "site");
        var run = Build(campaign, output);
        AssertFailed(run, 3, "CMP166", "The disk is full", "(free space on the disk");
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }

    [Fact]
    public void A_mount_point_as_output_is_refused_with_a_folder_inside_it_as_the_hint()
    {
        using var campaign = new TestCampaign(Update);
        using var disk = Tmpfs.Mount(campaign.Root, "size=8m");
        var run = Build(campaign, disk.Path);
        AssertFailed(run, 3, "CMP164", disk.Path + " is a mount point", "--output " + Path.Combine(disk.Path, "site"));
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
        Assert.Equal(0, Build(campaign, Path.Combine(disk.Path, "site")).ExitCode);
    }

    /// <summary>A small tmpfs mounted for one test (the tests run as root in CI); skips the test where mounting is not allowed.</summary>
    private sealed class Tmpfs : IDisposable
    {
        public string Path { get; }

        private Tmpfs(string path) => Path = path;

        public static Tmpfs Mount(string under, string options)
        {
            var path = System.IO.Path.Combine(under, "disk");
            Directory.CreateDirectory(path);
            if (!OperatingSystem.IsLinux() || Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path) != 0)
                Assert.Skip("mounting a tmpfs is not permitted here (needs Linux and root)");
            return new Tmpfs(path);
        }

        public void Remount(string options) => Assert.Equal(0, Run("mount", "-o", "remount," + options, Path));

        private static int Run(string command, params string[] args)
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
                process.WaitForExit();
                return process.ExitCode;
            }
            catch (System.ComponentModel.Win32Exception) { return -1; }
        }

        public void Dispose() => Run("umount", "-l", Path);
    }
}
