using System.Collections.Immutable;
using Campaign.Core.Diagnostics;
using Campaign.Core.Model;

namespace Campaign.Core.Load;

/// <summary>Reads <c>i18n/&lt;lang&gt;.yaml</c>; a string missing in one language falls back to the default language's.</summary>
public static class UiStringsReader
{
    public static UiStrings Read(string inputDir, SiteConfig site, DiagnosticList diagnostics)
    {
        var perLanguage = new SortedDictionary<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal);
        var lines = new Dictionary<string, SourceLocation>();
        foreach (var language in site.Languages)
        {
            var relative = $"i18n/{language.Code}.yaml";
            var path = Path.Combine(inputDir, "i18n", language.Code + ".yaml");
            if (!File.Exists(path))
            {
                var severity = language.Code == site.DefaultLanguage ? Severity.Error : Severity.Warning;
                diagnostics.Add(new Diagnostic(severity, "CMP015", $"There is no {relative} for the theme's words in {language.Name}.",
                    new SourceLocation(relative), Hint: $"copy i18n/{site.DefaultLanguage}.yaml to {relative} and translate the values"));
                perLanguage[language.Code] = ImmutableSortedDictionary<string, string>.Empty;
                continue;
            }
            var strings = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var text = TextFile.Read(path, relative, diagnostics);
            if (text is not null && YamlReader.Parse(text, relative, 0, diagnostics) is { } node)
            {
                if (node is not MapNode map)
                    diagnostics.Error("CMP002", "An i18n file must hold `key: text` lines.", node.Location);
                else
                    foreach (var (key, value) in map.Entries)
                    {
                        if (value is ScalarNode s)
                        {
                            // The theme escapes its words like any plain text; markup in one is a mistake or an attack.
                            FieldReader.WarnMarkup(s, diagnostics);
                            strings[key] = s.Value;
                        }
                        else diagnostics.Error("CMP005", $"`{key}` must be a single text.", value.Location, key);
                        lines.TryAdd(key + "@" + language.Code, value.Location);
                    }
            }
            var code = language.Code;
            UiStringFormats.Check(strings, language.Lang, key => lines.GetValueOrDefault(key + "@" + code) ?? new SourceLocation(relative), diagnostics);
            perLanguage[language.Code] = strings.ToImmutable();
        }

        var defaults = perLanguage.GetValueOrDefault(site.DefaultLanguage) ?? ImmutableSortedDictionary<string, string>.Empty;
        foreach (var language in site.Languages.Where(l => l.Code != site.DefaultLanguage))
        {
            var own = perLanguage[language.Code];
            if (own.IsEmpty) { perLanguage[language.Code] = defaults; continue; }
            var merged = own.ToBuilder();
            foreach (var (key, value) in defaults)
            {
                if (merged.ContainsKey(key)) continue;
                diagnostics.Warning("CMP020", $"The theme string `{key}` has no {language.Name} translation; the {site.Default.Name} text is shown.",
                    new SourceLocation($"i18n/{language.Code}.yaml"), key, $"add `{key}: …`");
                merged[key] = value;
            }
            foreach (var key in own.Keys.Where(k => !defaults.ContainsKey(k)))
                diagnostics.Warning("CMP004", $"The theme string `{key}` is not in i18n/{site.DefaultLanguage}.yaml and is never used.",
                    lines.GetValueOrDefault(key + "@" + language.Code), key, Suggestions.DidYouMean(key, defaults.Keys));
            perLanguage[language.Code] = merged.ToImmutable();
        }
        return new UiStrings(perLanguage.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }
}
