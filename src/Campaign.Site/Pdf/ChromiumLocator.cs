namespace Campaign.Site.Pdf;

/// <summary>Finds the system's Chromium for printing; no browser is ever downloaded.</summary>
public static class ChromiumLocator
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The executable named by <c>--chromium</c>, else the first Chromium on PATH; null when there is none.</summary>
    public static string? Find(string? configured)
    {
        if (configured is not null) return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in Names)
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
