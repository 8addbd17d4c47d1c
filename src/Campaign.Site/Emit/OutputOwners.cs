using Campaign.Core.Diagnostics;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Emit;

/// <summary>
/// The output belongs to the theme and the pipeline first: an asset that would land on a path the build writes (the
/// theme's hashed script, a page, a data file), or on a folder the build fills, or under a file the build writes, is
/// an error naming both, checked before anything is written. Without it a contributor's file replaced the theme's
/// search script and ran on every page under the CSP's <c>'self'</c>.
/// </summary>
public static class OutputOwners
{
    /// <summary>
    /// Reports CMP161 for each asset whose output path is already the theme's or the build's. Only paths under
    /// <c>assets/</c> can clash: an asset's name cannot leave that folder (CMP160 refuses separator-like characters),
    /// and the files the build writes at the root (SHA256SUMS, robots.txt, sitemap.xml, …) lie outside it.
    /// </summary>
    public static void Check(SiteModel model, Theme theme, IReadOnlyList<PageJob> jobs, GeneratedFiles generated, DiagnosticList diagnostics)
    {
        var assets = model.Content.Assets;
        if (assets.IsEmpty) return;
        // Case-insensitively: the site is also copied to and opened from case-insensitive disks (macOS, Windows),
        // where assets/theme/JS/… and assets/theme/js/… are one file.
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in theme.Static.Values) owners.TryAdd(file.Url.TrimStart('/'), $"the theme's file theme/static/{file.ThemePath}");
        foreach (var file in generated.Under("assets")) owners.TryAdd(file.Path, "a file the build generates");
        foreach (var job in jobs)
            if (job.Page.Url.StartsWith("/assets/", StringComparison.Ordinal)) owners.TryAdd(Urls.FilePath(job.Page.Url), "a page of the site");

        // Every folder the owned files lie in: an asset file there would stop the build creating the folder.
        var folders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, owner) in owners)
            for (var cut = path.LastIndexOf('/'); cut > 0; cut = path.LastIndexOf('/', cut - 1))
                folders.TryAdd(path[..cut], $"{owner} ({path})");

        foreach (var asset in assets)
        {
            var path = "assets/" + asset.Path;
            string? clash = null;
            if (owners.TryGetValue(path, out var owner)) clash = $"{path}, which {owner} writes";
            else if (folders.TryGetValue(path, out var inside)) clash = $"{path}, a folder that holds {inside}";
            else
                for (var cut = path.LastIndexOf('/'); cut > 0 && clash is null; cut = path.LastIndexOf('/', cut - 1))
                    if (owners.TryGetValue(path[..cut], out var fileOwner)) clash = $"{path}, under {path[..cut]}, which {fileOwner} writes as a file";
            if (clash is null) continue;
            diagnostics.Error("CMP161", $"This asset would be published at {clash}.", new SourceLocation(path),
                hint: "rename the asset or move it to a folder of its own, such as assets/images/; the theme's and the build's files cannot be replaced from assets/");
        }
    }
}
