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
    public static string? Render(PageJob job, Theme theme, DiagnosticList diagnostics)
    {
        var context = new TemplateContext(theme.Options);
        context.SetValue("site", job.Views.Site);
        context.SetValue("t", job.Views.T);
        context.SetValue("page", job.Page);
        foreach (var (name, value) in job.Values) context.SetValue(name, value);

        var main = theme.Render(job.Layout, context, job.Page.Url, diagnostics);
        if (main is null) return null;
        context.SetValue("content", new StringValue(main, encode: false));
        var html = theme.Render("base", context, job.Page.Url, diagnostics);
        if (html is null) return null;
        return job.Relative ? RelativeLinks.Rewrite(html, job.Page.Url, job.Views.LanguageCodes) : RelativeLinks.Absolute(html, job.Views.Site.BaseUrl);
    }

    public static void RenderAll(IReadOnlyList<PageJob> jobs, Theme theme, OutputFolder output, DiagnosticList diagnostics)
    {
        Parallel.ForEach(jobs, job =>
        {
            if (Render(job, theme, diagnostics) is { } html)
                output.Write(Routing.Urls.FilePath(job.Page.Url), Encoding.UTF8.GetBytes(html));
        });
    }
}
