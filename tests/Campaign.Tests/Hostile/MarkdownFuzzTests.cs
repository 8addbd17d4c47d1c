using Campaign.Core.Diagnostics;
using Campaign.Core.Markdown;
using FsCheck;
using FsCheck.Fluent;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Property tests over Markdown bodies built from what breaks Markdown readers: nested <c>&gt;</c>, lists,
/// emphasis and brackets, raw <c>&lt;div&gt;</c>, control characters and long tokens, repeated to depths past
/// every limit. Rendering returns HTML or diagnostics; it never throws, and a body past a limit is an error
/// with its line, not a partial page.
/// </summary>
public sealed class MarkdownFuzzTests
{
    private static readonly string[] Openers = ["> ", "- ", "1. ", "  ", "*", "**", "_", "[", "![", "<div>", "<span>", "`", "# ", "\\"];
    private static readonly string[] Closers = ["*", "**", "_", "]", "](x)", "](javascript:x)", "</div>", "</span>", "\n", "\n\n", "```\n", "\n===\n"];
    private static readonly string[] Noise = ["\v", "\0", "\u0001", "\uFFFE", "\uD800", "\u202E", "人脸识别", "&#11;", "&#0;", "{#id}", "{onclick=x}", "| a |\n|---|\n", "[^1]", "[^1]: x\n"];

    /// <summary>A run of one token repeated up to 300 times (past 32, 64 and 100), or a token 5,000 characters long.</summary>
    private static Gen<string> Piece =>
        Gen.OneOf(
            Gen.Elements(Openers).SelectMany(t => Gen.Choose(1, 300).Select(n => string.Concat(Enumerable.Repeat(t, n)))),
            Gen.Elements(Closers).SelectMany(t => Gen.Choose(1, 300).Select(n => string.Concat(Enumerable.Repeat(t, n)))),
            Gen.Elements(Noise),
            Gen.Choose(1, 5_000).Select(n => new string('a', n)),
            Gen.Elements("x", " ", "text", "\n"));

    private static Gen<string> Body => Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(Piece, n)).Select(string.Concat);

    [Fact]
    public void Markdown_bodies_render_or_report_and_never_throw()
    {
        var renderer = new MarkdownRenderer();
        Prop.ForAll(Body.ToArbitrary(), body =>
        {
            var diagnostics = new DiagnosticList();
            var rendered = renderer.Render(body, "pages/x.en.md", 4, diagnostics);
            Assert.NotNull(rendered);
            foreach (var d in diagnostics.Sorted().Where(d => d.Code is "CMP131" or "CMP132" or "CMP133"))
            {
                Assert.True(d.IsError);
                Assert.Equal("pages/x.en.md", d.Location?.File);
                Assert.InRange(d.Location!.Line, 4, 4 + body.Count(c => c == '\n'));
                Assert.Equal("", rendered.Html);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Any_body_through_the_decoder_and_renderer_never_throws()
    {
        var renderer = new MarkdownRenderer();
        Prop.ForAll(Body.ToArbitrary(), body =>
        {
            var diagnostics = new DiagnosticList();
            var text = Campaign.Core.Load.TextFile.RemoveForbidden(body, "pages/x.en.md", diagnostics);
            Assert.DoesNotContain(text, c => c < 0x20 && c is not ('\t' or '\n') || c == '\uFFFE' || char.IsSurrogate(c));
            renderer.Render(text, "pages/x.en.md", 4, diagnostics);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }
}
