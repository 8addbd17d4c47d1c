namespace Campaign.Tests.Support;

/// <summary>
/// The programs some tests need besides .NET (README, "Tests"; <c>.ci/run</c> installs them). A test that needs one
/// that is missing is skipped with the reason and the command that installs it, never passed silently.
/// </summary>
public static class RequiredTools
{
    /// <summary>Debian's Chromium, for browser and PDF tests.</summary>
    public const string Chromium = "/usr/bin/chromium";
    /// <summary>Debian's Hugo, the reference the benchmark tests build the generated campaign with.</summary>
    public const string Hugo = "/usr/bin/hugo";
    /// <summary>Debian's jing (RELAX NG, needs a Java runtime), for the Atom feeds against RFC 4287's grammar.</summary>
    public const string Jing = "/usr/bin/jing";

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
