using System.Collections.Immutable;
using Campaign.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Campaign.Core.Load;

/// <summary>
/// Parses YAML text into a <see cref="DataNode"/> tree with file positions.
/// Reads the event stream directly so that duplicate keys, aliases and deep nesting
/// become diagnostics instead of exceptions or runaway expansion.
/// </summary>
public static class YamlReader
{
    private const int MaxDepth = 64;
    private const int MaxNodes = 200_000;

    /// <summary>Parses <paramref name="text"/>; <paramref name="lineOffset"/> is added to every line (front matter starts below line 1).</summary>
    public static DataNode? Parse(string text, string file, int lineOffset, DiagnosticList diagnostics)
    {
        var state = new State(file, lineOffset, diagnostics);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, state, "", 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Error("CMP002", "This YAML holds more than one document (a second `---` line).",
                    state.At(parser.Current?.Start ?? Mark.Empty), hint: "keep one document per file");
                return null;
            }
            return root;
        }
        catch (YamlException ex)
        {
            Explain(text, (int)ex.Start.Line, (int)ex.Start.Column, ex.Message, state);
            return null;
        }
        catch (Abandon)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's event reader throws this when the stream ends where a value should follow (an unclosed `{`, mostly).
            var last = Math.Max(1, text.TrimEnd('\n').Count(c => c == '\n') + 1);
            if (Unclosed(text, last) is not { } open)
                diagnostics.Error("CMP002", "The text ends where a value was expected.", new SourceLocation(file, lineOffset + last),
                    hint: "check the last lines for a missing value or an unclosed bracket or quote");
            else Bracket(open, state);
            return null;
        }
    }

    /// <summary>
    /// Reports a YAML syntax error in the campaigner's words, at the place of the mistake rather than where the parser
    /// noticed it (a tab is noticed at the line before it, an unclosed bracket at the next line). YamlDotNet's own English
    /// never reaches the campaigner; <paramref name="reason"/> only tells which mistake it was.
    /// </summary>
    private static void Explain(string text, int line, int column, string reason, State state)
    {
        var lines = text.Split('\n');
        string Text(int n) => n >= 1 && n <= lines.Length ? lines[n - 1] : "";
        // The parser names a tab (at the line before it, or at the top); any other error is a tab's only when the tab is on
        // the line where the parser stopped, since a tab inside a `|` block's text is content, not indentation.
        var named = reason.Contains("tab", StringComparison.OrdinalIgnoreCase);
        if ((named ? IndentTab(lines) ?? AnyTab(lines) : IndentTab(lines) is { } near && near.Line == line ? near : null) is { } tab)
        {
            state.Error(tab.Line, tab.Column, "A tab is used to indent this line; YAML indents with spaces only.", "replace the tab with spaces");
            return;
        }
        if (reason.Contains("quoted scalar", StringComparison.Ordinal))
        {
            var quote = column >= 1 && column <= Text(line).Length ? Text(line)[column - 1] : '"';
            state.Error(line, column, $"The quote `{quote}` that opens this value is never closed.",
                $"add the closing `{quote}` at the end of the value, or remove the opening one");
            return;
        }
        if (reason.Contains("invalid mapping", StringComparison.Ordinal))
        {
            var here = Text(line);
            var first = here.IndexOf(':');
            if (first >= 0 && first < column - 1 && here[..first].Trim().Length > 0)
            {
                var key = here[..first].Trim();
                var value = here[(first + 1)..].Trim();
                var quoted = value.Contains('"') ? "'" + value.Replace("'", "''") + "'" : "\"" + value + "\"";
                state.Error(line, column, $"The value of `{key.TrimStart('-', ' ')}` contains `: `, which YAML reads as the start of another field.",
                    $"put the whole value in quotes: {key}: {quoted}");
                return;
            }
            Indented(line, here, state);
            return;
        }
        if (reason.Contains("flow sequence", StringComparison.Ordinal) || reason.Contains("flow mapping", StringComparison.Ordinal))
        {
            if (Unclosed(text, line) is { } open) { Bracket(open, state); return; }
        }
        if (reason.Contains("did not find expected key", StringComparison.Ordinal))
        {
            var here = Text(line);
            var before = column >= 2 && column - 2 < here.Length ? here[column - 2] : ' ';
            if (before is '"' or '\'' && here.TrimEnd().Length > column - 1)
            {
                state.Error(line, column, "Text follows the closing quote of this value.",
                    "put the whole value in quotes, or remove the quotes (a quote inside a value needs the other kind of quote around it)");
                return;
            }
            Indented(line, here, state);
            return;
        }
        if (reason.Contains("expected '-' indicator", StringComparison.Ordinal))
        {
            state.Error(line, column, "This line is neither an item of the list above it (`- …`) nor a field at the list's level.",
                "start each item of the list with `- ` at the same column, or indent this line under its item");
            return;
        }
        if (reason.Contains("cannot start any token", StringComparison.Ordinal))
        {
            var c = column >= 1 && column <= Text(line).Length ? Text(line)[column - 1].ToString() : "";
            state.Error(line, column, $"A value cannot start with `{c}` unless it is in quotes.", $"put the whole value in quotes: \"{Text(line)[Math.Min(Text(line).Length, Math.Max(0, column - 1))..].Trim()}\"");
            return;
        }
        state.Error(line, column, "This line cannot be read as YAML.",
            "check the indentation (spaces only; fields of one level start at the same column) and the brackets, and put text containing `: ` or starting with a quote in quotes");
    }

    private static void Indented(int line, string text, State state) =>
        state.Error(line, 1, "This line is indented differently from the fields around it.",
            $"start `{Quoted.Short(text.Trim())}` at the same column as the other fields at its level (spaces only), or indent it under a field that ends with `:`");

    private static void Bracket((int Line, int Column, char Bracket) open, State state)
    {
        var close = open.Bracket == '[' ? ']' : '}';
        state.Error(open.Line, open.Column, $"The `{open.Bracket}` opened here is never closed.",
            $"close it with `{close}` on the same line, for example {(open.Bracket == '[' ? "`[news, press]`" : "`{ en: Title, zh: 标题 }`")}");
    }

    /// <summary>The first tab in a line's indentation, which YAML never allows.</summary>
    private static (int Line, int Column)? IndentTab(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
            for (var c = 0; c < lines[i].Length && lines[i][c] is ' ' or '\t' or '-'; c++)
                if (lines[i][c] == '\t') return (i + 1, c + 1);
        return null;
    }

    private static (int Line, int Column)? AnyTab(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].IndexOf('\t') is >= 0 and var c) return (i + 1, c + 1);
        return null;
    }

    /// <summary>The last <c>[</c> or <c>{</c> up to <paramref name="line"/> that is not closed, outside quotes and comments.</summary>
    private static (int Line, int Column, char Bracket)? Unclosed(string text, int line)
    {
        var open = new Stack<(int, int, char)>();
        var lines = text.Split('\n');
        for (var i = 0; i < Math.Min(line, lines.Length); i++)
        {
            char? quote = null;
            for (var c = 0; c < lines[i].Length; c++)
            {
                var ch = lines[i][c];
                if (quote is not null) { if (ch == quote) quote = null; continue; }
                if (ch is '"' or '\'' && (c == 0 || lines[i][c - 1] is ' ' or '[' or '{' or ',' or ':')) quote = ch;
                else if (ch == '#' && (c == 0 || lines[i][c - 1] == ' ')) break;
                else if (ch is '[' or '{') open.Push((i + 1, c + 1, ch));
                else if (ch is ']' or '}' && open.Count > 0) open.Pop();
            }
        }
        return open.Count > 0 ? open.Peek() : null;
    }

    private sealed class State(string file, int lineOffset, DiagnosticList diagnostics)
    {
        public int Nodes;
        public DiagnosticList Diagnostics { get; } = diagnostics;
        public SourceLocation At(Mark mark) => new(file, (int)mark.Line + lineOffset, (int)mark.Column);

        /// <summary>A syntax error at <paramref name="line"/> and <paramref name="column"/> of the YAML text (the file's offset is added).</summary>
        public void Error(int line, int column, string message, string hint) =>
            Diagnostics.Error("CMP002", message, new SourceLocation(file, line + lineOffset, column), hint: hint);
    }

    /// <summary>Stops reading after a diagnostic was reported; never escapes <see cref="Parse"/>.</summary>
    private sealed class Abandon : Exception;

    private static DataNode ReadNode(IParser parser, State state, string field, int depth)
    {
        if (++state.Nodes > MaxNodes || depth > MaxDepth)
        {
            state.Diagnostics.Error("CMP002",
                depth > MaxDepth ? $"YAML nested deeper than {MaxDepth} levels." : $"YAML holds more than {MaxNodes} values.",
                state.At(parser.Current?.Start ?? Mark.Empty), field.Length > 0 ? field : null,
                "split the data into smaller files or flatten it");
            throw new Abandon();
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            state.Diagnostics.Error("CMP002", $"YAML aliases (`*{alias.Value}`) are not supported.", state.At(alias.Start),
                field.Length > 0 ? field : null, "write the value out in full");
            throw new Abandon();
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            // An escape in a quoted value (`"a\vb"`, `"\u0000"`) decodes to a character the file itself may not hold, past the
            // check where the file was decoded: refused here, and removed so that no later stage (XML, the sanitiser) meets it.
            if (TextFile.HasForbidden(scalar.Value))
            {
                state.Diagnostics.Error("CMP137", "An escape sequence in this quoted value stands for a character that cannot be published.",
                    state.At(scalar.Start), field.Length > 0 ? field : null,
                    "delete the escape (such as `\\v`, `\\a` or `\\0`) from the value");
                return new ScalarNode(TextFile.RemoveForbidden(scalar.Value, "", new DiagnosticList()), state.At(scalar.Start), field);
            }
            return new ScalarNode(scalar.Value, state.At(scalar.Start), field);
        }

        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var items = ImmutableArray.CreateBuilder<DataNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode(parser, state, $"{field}[{items.Count + 1}]", depth + 1));
            return new ListNode(items.ToImmutable(), state.At(seqStart.Start), field);
        }

        if (!parser.TryConsume<MappingStart>(out var mapStart))
        {
            state.Diagnostics.Error("CMP002", "Invalid YAML: a value was expected here.", state.At(parser.Current?.Start ?? Mark.Empty),
                field.Length > 0 ? field : null, "check indentation and the `---` lines");
            throw new Abandon();
        }
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, DataNode>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current;
            if (!parser.TryConsume<Scalar>(out var key))
            {
                state.Diagnostics.Error("CMP002", "A YAML key must be plain text.", state.At(keyEvent?.Start ?? Mark.Empty));
                throw new Abandon();
            }
            var childField = field.Length == 0 ? key.Value : $"{field}.{key.Value}";
            var value = ReadNode(parser, state, childField, depth + 1);
            if (!seen.Add(key.Value))
            {
                state.Diagnostics.Error("CMP002", $"The key `{key.Value}` appears twice.", state.At(key.Start), childField,
                    "remove one of them");
                continue;
            }
            entries.Add(new(key.Value, value));
        }
        return new MapNode(entries.ToImmutable(), state.At(mapStart.Start), field);
    }
}
