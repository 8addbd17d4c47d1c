using System.Text;
using Campaign.Core.Diagnostics;
using NUglify;

namespace Campaign.Site.Rendering;

/// <summary>
/// The theme's scripts and style sheets as published: minified by NUglify, so a reader downloads a third less
/// (the first search costs mostly <c>search.js</c>), while the readable source stays in <c>theme/static</c>.
/// A file NUglify cannot parse is a theme error with its line, not a silently broken page.
/// </summary>
internal static class Minified
{
    /// <summary>The bytes to publish for a theme static file: minified for <c>.js</c> and <c>.css</c>, else as read.</summary>
    public static byte[] Of(string relative, byte[] bytes, string shown, DiagnosticList diagnostics)
    {
        var ext = Path.GetExtension(relative);
        if (ext is not (".js" or ".css")) return bytes;
        var source = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var result = ext == ".js"
            ? Uglify.Js(source, new NUglify.JavaScript.CodeSettings { TermSemicolons = true })
            : Uglify.Css(source);
        var errors = result.Errors.Where(e => e.IsError).ToList();
        foreach (var e in errors)
            diagnostics.Error("CMP043", $"The theme file cannot be minified: {e.Message}", new SourceLocation(shown, e.StartLine, e.StartColumn),
                hint: "fix the syntax at the line and column named; the file is published only once it parses");
        return errors.Count > 0 ? bytes : Encoding.UTF8.GetBytes(result.Code);
    }
}
