using PuppeteerSharp;

namespace Campaign.Site.Pdf;

/// <summary>The headless Chromium the report printer and the page camera (charts' PNGs, social cards) each start once per build, with the same options.</summary>
internal static class HeadlessBrowser
{
    /// <summary>Starts <paramref name="executable"/> headless; <paramref name="extraArgs"/> go after the shared switches.</summary>
    public static Task<IBrowser> Launch(string executable, params string[] extraArgs) => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = executable,
        Headless = true,
        // Generous: on a busy machine (CI running browser tests in parallel) Chromium can take long to start.
        Timeout = 120_000,
        ProtocolTimeout = 300_000,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", .. extraArgs],
    });
}
