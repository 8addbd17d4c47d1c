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
            var message = ex.InnerException?.Message ?? ex.Message;
            // YamlDotNet prefixes its own position; ours is in the location.
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith('(') && cut > 0) message = message[(cut + 3)..];
            diagnostics.Error("CMP002", $"Invalid YAML: {message.TrimEnd('.')}.", state.At(ex.Start),
                hint: "check indentation, and put text containing `: ` or starting with a quote in quotes");
            return null;
        }
        catch (Abandon)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's event reader throws this when the stream ends where a value should follow.
            diagnostics.Error("CMP002", "Invalid YAML: the text ends where a value was expected.", new SourceLocation(file, lineOffset + Math.Max(1, text.Count(c => c == '\n'))),
                hint: "check the last lines for a missing value or an unclosed bracket or quote");
            return null;
        }
    }

    private sealed class State(string file, int lineOffset, DiagnosticList diagnostics)
    {
        public int Nodes;
        public DiagnosticList Diagnostics { get; } = diagnostics;
        public SourceLocation At(Mark mark) => new(file, (int)mark.Line + lineOffset, (int)mark.Column);
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
            return new ScalarNode(scalar.Value, state.At(scalar.Start), field);

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
