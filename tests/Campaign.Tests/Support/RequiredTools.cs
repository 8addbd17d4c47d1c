namespace Campaign.Tests.Support;

/// <summary>
/// The programs some tests need besides .NET (README, "Tests"; <c>.ci/run</c> installs them). A test that needs one
/// that is missing is skipped with the reason and the command that installs it, never passed silently.
/// </summary>
public static class RequiredTools
{
    /// <summary>Debian's Chromium, for browser and PDF tests; <c>CAMPAIGN_TEST_CHROMIUM</c> names another one (or a path
    /// that does not exist, to see the browser tests skipped as on a machine without it).</summary>
    public static string Chromium { get; } = Environment.GetEnvironmentVariable("CAMPAIGN_TEST_CHROMIUM") is { Length: > 0 } other ? other : "/usr/bin/chromium";
    /// <summary>Debian's Hugo, the reference the benchmark tests build the generated campaign with.</summary>
    public const string Hugo = "/usr/bin/hugo";
    /// <summary>Debian's jing (RELAX NG, needs a Java runtime), for the Atom feeds against RFC 4287's grammar.</summary>
    public const string Jing = "/usr/bin/jing";

    /// <summary>Whether <see cref="Chromium"/> is installed.</summary>
    public static bool HasChromium => File.Exists(Chromium);

    /// <summary>Skips the running test, with the reason, unless <see cref="Chromium"/> and the fonts it renders Chinese with are installed.</summary>
    public static void RequireChromium() => Require(Chromium, "chromium fonts-noto-cjk fonts-wqy-zenhei");

    /// <summary>Skips the running test unless <paramref name="path"/> exists.</summary>
    /// <param name="package">The Debian package that installs it.</param>
    public static void Require(string path, string package) =>
        Assert.SkipUnless(File.Exists(path), $"{path} is not installed; `apt-get install {package}` (or run .ci/run) to run this test");

    /// <summary>Skips the running test unless <paramref name="name"/> is on PATH; returns its full path.</summary>
    public static string RequireOnPath(string name, string package)
    {
        var found = OnPath(name);
        Assert.SkipWhen(found is null, $"{name} is not on PATH; `apt-get install {package}` (or run .ci/run) to run this test");
        return found!;
    }

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
