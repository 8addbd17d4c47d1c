using System.Diagnostics;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Files that are not files: links out of the input folder, devices, FIFOs. Each is refused by what it is before it
/// is opened, with its own code; nothing from outside input/ is published or printed, and the previous site stays.
/// </summary>
public sealed class SpecialFileTests
{
    /// <summary>A file of the build machine (think CI secrets) that would publish itself if read: it is valid front matter.</summary>
    private const string Secret = "TOPSECRET-7f3a9c";

    private const string SecretText = "---\ntitle: " + Secret + "\ndate: 2020-01-01\nkind: news\nname: " + Secret + "\ncountry: x\nsummary: " + Secret + "\n---\nCI_TOKEN=" + Secret + "\n";

    private const string Page = """
        -- pages/about.en.md --
        ---
        title: About
        ---
        About us.
        """;

    private static string PlantSecret(TestCampaign c)
    {
        var path = Path.Combine(c.Root, "outside", "secret.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, SecretText);
        return path;
    }

    private static CliRun Build(TestCampaign c) =>
        CliRun.Run("build", "--input", c.Input, "--output", c.Output, "--theme", Repo.Theme, "--now", "2026-11-25", "--no-pdf");

    /// <summary>Builds the good campaign first, makes it hostile, builds again: the second build fails and changes nothing.</summary>
    private static CliRun RebuildAfter(TestCampaign c, Action makeHostile)
    {
        var first = Build(c);
        Assert.True(first.ExitCode == 0, first.Error);
        var before = OutputSnapshot.Of(c.Output);
        makeHostile();
        var run = Build(c);
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        OutputSnapshot.AssertSame(before, OutputSnapshot.Of(c.Output));
        return run;
    }

    private static void AssertSecretNowhere(TestCampaign c, CliRun run)
    {
        Assert.DoesNotContain(Secret, run.Error + run.Out);
        if (!Directory.Exists(c.Output)) return;
        foreach (var file in Directory.EnumerateFiles(c.Output, "*", SearchOption.AllDirectories))
            Assert.False(File.ReadAllText(file).Contains(Secret, StringComparison.Ordinal), $"{file} holds the secret");
    }

    [Fact]
    public void A_markdown_page_linked_to_a_file_outside_input_is_refused_and_not_published()
    {
        using var c = new TestCampaign(Page);
        var secret = PlantSecret(c);
        var run = RebuildAfter(c, () => Link(c, "updates/leak.en.md", secret));
        Assert.Contains("updates/leak.en.md: error CMP144: The file is a symbolic link to a file outside the folder", run.Error);
        Assert.Contains("(copy the file into the folder instead of linking to it)", run.Error);
        Assert.DoesNotContain(secret, run.Error); // not even where the link points
        AssertSecretNowhere(c, run);
    }

    [Fact]
    public void A_section_folder_linked_outside_input_is_refused_and_not_read()
    {
        using var c = new TestCampaign(Page);
        var secret = PlantSecret(c);
        var run = RebuildAfter(c, () => Link(c, "companies", Path.GetDirectoryName(secret)!));
        Assert.Contains("companies: error CMP144: The folder is a symbolic link to a folder outside", run.Error);
        AssertSecretNowhere(c, run);
    }

    [Fact]
    public void The_first_line_of_a_linked_system_file_is_not_echoed_into_the_log()
    {
        using var c = new TestCampaign(Page);
        var passwd = Path.Combine(c.Root, "passwd");
        File.WriteAllText(passwd, "root:" + Secret + ":0:0:root:/root:/bin/bash\n");
        var run = RebuildAfter(c, () => Link(c, "pages/passwd.en.md", passwd));
        Assert.Contains("pages/passwd.en.md: error CMP144:", run.Error);
        Assert.DoesNotContain("    | ", run.Error);
        AssertSecretNowhere(c, run);
    }

    [Fact]
    public void A_link_to_a_device_is_refused_by_type_without_reading_it()
    {
        if (OperatingSystem.IsWindows()) return;
        using var c = new TestCampaign(Page);
        var run = RebuildAfter(c, () =>
        {
            Link(c, "pages/zero.en.md", "/dev/zero");
            Link(c, "findings/random.yaml", "/dev/urandom");
        });
        Assert.Contains("pages/zero.en.md: error CMP145: This is not a regular file (a device, a named pipe or a socket); it is not read.", run.Error);
        Assert.Contains("findings/random.yaml: error CMP145:", run.Error);
    }

    [Fact]
    public async Task A_fifo_in_updates_is_refused_without_opening_it()
    {
        if (OperatingSystem.IsWindows()) return;
        using var c = new TestCampaign(Page);
        Assert.True(Build(c).ExitCode == 0);
        var before = OutputSnapshot.Of(c.Output);
        var fifo = Path.Combine(c.Input, "updates", "pipe.en.md");
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]))!) mkfifo.WaitForExit();
        Assert.True(File.Exists(fifo));

        var build = Task.Run(() => Build(c), TestContext.Current.CancellationToken);
        if (await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken)) != build)
        {
            // A regression opened the FIFO and blocks; give it a writer so the blocked build ends, then fail.
            using (var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write)) writer.Write("x"u8);
            Assert.Fail("the build opened the FIFO and blocked");
        }
        var run = await build;
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("updates/pipe.en.md: error CMP145: This is not a regular file", run.Error);
        OutputSnapshot.AssertSame(before, OutputSnapshot.Of(c.Output));
    }

    [Fact]
    public void A_folder_in_assets_linked_outside_is_refused_not_published_or_checksummed()
    {
        using var c = new TestCampaign(Page);
        var secret = PlantSecret(c);
        var run = RebuildAfter(c, () => Link(c, "assets/shared", Path.GetDirectoryName(secret)!));
        Assert.Contains("assets/shared: error CMP144: The folder is a symbolic link to a folder outside", run.Error);
        AssertSecretNowhere(c, run);
        var sums = Path.Combine(c.Output, "SHA256SUMS");
        if (File.Exists(sums)) Assert.DoesNotContain("secret.md", File.ReadAllText(sums));
    }

    [Fact]
    public void Links_that_stay_inside_input_are_followed()
    {
        using var c = new TestCampaign(Page + "\n" + """
            -- assets/letters/reply.pdf --
            %PDF-1.4 reply
            """);
        File.CreateSymbolicLink(Path.Combine(c.Input, "assets", "reply-copy.pdf"), Path.Combine("letters", "reply.pdf"));
        Directory.CreateSymbolicLink(Path.Combine(c.Input, "assets", "mail"), Path.Combine(c.Input, "assets", "letters"));
        File.CreateSymbolicLink(Path.Combine(c.Input, "pages", "team.en.md"), "about.en.md");
        var result = c.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "CMP144" or "CMP145" or "CMP021");
        Assert.Equal("%PDF-1.4 reply\n", File.ReadAllText(Path.Combine(c.Output, "assets", "reply-copy.pdf")));
        Assert.True(File.Exists(Path.Combine(c.Output, "assets", "mail", "reply.pdf")));
    }

    [Fact]
    public void A_theme_file_linked_outside_the_theme_is_refused()
    {
        using var c = new TestCampaign(Page);
        var theme = Path.Combine(c.Root, "theme");
        CopyFolder(Repo.Theme, theme);
        var secret = PlantSecret(c);
        File.CreateSymbolicLink(Path.Combine(theme, "static", "leak.css"), secret);
        var run = CliRun.Run("build", "--input", c.Input, "--output", c.Output, "--theme", theme, "--now", "2026-11-25", "--no-pdf");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("theme/static/leak.css: error CMP144:", run.Error);
        Assert.False(Directory.Exists(c.Output));
        AssertSecretNowhere(c, run);
    }

    [Fact]
    public void A_site_yaml_linked_outside_input_is_refused_and_its_lines_not_echoed()
    {
        using var c = new TestCampaign(Page);
        var environ = Path.Combine(c.Root, "environ");
        File.WriteAllText(environ, "title: " + Secret + "\nCI_TOKEN=" + Secret + "\n");
        File.Delete(Path.Combine(c.Input, "site.yaml"));
        File.CreateSymbolicLink(Path.Combine(c.Input, "site.yaml"), environ);
        var run = Build(c);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("site.yaml: error CMP144: The file is a symbolic link to a file outside the folder", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.False(Directory.Exists(c.Output));
        AssertSecretNowhere(c, run);
    }

    [Fact]
    public void A_folder_linked_into_itself_in_assets_is_not_followed_round()
    {
        using var c = new TestCampaign(Page);
        c.Write("assets/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Link(c, "assets/img/again", Path.Combine(c.Input, "assets"));
        var result = c.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "CMP144" or "CMP145");
        Assert.True(File.Exists(Path.Combine(c.Output, "assets", "img", "logo.svg")));
        Assert.False(Directory.Exists(Path.Combine(c.Output, "assets", "img", "again", "img", "again")));
    }

    [Fact]
    public void Marking_a_translation_never_writes_through_a_link_out_of_input()
    {
        using var c = new TestCampaign(Page);
        var outside = Path.Combine(c.Root, "outside.md");
        File.WriteAllText(outside, "---\ntitle: Über uns\n---\n" + Secret + "\n");
        Link(c, "pages/about.zh.md", outside);
        var run = CliRun.Run("translations", "--input", c.Input, "--mark-current", "pages/about.zh.md");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pages/about.zh.md: error CMP144:", run.Error);
        Assert.Equal("---\ntitle: Über uns\n---\n" + Secret + "\n", File.ReadAllText(outside));
        Assert.DoesNotContain(Secret, run.Error + run.Out);
    }

    [Fact]
    public void The_size_limit_holds_while_reading_when_the_reported_size_is_wrong()
    {
        // Files in /proc report a size of 0 and hold more: the reported size cannot be trusted, the bytes read are counted.
        if (!OperatingSystem.IsLinux()) return;
        var diagnostics = new DiagnosticList();
        Assert.Equal(0, new FileInfo("/proc/self/maps").Length);
        Assert.Null(InputFiles.ReadBytes("/proc/self", "/proc/self/maps", "maps", diagnostics, maxBytes: 64));
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal("CMP010", d.Code);
        Assert.Equal("maps", d.Location!.File);
        Assert.Contains("larger than", d.Message);
    }

    /// <summary>A symbolic link at <paramref name="relative"/> in the input folder (a file or folder link, as the target is).</summary>
    private static void Link(TestCampaign c, string relative, string target)
    {
        var path = Path.Combine(c.Input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Directory.Exists(target)) Directory.CreateSymbolicLink(path, target);
        else File.CreateSymbolicLink(path, target);
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
}
