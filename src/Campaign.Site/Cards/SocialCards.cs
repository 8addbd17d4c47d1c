using System.Security.Cryptography;
using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Site.Emit;
using Campaign.Site.Pdf;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;
using Fluid;

namespace Campaign.Site.Cards;

/// <summary>
/// A social card per page (<c>og:image</c>): a 1200×630 PNG of the theme's <c>social-card</c> layout with the page's
/// title in its language, its type, and the campaign's mark, name and accent, taken once every page is planned by the
/// Chromium that prints the reports, and under the same rules: none with <c>--no-pdf</c> (nor in the tests' default),
/// a warning when Chromium is missing, an error with <c>--require-pdf</c>. A card is named and cached by a hash of its
/// whole HTML (<c>assets/cards/&lt;2 hex&gt;/&lt;30 hex&gt;.png</c>, <c>&lt;cache&gt;/cards/</c>): an unchanged card is never
/// taken again, pages whose cards read the same share one file, and a page without a card shares <c>social_image</c>.
/// </summary>
public static class SocialCards
{
    public const int Width = 1200, Height = 630;

    /// <summary>Changes whenever what the camera does to a card changes, so cached cards from an older camera are not reused.</summary>
    public const string Version = "social-card-1;1200x630;1x;light";

    /// <summary>The theme layout a card is drawn with; a theme without it gets no cards.</summary>
    public const string Layout = "social-card";

    /// <summary>Where a card is published: fanned out over 256 folders by its name, so no folder holds more than a few hundred in a campaign of tens of thousands of pages.</summary>
    public static string PngPath(string key) => $"assets/cards/{key[..2]}/{key[2..]}.png";

    /// <summary>
    /// The pages, each with its card when the build takes cards and the card could be taken (cached, or by Chromium);
    /// the cards' files are added to <paramref name="generated"/>. Pages served at any address (404) get none.
    /// </summary>
    public static IReadOnlyList<PageJob> Attach(IReadOnlyList<PageJob> jobs, Routing.SiteModel model, Theme theme, GeneratedFiles generated,
        PdfSettings options, DiagnosticList diagnostics)
    {
        if (options.Mode == PdfMode.Off || !theme.Has(Layout) || jobs.Count == 0) return jobs;
        var mark = MarkUrl(model);
        var cards = new (string Key, CardView Card)?[jobs.Count];
        var pages = new Dictionary<string, string>(StringComparer.Ordinal); // HTML of each card by key, once
        Parallel.For(0, jobs.Count, i =>
        {
            var job = jobs[i];
            if (!job.Relative) return;
            var card = CardView.Of(job, model.Site, mark);
            if (Html(card, job, theme, diagnostics) is not { } html) return;
            var key = CacheKey(html);
            cards[i] = (key, card);
            lock (pages) pages.TryAdd(key, html);
        });

        var cacheDir = Path.Combine(options.CacheDir, "cards");
        var made = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var key in pages.Keys.Order(StringComparer.Ordinal))
        {
            var cached = Path.Combine(cacheDir, key + ".png");
            if (File.Exists(cached)) { generated.Add(PngPath(key), File.ReadAllBytes(cached)); made.Add(key); }
            else missing.Add(key);
        }
        if (missing.Count > 0) Take(missing, pages, cacheDir, generated, made, options, diagnostics);
        if (made.Count == 0) return jobs;

        var baseUrl = model.Site.BaseUrl;
        return [.. jobs.Select((job, i) => cards[i] is { } c && made.Contains(c.Key)
            ? job with { Page = job.Page with { SocialCard = new SocialCardView(Url(c.Key, job.Page.Url, baseUrl), Width, Height, c.Card.Alt) } }
            : job)];
    }

    private static void Take(List<string> missing, Dictionary<string, string> pages, string cacheDir, GeneratedFiles generated, HashSet<string> made,
        PdfSettings options, DiagnosticList diagnostics)
    {
        var required = options.Mode == PdfMode.Required;
        if (ChromiumLocator.Find(options.Chromium) is not { } chromium)
        {
            var message = options.Chromium is null
                ? $"No Chromium was found on PATH, so {missing.Count} pages get no social card of their own and share social_image, if any."
                : $"There is no Chromium at {options.Chromium}, so {missing.Count} pages get no social card of their own and share social_image, if any.";
            const string hint = "install Debian's chromium (apt-get install chromium fonts-noto-cjk fonts-noto-core), or pass --chromium PATH; --no-pdf takes no cards";
            if (required) diagnostics.Error("CMP096", message, hint: hint);
            else diagnostics.Warning("CMP096", message, hint: hint);
            return;
        }
        try
        {
            Directory.CreateDirectory(cacheDir);
            using var camera = new PageCamera(chromium);
            var shots = camera.ShootAll([.. missing.Select(k => pages[k])], new CameraFrame(Width, Height, 1), PageCamera.Tabs,
                (i, png) => CacheFile.Write(Path.Combine(cacheDir, missing[i] + ".png"), png));
            // In key order, whatever order the tabs finished in.
            for (var i = 0; i < missing.Count; i++)
            {
                generated.Add(PngPath(missing[i]), shots[i]);
                made.Add(missing[i]);
            }
        }
        catch (Exception ex) when (ex is PuppeteerSharp.PuppeteerException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            var message = $"Taking the pages' social cards failed, so pages whose card is not cached share social_image: {ex.Message}";
            const string hint = "check that chromium starts (chromium --headless --no-sandbox --dump-dom about:blank) and that the cache folder is writable";
            if (required) diagnostics.Error("CMP097", message, hint: hint);
            else diagnostics.Warning("CMP097", message, hint: hint);
        }
    }

    /// <summary>The card's page: the theme's <c>social-card</c> layout with the card, the page and the UI strings; null when the theme failed.</summary>
    public static string? Html(CardView card, PageJob job, Theme theme, DiagnosticList diagnostics)
    {
        var context = new TemplateContext(theme.Options);
        context.SetValue("card", card);
        context.SetValue("page", job.Page);
        context.SetValue("t", job.Views.T);
        return theme.Render(Layout, context, job.Page.Url, diagnostics);
    }

    /// <summary>Where a page's <c>og:image</c> points: under <c>base_url</c>, or relative to the page without one (as its <c>hreflang</c> links are).</summary>
    private static string Url(string key, string pageUrl, string? baseUrl) =>
        baseUrl is not null ? baseUrl + PngPath(key)
            : RelativeLinks.Relative(pageUrl.EndsWith('/') ? pageUrl : pageUrl[..(pageUrl.LastIndexOf('/') + 1)], "/" + PngPath(key));

    /// <summary>The mark as a <c>data:</c> URL, read once per build from the asset the site names; null without one.</summary>
    private static string? MarkUrl(Routing.SiteModel model)
    {
        if (model.Site.Identity?.Mark is not { } name || model.Content.Assets.FirstOrDefault(a => a.Path == name.TrimStart('/')) is not { } asset) return null;
        var type = Path.GetExtension(asset.Path).ToLowerInvariant() switch { ".svg" => "image/svg+xml", ".png" => "image/png", ".jpg" or ".jpeg" => "image/jpeg", _ => null };
        return type is null ? null : $"data:{type};base64,{Convert.ToBase64String(File.ReadAllBytes(asset.FullPath))}";
    }

    /// <summary>The card's name: a hash of its whole page (text, mark, colours, layout and style) and of the camera.</summary>
    private static string CacheKey(string html) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Version + "\n" + html)))[..32];
}
