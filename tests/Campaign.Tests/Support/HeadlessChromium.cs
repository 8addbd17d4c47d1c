using Microsoft.Playwright;

namespace Campaign.Tests.Support;

/// <summary>Starts <see cref="RequiredTools.Chromium"/> headless through Playwright; no browser is ever downloaded.</summary>
public static class HeadlessChromium
{
    // Nothing the browser does on its own (updates, sync, GPU probing) may slow a shared CI machine or reach the network.
    private static readonly string[] Quiet = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>The browser, with <paramref name="extraArgs"/> after the usual flags; call only when <see cref="RequiredTools.HasChromium"/>.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] extraArgs) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = RequiredTools.Chromium, Headless = true, Args = [.. Quiet, .. extraArgs] });
}
