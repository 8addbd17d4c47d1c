using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Fluid;
using Fluid.Values;

namespace Campaign.Site.Rendering;

/// <summary>
/// The theme folder, parsed once: Liquid layouts and partials (<c>theme/layouts</c>, <c>theme/partials</c>)
/// and static files (<c>theme/static</c>) published under content-hashed names so they can be cached for ever.
/// Parsed templates are shared by all threads; each render gets its own <see cref="TemplateContext"/>.
/// </summary>
public sealed class Theme
{
    /// <summary>Escapes HTML but leaves every script's letters alone (the default encoder turns Chinese into entities).</summary>
    public static readonly TextEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });

    private readonly Dictionary<string, IFluidTemplate> _layouts;

    public TemplateOptions Options { get; }

    /// <summary>Static files by their theme path (<c>css/site.css</c>), with the URL and bytes they are published as.</summary>
    public IReadOnlyDictionary<string, StaticFile> Static { get; }

    public string Directory { get; }

    /// <summary>The theme's Liquid files by path (<c>layouts/base.liquid</c>, <c>partials/footer.liquid</c>), to point at the line a link is written on.</summary>
    internal IReadOnlyDictionary<string, byte[]> TemplateSources => ((ThemeTemplateFiles)Options.FileProvider).Files;

    private Theme(string dir, Dictionary<string, IFluidTemplate> layouts, TemplateOptions options, IReadOnlyDictionary<string, StaticFile> statics)
    {
        Directory = dir;
        _layouts = layouts;
        Options = options;
        Static = statics;
    }

    public bool Has(string layout) => _layouts.ContainsKey(layout);

    public IFluidTemplate Layout(string name) => _layouts[name];

    public static Theme? Load(string dir, DiagnosticList diagnostics)
    {
        if (!System.IO.Directory.Exists(Path.Combine(dir, "layouts")))
        {
            diagnostics.Error("CMP040", $"There is no theme at {dir} (no layouts/ folder).", null, hint: "pass --theme, or run from the project folder");
            return null;
        }
        var options = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
            FileProvider = ThemeTemplateFiles.Read(Path.GetFullPath(dir)),
            // Not StrictVariables: it treats every null optional member (page.canonical, report.licence) as a typo.
            // The theme tests check instead that every `t.key` a template uses exists in each i18n file.
            StrictFilters = true,
        };
        options.Filters.AddFilter("t", Filters.Translate);
        var layouts = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        // The theme's files pass the same gate as the input's: a link out of the theme folder or a FIFO is refused, not read.
        foreach (var file in InputFiles.Enumerate(dir, Path.Combine(dir, "layouts"), diagnostics, recursive: false, "theme/").Where(f => f.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (ReadText(dir, file, $"theme/layouts/{name}.liquid", diagnostics) is { } text && Parse(text, $"theme/layouts/{name}.liquid", diagnostics) is { } template)
                layouts[name] = template;
        }
        var partials = Path.Combine(dir, "partials");
        if (System.IO.Directory.Exists(partials))
            foreach (var file in InputFiles.Enumerate(dir, partials, diagnostics, recursive: false, "theme/").Where(f => f.EndsWith(".liquid", StringComparison.Ordinal)))
                if (ReadText(dir, file, $"theme/partials/{Path.GetFileName(file)}", diagnostics) is { } text)
                    Parse(text, $"theme/partials/{Path.GetFileName(file)}", diagnostics); // parse early: report errors with the file name

        var statics = new SortedDictionary<string, StaticFile>(StringComparer.Ordinal);
        var staticDir = Path.Combine(dir, "static");
        if (System.IO.Directory.Exists(staticDir))
            foreach (var file in InputFiles.Enumerate(dir, staticDir, diagnostics, recursive: true, "theme/"))
            {
                var relative = Path.GetRelativePath(staticDir, file).Replace('\\', '/');
                if (InputFiles.ReadBytes(dir, file, "theme/static/" + relative, diagnostics) is not { } read) continue;
                var bytes = Minified.Of(relative, read, "theme/static/" + relative, diagnostics);
                var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
                var ext = Path.GetExtension(relative);
                var hashed = relative[..^ext.Length] + "." + hash + ext;
                statics[relative] = new StaticFile(relative, "/assets/theme/" + hashed, bytes);
            }
        return new Theme(dir, layouts, options, statics);
    }

    /// <summary>A template's text; a template is code, not content, so only the gate and the size limit apply, not the content rules (an empty partial is fine).</summary>
    private static string? ReadText(string root, string file, string shown, DiagnosticList diagnostics) =>
        InputFiles.ReadBytes(root, file, shown, diagnostics, TextFile.MaxBytes) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF') : null;

    private static IFluidTemplate? Parse(string source, string file, DiagnosticList diagnostics)
    {
        if (Parser.TryParse(source, out var template, out var error)) return template;
        // Fluid reports "(line:col)" without the file; put the file in front so the message can be acted on.
        var line = 0;
        var col = 0;
        var m = System.Text.RegularExpressions.Regex.Match(error, @"\((\d+):(\d+)\)");
        if (m.Success) { line = int.Parse(m.Groups[1].Value); col = int.Parse(m.Groups[2].Value); }
        diagnostics.Error("CMP041", $"The template cannot be read: {error}", new SourceLocation(file, line, col));
        return null;
    }

    /// <summary>Renders <paramref name="layout"/> with <paramref name="context"/>; template errors become diagnostics.</summary>
    public string? Render(string layout, TemplateContext context, string page, DiagnosticList diagnostics)
    {
        try
        {
            return InternalFailure.Around($"theme/layouts/{layout}.liquid", null, () => _layouts[layout].Render(context, Encoder));
        }
        catch (Exception ex) when (ex is FluidException or InvalidOperationException or ParseException)
        {
            diagnostics.Error("CMP042", $"Rendering {page} with theme/layouts/{layout}.liquid failed: {ex.Message}", new SourceLocation($"theme/layouts/{layout}.liquid"),
                hint: "check the names used in the template against theme/README.md");
            return null;
        }
    }

    private static class Filters
    {
        /// <summary><c>{{ 'count_findings' | t: n }}</c>: a UI string with <c>{0}</c> replaced by the argument.</summary>
        public static ValueTask<FluidValue> Translate(FluidValue input, FilterArguments arguments, TemplateContext context)
        {
            var strings = context.GetValue("t");
            var text = strings.GetValueAsync(input.ToStringValue(), context).AsTask().Result.ToStringValue();
            for (var i = 0; i < arguments.Count; i++)
                text = text.Replace("{" + i + "}", arguments.At(i).ToStringValue());
            return new StringValue(text);
        }
    }
}

/// <summary>A theme file as published: where it came from, its hashed URL, its bytes.</summary>
public sealed record StaticFile(string ThemePath, string Url, byte[] Bytes);
