using System.Diagnostics;
using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Core.Markdown;
using FsCheck;
using FsCheck.Fluent;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Property tests over the loaders: whatever text arrives (front matter, CSV, Markdown, raw bytes),
/// the result is a value or diagnostics — never an unhandled exception — and it comes back quickly.
/// Inputs are built from the syntax that breaks parsers (quotes, colons, indentation, anchors,
/// brackets, HTML, control and invisible characters), not only random letters.
/// </summary>
public sealed class LoaderFuzzTests
{
    private static readonly string[] Tokens =
    [
        "---\n", "\n", "  ", "- ", ": ", "title", "date", "id", "{", "}", "[", "]", "\"", "'", "&a ", "*a", "!!str ", "|\n", ">\n",
        "#", "%YAML 1.2\n", "2020-09-21", "9999-99-99", "<script>", "</div>", "<img onerror=x>", "](javascript:x)", "[^1]", "[^1]: ",
        "| a | b |\n", "|---|---|\n", "^^^ ", "{#id}", "{onclick=x}", "```", "\t", "\r", "\0", "\u202E", "\u200B", "\uFEFF", "人脸识别",
        ",", "\"\"", "=cmd", "source1_url", "title_en", "zh", "en", "..", "/", "\\", "\uD800",
    ];

    private static Gen<string> Text =>
        Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Elements(Tokens), n)).Select(parts => string.Concat(parts));

    // Generous, because CI machines are slow and shared; a pathological (exponential) case takes far longer.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static void Within(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
    }

    [Fact]
    public void Front_matter_and_fields_never_throw()
    {
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            Within(() =>
            {
                var diagnostics = new DiagnosticList();
                var front = FrontMatter.Split("---\n" + text + "\n---\nBody\n", "pages/x.en.md", diagnostics);
                if (front is null) return;
                var f = new FieldReader(front.Fields, diagnostics);
                f.Text("title", required: true);
                f.Date("date");
                f.Moment("embargo");
                f.List("tags");
                f.Localized("title", ["en", "zh"]);
                f.NestedList("responses");
                f.WarnUnknown();
            });
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Csv_reader_never_throws()
    {
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            Within(() => CsvRecords.Read("id,title_en,title_zh,source1_url\n" + text, "findings/x.csv", ["en", "zh"], new DiagnosticList()));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Markdown_renderer_never_throws()
    {
        var renderer = new MarkdownRenderer();
        renderer.Render("<b>warm-up</b> [x](y)", "pages/x.en.md", 4, new DiagnosticList()); // first use loads the sanitizer
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            Within(() => renderer.Render(text, "pages/x.en.md", 4, new DiagnosticList()));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_bytes_decode_to_text_or_a_diagnostic()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var diagnostics = new DiagnosticList();
            var text = TextFile.Decode(bytes, "pages/x.en.md", diagnostics);
            Assert.True(text is not null || diagnostics.HasErrors);
            if (text is not null) FrontMatter.Split(text, "pages/x.en.md", diagnostics);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Whole_yaml_documents_never_throw()
    {
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            Within(() => YamlReader.Parse(text, "vocabularies.yaml", 0, new DiagnosticList()));
        }).QuickCheckThrowOnFailure();
    }
}
