using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Site.Emit;
using Fluid;
using Fluid.Values;

namespace Campaign.Site.Rendering;

/// <summary>Renders page jobs through the theme, in parallel, straight into the build folder.</summary>
public static class PageRenderer
{
    /// <summary>Renders one page to its final HTML (links made relative); null when the theme failed.</summary>
    /// <param name="links">Gathers the links the theme wrote, for the build's link warnings.</param>
    public static string? Render(PageJob job, Theme theme, DiagnosticList diagnostics, Checks.ThemeLinks? links = null)
    {
        var context = new TemplateContext(theme.Options);
        context.SetValue("site", job.Views.Site);
        context.SetValue("t", job.Views.T);
        context.SetValue("page", job.Page);
        PageModels.Expose(context, job.Model is IDeferredModel deferred ? deferred.Make() : job.Model);

        var main = theme.Render(job.Layout, context, job.Page.Url, diagnostics);
        if (main is null) return null;
        context.SetValue("content", new StringValue(main, encode: false));
        var html = theme.Render("base", context, job.Page.Url, diagnostics);
        if (html is null) return null;
        links?.Collect(job, html);
        // The 404 page is served at any address, so relative links cannot work there: they become path-absolute
        // (the base URL's path, never its host: a mirror's 404 page must not load from the main site).
        return job.Relative ? RelativeLinks.Rewrite(html, job.Page.Url, job.Views.LanguageCodes)
            : InlineScripts.Allow(RelativeLinks.Absolute(html, job.Views.Site.BaseUrl));
    }

    /// <param name="memo">In a live preview, pages whose fingerprint is unchanged and whose file is still in place are not rendered again.</param>
    /// <param name="links">Gathers the links the theme wrote on each page rendered (pages kept from the last build are not read again).</param>
    public static void RenderAll(IReadOnlyList<PageJob> jobs, Theme theme, OutputFolder output, DiagnosticList diagnostics,
        Preview.PageFingerprints? memo = null, Timing.IBuildProgress? progress = null, Checks.ThemeLinks? links = null)
    {
        memo?.StartBuild(theme);
        progress?.Stage("render", jobs.Count);
        Parallel.ForEach(jobs, job =>
        {
            if (memo is not null && memo.Kept(job, output))
            {
                memo.MarkSkipped();
                progress?.Advance();
                return;
            }
            var path = Routing.Urls.FilePath(job.Page.Url);
            var fingerprint = memo?.Of(job);
            if (memo is not null && memo.Unchanged(path, fingerprint) && output.Keep(path))
                memo.MarkSkipped(job, path, fingerprint, output);
            else if (Render(job, theme, diagnostics, links) is { } html)
            {
                output.Write(path, Encoding.UTF8.GetBytes(html));
                memo?.MarkRendered(job, path, fingerprint, output);
            }
            else memo?.Forget(path);
            progress?.Advance();
        });
    }
}
