using System.Collections.Immutable;
using Campaign.Core.Diagnostics;
using Campaign.Core.Model;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Campaign.Core.Markdown;

/// <summary>
/// Renders content Markdown to safe HTML: footnotes, tables, figures with captions,
/// heading ids that keep Chinese text, and raw HTML cut down to a safe list.
/// One instance is shared by all threads; Markdig pipelines are immutable.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseFootnotes()
        .UsePipeTables()
        .UseGridTables()
        .UseFigures()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseGenericAttributes()
        .Build();

    /// <summary>Renders <paramref name="markdown"/>; <paramref name="firstLine"/> is the 1-based file line its first line is on, for diagnostics.</summary>
    public RenderedMarkdown Render(string markdown, string file, int firstLine, DiagnosticList diagnostics, string? field = null)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return RenderedMarkdown.Empty;
        if (!MarkdownLimits.Check(markdown, file, firstLine, diagnostics, field)) return RenderedMarkdown.Empty;
        return InternalFailure.Around(file, field, () =>
        {
            try
            {
                return RenderWithinLimits(markdown, file, firstLine, diagnostics, field);
            }
            catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
            {
                // Markdig's own limit (while parsing or writing), for nesting the line scan does not count: links, raw HTML and emphasis together.
                diagnostics.Error("CMP131", "The Markdown is nested too deeply for the Markdown reader.", new SourceLocation(file, firstLine), field,
                    $"keep block quotes and lists within {MarkdownLimits.MaxBlockDepth} levels and brackets and emphasis within {MarkdownLimits.MaxInlineDepth}");
                return RenderedMarkdown.Empty;
            }
        });
    }

    private RenderedMarkdown RenderWithinLimits(string markdown, string file, int firstLine, DiagnosticList diagnostics, string? field)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        var hasHtml = false;
        var links = ImmutableArray.CreateBuilder<ContentLink>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock or HtmlInline:
                    hasHtml = true;
                    RawHtmlFilter.Report(node, file, firstLine, diagnostics, field);
                    break;
                case HtmlEntityInline entity when Load.TextFile.HasForbidden(entity.Transcoded.ToString()):
                    // `&#11;` decodes to the vertical tab the decoder removes from the file itself; XML refuses it just the same.
                    diagnostics.Warning("CMP134", $"The character reference `{entity.Original}` stands for a character that cannot be published; it was removed.",
                        new SourceLocation(file, firstLine + entity.Line, entity.Column + 1), field, "delete it");
                    entity.Transcoded = new Markdig.Helpers.StringSlice("");
                    break;
                default:
                    LinkChecks.Check(node, file, firstLine, diagnostics, field);
                    // Kept with its position so build and serve can point at a broken one in the file (Site/Checks/BuildLinkCheck);
                    // a URL the policy refused has just been replaced and is reported already.
                    if (node is LinkInline link && !string.IsNullOrEmpty(link.Url) && link.Url != "#" && !link.IsAutoLink)
                        links.Add(new ContentLink(link.Url, link.IsImage, firstLine + link.Line, link.Column + 1));
                    break;
            }
            // Generic attributes ({#id .class}) are for ids and classes only; an onclick= must not reach the page.
            var attributes = node.TryGetAttributes();
            if (attributes?.Properties is { Count: > 0 } props)
            {
                diagnostics.Warning("CMP031", "Only `{#id}` and `{.class}` attributes are allowed in Markdown; others are dropped.",
                    new SourceLocation(file, firstLine + node.Line, node.Column + 1), field);
                props.Clear();
            }
        }

        var headings = ImmutableArray.CreateBuilder<Heading>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var id = heading.GetAttributes().Id ?? "";
            headings.Add(new Heading(heading.Level, id, InlineText(heading.Inline), firstLine + heading.Line));
        }

        var html = Write(document, plain: false);
        if (hasHtml) html = RawHtmlFilter.Sanitize(html);
        var text = Write(document, plain: true);
        return new RenderedMarkdown(html, headings.ToImmutable(), text.Trim(), links.ToImmutable());
    }

    /// <summary>Renders a short Markdown text (a summary field) without a wrapping paragraph check.</summary>
    public RenderedMarkdown RenderField(string markdown, SourceLocation at, DiagnosticList diagnostics, string field) =>
        Render(markdown, at.File, at.Line, diagnostics, field);

    /// <summary>A Markdown text given per language (<c>home.ask</c>, <c>press.embargo</c>), as HTML per language.</summary>
    public LocalizedText RenderField(LocalizedText markdown, SourceLocation at, DiagnosticList diagnostics, string field) =>
        new(markdown.Values.ToImmutableSortedDictionary(kv => kv.Key, kv => RenderField(kv.Value, at, diagnostics, field).Html, StringComparer.Ordinal));

    private string Write(MarkdownDocument document, bool plain)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        if (plain)
        {
            renderer.EnableHtmlForBlock = false;
            renderer.EnableHtmlForInline = false;
            renderer.EnableHtmlEscape = false;
        }
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var parts = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline l: parts.Append(l.Content); break;
                case CodeInline c: parts.Append(c.Content); break;
                case LineBreakInline: parts.Append(' '); break;
            }
        }
        return parts.ToString().Trim();
    }
}
