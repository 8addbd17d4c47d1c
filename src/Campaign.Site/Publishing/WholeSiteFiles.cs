using Campaign.Site.Downloads;
using Campaign.Site.Emit;
using Campaign.Site.Feeds;
using Campaign.Site.Press;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Publishing;

/// <summary>The files written after every page, because they describe the whole output: checksums and their signature, sitemap, host files, the offline bundle.</summary>
public static class WholeSiteFiles
{
    /// <summary>Writes them into the build folder; returns how many files it wrote.</summary>
    /// <param name="sitemap">Writes the sitemap; a live preview passes one that reuses an unchanged sitemap.</param>
    /// <param name="bundle">The offline bundle to write (<c>--bundle</c>), or null.</param>
    public static int Write(SiteModel model, IReadOnlyList<PageJob> jobs, DownloadCatalog downloads, OutputFolder output, BundleLink? bundle,
        Func<string, IReadOnlyList<PageJob>, byte[]>? sitemap = null)
    {
        var count = 3;
        var sums = downloads.Sha256Sums();
        output.Write("SHA256SUMS", sums);
        // Signed here, from the very bytes written, so the signature can only ever match the published sums.
        if (model.Content.Signer is { } key)
        {
            output.Write(MinisignSignature.FileName, MinisignSignature.Sign(key, sums, MinisignSignature.TrustedComment(model.Site)));
            output.Write(MinisignSignature.PublicKeyName, System.Text.Encoding.UTF8.GetBytes(key.PublicKeyFile));
            count += 2;
        }
        output.Write("robots.txt", HostFiles.Robots(model.Site.BaseUrl, model.Drafts));
        output.Write("_headers", HostFiles.Headers());
        if (model.Site.BaseUrl is { } baseUrl)
        {
            output.Write("sitemap.xml", (sitemap ?? Sitemap.Write)(baseUrl, jobs));
            count++;
        }
        // Last: the bundle holds everything above.
        if (bundle is not null)
        {
            var name = bundle.Name;
            var zip = OfflineBundle.Create(output.Root, name, model.Today);
            output.Write(name, zip);
            output.Write(name + ".sha256", OfflineBundle.Checksum(zip, name));
            count += 2;
        }
        return count;
    }
}
