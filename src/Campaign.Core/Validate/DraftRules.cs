using Campaign.Core.Diagnostics;
using Campaign.Core.Model;

namespace Campaign.Core.Validate;

/// <summary>
/// Says which pages are drafts (<c>draft: true</c>, which every <c>campaign new</c> template carries), so a campaigner
/// who built an untouched or unfinished file learns why it is not on the site instead of looking for it (CMP181).
/// </summary>
public static class DraftRules
{
    public static void Check(ContentModel content, DiagnosticList diagnostics)
    {
        IEnumerable<IDocument> all = [.. content.Reports, .. content.Companies, .. content.Updates, .. content.Pages];
        foreach (var doc in all.Select(d => d.Doc).Where(d => d.Schedule.Draft).OrderBy(d => d.Location.File, StringComparer.Ordinal))
            diagnostics.Warning("CMP181", $"{doc.Location.File} is a draft (`draft: true`), so it is not published.",
                doc.Where("draft"), "draft", "when it is ready, delete the line `draft: true`; `--drafts` shows it marked not yet public");
    }
}
