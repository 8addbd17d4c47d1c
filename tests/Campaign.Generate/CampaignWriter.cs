using System.Globalization;
using System.Text;

namespace Campaign.Generate;

/// <summary>Writes a <see cref="SyntheticCampaign"/> as the <c>input/</c> folder of this tool: Markdown with front matter and YAML findings.</summary>
public static class CampaignWriter
{
    /// <summary>Findings per YAML file: many records per file, as a campaign that grew would keep them.</summary>
    public const int FindingsPerFile = 500;

    /// <param name="sample">The campaign whose site.yaml, i18n/ and vocabularies.yaml are copied.</param>
    public static void Write(SyntheticCampaign campaign, string inputDir, string sample)
    {
        Directory.CreateDirectory(inputDir);
        File.Copy(Path.Combine(sample, "site.yaml"), Path.Combine(inputDir, "site.yaml"), overwrite: true);
        File.Copy(Path.Combine(sample, "vocabularies.yaml"), Path.Combine(inputDir, "vocabularies.yaml"), overwrite: true);
        Directory.CreateDirectory(Path.Combine(inputDir, "i18n"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(sample, "i18n"), "*.yaml").Order(StringComparer.Ordinal))
            File.Copy(file, Path.Combine(inputDir, "i18n", Path.GetFileName(file)), overwrite: true);
        // site.yaml may name assets (the social image), so the sample's assets come along.
        var assets = Path.Combine(sample, "assets");
        if (Directory.Exists(assets))
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var target = Path.Combine(inputDir, "assets", Path.GetRelativePath(assets, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }

        foreach (var c in campaign.Companies)
            foreach (var (lang, pick) in Languages)
            {
                var text = new StringBuilder("---\n");
                text.Append("name: ").Append(Q(pick(c.Name))).Append('\n');
                text.Append("country: ").Append(Q(pick(c.Country))).Append('\n');
                text.Append("summary: ").Append(Q(pick(c.Summary))).Append('\n');
                text.Append("responses:\n  - status: ").Append(c.Status).Append('\n');
                text.Append("    asked: ").Append(Iso(c.Asked)).Append('\n');
                text.Append("    deadline: ").Append(Iso(c.Deadline)).Append('\n');
                if (c.Answered is { } answered) text.Append("    answered: ").Append(Iso(answered)).Append('\n');
                if (c.Answer is { } answer) text.Append("    form: summary\n    text: ").Append(Q(pick(answer))).Append('\n');
                text.Append("---\n\n");
                foreach (var p in c.Body) text.Append(pick(p)).Append("\n\n");
                Save(inputDir, $"companies/{c.Slug}.{lang}.md", text);
            }

        foreach (var r in campaign.Reports)
            foreach (var (lang, pick) in Languages)
            {
                var text = new StringBuilder("---\n");
                text.Append("title: ").Append(Q(pick(r.Title))).Append('\n');
                text.Append("date: ").Append(Iso(r.Date)).Append('\n');
                text.Append("summary: ").Append(Q(pick(r.Summary))).Append('\n');
                text.Append("authors: [Synthetic Research Team]\n---\n\n");
                foreach (var s in r.Sections)
                {
                    text.Append("## ").Append(pick(s.Heading)).Append(" {#").Append(s.Id).Append("}\n\n");
                    foreach (var p in s.Paragraphs) text.Append(pick(p)).Append("\n\n");
                }
                Save(inputDir, $"reports/{r.Slug}.{lang}.md", text);
            }

        foreach (var u in campaign.Updates)
            foreach (var (lang, pick) in Languages)
            {
                var text = new StringBuilder("---\n");
                text.Append("title: ").Append(Q(pick(u.Title))).Append('\n');
                text.Append("date: ").Append(Iso(u.Date)).Append('\n');
                text.Append("kind: ").Append(u.Kind).Append('\n');
                text.Append("summary: ").Append(Q(pick(u.Summary))).Append("\n---\n\n");
                foreach (var p in u.Body) text.Append(pick(p)).Append("\n\n");
                Save(inputDir, $"updates/{u.Slug}.{lang}.md", text);
            }

        for (var part = 0; part * FindingsPerFile < campaign.Findings.Count; part++)
        {
            var text = new StringBuilder("# Synthetic findings generated for benchmarks.\n");
            foreach (var f in campaign.Findings.Skip(part * FindingsPerFile).Take(FindingsPerFile)) Finding(text, f);
            Save(inputDir, $"findings/part-{(part + 1).ToString("D4", CultureInfo.InvariantCulture)}.yaml", text);
        }
    }

    internal static readonly (string Lang, Func<Bilingual, string> Pick)[] Languages = [("en", b => b.En), ("zh", b => b.Zh)];

    private static void Finding(StringBuilder text, SyntheticFinding f)
    {
        string L(Bilingual b) => $"{{ en: {Q(b.En)}, zh: {Q(b.Zh)} }}";
        text.Append("\n- id: ").Append(f.Id).Append('\n');
        text.Append("  title: ").Append(L(f.Title)).Append('\n');
        text.Append("  company: ").Append(f.Company).Append('\n');
        text.Append("  product: ").Append(L(f.Product)).Append('\n');
        text.Append("  technology: ").Append(f.Technology).Append('\n');
        text.Append("  buyer:\n    name: ").Append(L(f.BuyerName)).Append('\n');
        text.Append("    type: ").Append(f.BuyerType).Append('\n');
        if (f.Province is not null) text.Append("    province: ").Append(L(f.Province)).Append('\n');
        if (f.City is not null) text.Append("    city: ").Append(L(f.City)).Append('\n');
        text.Append("  country: { en: Exampleland, zh: 示例国 }\n");
        text.Append("  years: ").Append(f.From == f.To ? $"{f.From}" : $"{f.From}-{f.To}").Append('\n');
        text.Append("  summary: ").Append(L(f.Summary)).Append('\n');
        text.Append("  licence: ").Append(f.Licence).Append('\n');
        text.Append("  sources:\n");
        foreach (var s in f.Sources)
        {
            text.Append("    - title: ").Append(Q(s.Title)).Append('\n');
            text.Append("      publisher: ").Append(Q(s.Publisher)).Append('\n');
            text.Append("      date: ").Append(Iso(s.Date)).Append('\n');
            text.Append("      url: ").Append(s.Url).Append('\n');
            text.Append("      archived_url: ").Append(s.ArchivedUrl).Append('\n');
        }
        text.Append("  report_section: ").Append(f.ReportSection).Append('\n');
        text.Append("  tags: [").Append(string.Join(", ", f.Tags)).Append("]\n");
        text.Append("  reviewed: ").Append(Iso(f.Reviewed)).Append('\n');
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A YAML double-quoted string.</summary>
    internal static string Q(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    internal static void Save(string inputDir, string relative, StringBuilder text)
    {
        var path = Path.Combine(inputDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}
