using System.Collections.Immutable;
using Campaign.Core.Diagnostics;
using Campaign.Core.Model;

namespace Campaign.Core.Load;

/// <summary>Reads <c>vocabularies.yaml</c>: each vocabulary maps values to labels per language.</summary>
public static class VocabulariesReader
{
    public const string FileName = "vocabularies.yaml";

    /// <summary>The vocabularies the schema uses; a missing one is an error only when something needs it.</summary>
    public static readonly string[] Known = ["technology", "buyer_type", "licence_status", "response_status", "update_kind", "summary_form", "finding_kind", "tag", "language", "province"];

    public static Vocabularies Read(string inputDir, SiteConfig site, DiagnosticList diagnostics)
    {
        var path = Path.Combine(inputDir, FileName);
        var result = ImmutableSortedDictionary.CreateBuilder<string, Vocabulary>(StringComparer.Ordinal);
        if (!File.Exists(path)) return new Vocabularies(result.ToImmutable());
        var text = TextFile.Read(path, FileName, diagnostics);
        if (text is null || YamlReader.Parse(text, FileName, 0, diagnostics) is not MapNode map)
            return new Vocabularies(result.ToImmutable());

        var languages = site.CodesDefaultFirst;
        foreach (var (name, node) in map.Entries)
        {
            if (!Known.Contains(name))
                diagnostics.Warning("CMP004", $"Unknown vocabulary `{name}`; it is ignored.", node.Location, name,
                    Suggestions.DidYouMean(name, Known) ?? $"known vocabularies: {string.Join(", ", Known)}");
            if (node is not MapNode terms)
            {
                diagnostics.Error("CMP005", $"The vocabulary `{name}` must list `value: {{ en: label, … }}` lines.", node.Location, name);
                continue;
            }
            var list = ImmutableArray.CreateBuilder<VocabularyTerm>();
            var reader = new FieldReader(terms, diagnostics);
            foreach (var value in terms.Keys)
            {
                if (Slugs.Problem(value) is { } problem)
                {
                    diagnostics.Error("CMP016", $"The value `{value}` cannot be used: {problem}.", terms.Get(value)!.Location,
                        $"{name}.{value}", Slugs.Advice);
                    reader.Node(value);
                    continue;
                }
                var label = reader.Localized(value, languages, required: true);
                if (label is not null) list.Add(new VocabularyTerm(value, label));
            }
            result[name] = new Vocabulary(name, list.ToImmutable());
        }
        return new Vocabularies(result.ToImmutable());
    }
}
