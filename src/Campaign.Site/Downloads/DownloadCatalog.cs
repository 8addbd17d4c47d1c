using System.Collections.Immutable;
using Campaign.Site.Emit;

namespace Campaign.Site.Downloads;

/// <summary>
/// Every file of the site that readers download: generated files under <c>downloads/</c> (report PDFs, the companies'
/// letters under <c>downloads/letters/</c>) or
/// <c>data/</c>, generated files at the site root (the findings data: <c>findings.csv</c>, <c>findings.json</c>, …),
/// and the documents under <c>assets/</c> (company letters and the like;
/// images are part of pages, not downloads). Read when pages render, after every stage has registered its
/// files in <see cref="GeneratedFiles"/>, so report, data and press pages all list the same files.
/// </summary>
public sealed class DownloadCatalog(GeneratedFiles generated, ImmutableArray<Download> documents, IReadOnlyCollection<string> languages)
{
    /// <summary>
    /// Output folders whose generated files are downloads. Stages publish downloads there or at the site root;
    /// files in other folders (feeds, search index shards, per-finding files) serve pages.
    /// </summary>
    public static readonly string[] Folders = ["downloads/", "data/"];

    /// <summary>Asset extensions that belong to pages rather than being downloads.</summary>
    private static readonly HashSet<string> PageAssets = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico", ".css", ".js", ".woff", ".woff2", ".txt", ".html",
    };

    public static DownloadCatalog Create(Routing.SiteModel model, GeneratedFiles generated, IReadOnlyCollection<string> languages)
    {
        var hidden = EmbargoedAssets.Of(model);
        return new(generated, [.. model.Content.Assets
            .Where(a => !PageAssets.Contains(Path.GetExtension(a.Path)) && !hidden.Contains(a.Path))
            .OrderBy(a => a.Path, StringComparer.Ordinal)
            .Select(a => new Download("assets/" + a.Path, a.Size, a.Sha256, LangOf("assets/" + a.Path, languages)))], languages);
    }

    /// <summary>Every download, ordered by path. Computed on each read: stages may still be adding files while pages are planned.</summary>
    public IReadOnlyList<Download> All
    {
        get
        {
            // Generated files are only ever added, so their count tells whether the list read last is still current;
            // every report and press page reads it, and the site can generate tens of thousands of files.
            var count = generated.Count;
            if (_all is { } known && known.Count == count) return known.List;
            lock (_gate) // pages render in parallel: one of them works the list out, the others wait for it
            {
                if (_all is { } fresh && fresh.Count == count) return fresh.List;
                return Read(count);
            }
        }
    }

    private readonly Lock _gate = new();

    private IReadOnlyList<Download> Read(int count)
    {
        // the findings' records are one file per finding: findings.json is their download, and a list (or SHA256SUMS) of
        // tens of thousands of records would bury the press room's downloads
        IReadOnlyList<Download> list = [.. generated.Under(Tops).Where(f => Lists(f.Path)).Select(f => new Download(f.Path, f.Size, f.Sha256, LangOf(f.Path, languages)))
            .Concat(documents).OrderBy(d => d.Path, StringComparer.Ordinal)];
        _all = new Snapshot(count, list);
        return list;
    }

    private Snapshot? _all;

    /// <summary>The first folders downloads are generated in ("" is the site's root).</summary>
    private static readonly string[] Tops = ["", .. Folders.Select(f => f.TrimEnd('/'))];

    /// <summary>True when a generated file at <paramref name="path"/> is a download, listed with its hash (as <see cref="All"/> reads them).</summary>
    public static bool Lists(string path)
    {
        var cut = path.IndexOf('/');
        return Tops.Contains(cut < 0 ? "" : path[..cut], StringComparer.Ordinal) && !path.StartsWith(Routing.Urls.FindingRecords, StringComparison.Ordinal);
    }

    /// <summary>The list as read when <see cref="GeneratedFiles"/> held <paramref name="Count"/> files (a reference, so threads swap it whole).</summary>
    private sealed record Snapshot(int Count, IReadOnlyList<Download> List);

    /// <summary>The downloads of one report: its PDF in every language (<c>downloads/&lt;slug&gt;.&lt;lang&gt;.pdf</c>).</summary>
    public IReadOnlyList<Download> ForReport(string slug) =>
        [.. All.Where(d => d.Path.StartsWith($"downloads/{slug}.", StringComparison.Ordinal) && d.Path.EndsWith(".pdf", StringComparison.Ordinal))];

    /// <summary>The language of <c>name.en.pdf</c>; null for files that are not in one language.</summary>
    public static string? LangOf(string path, IReadOnlyCollection<string> languages)
    {
        var parts = path[(path.LastIndexOf('/') + 1)..].Split('.');
        return parts.Length >= 3 && languages.Contains(parts[^2]) ? parts[^2] : null;
    }

    /// <summary>The <c>SHA256SUMS</c> file: one <c>hash  path</c> line per download, as <c>sha256sum -c</c> reads it.</summary>
    public byte[] Sha256Sums() =>
        System.Text.Encoding.UTF8.GetBytes(string.Concat(All.Select(d => $"{d.Sha256}  {d.Path}\n")));
}
