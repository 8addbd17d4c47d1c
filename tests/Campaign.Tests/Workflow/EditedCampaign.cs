using System.Globalization;
using System.Text;
using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary>
/// A small bilingual campaign held as plain values (companies, findings in YAML and CSV files, updates, a report,
/// vocabulary labels, UI strings, layout edits and the clock) that <see cref="PreviewEdit"/>s change, and that
/// renders to the files a campaigner would have on disk. Every edit leaves a campaign that builds.
/// </summary>
public sealed class EditedCampaign
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public sealed class Company
    {
        public required string Slug;
        public required string NameEn;
        public required string NameZh;
        /// <summary>Days after <see cref="Start"/> (at 00:01 UTC) the company's files are embargoed until; null for none.</summary>
        public int? EmbargoDay;
    }

    public sealed class Finding
    {
        public required string Id;
        public required string File; // under findings/: *.yaml or *.csv
        public required string Company;
        public string TitleEn = "", TitleZh = "", SummaryEn = "", SummaryZh = "";
        public string Technology = "network-cameras", BuyerType = "police", Licence = "unknown";
        public int Province; // 0 none, else an index into Provinces
        public int YearFrom = 2015, YearTo = 2015;
        public string? Section;
        public List<string> Tags = [];
    }

    public sealed class Update
    {
        public required string Slug;
        public string TitleEn = "", TitleZh = "", BodyEn = "", BodyZh = "";
        public bool Translated = true;
        public int Day = 1;
        public string Kind = "news";
        public List<string> Companies = [];
    }

    public static readonly (string En, string Zh)[] Provinces = [("", ""), ("Guangxi", "广西"), ("Xinjiang", "新疆"), ("Beijing", "北京")];
    public static readonly string[] Technologies = ["network-cameras", "facial-recognition", "emotion-recognition", "behaviour-analysis"];
    public static readonly string[] BuyerTypes = ["police", "ministry", "university", "company"];
    public static readonly string[] Licences = ["not-required", "granted", "denied", "unknown"];
    public static readonly string[] Sections = ["cameras", "faces"];
    public static readonly string[] TagPool = ["cameras", "guilin", "xinjiang", "tenders", "universities"];
    public static readonly string[] FindingFiles = ["acme.yaml", "facely.yaml", "more.csv"];
    public static readonly string[] Layouts = ["finding.liquid", "finding-list.liquid", "finding-facet.liquid", "company.liquid", "update.liquid", "report.liquid", "home.liquid", "base.liquid", "search.liquid", "data.liquid"];
    /// <summary>UI strings without placeholders that the findings, company and update pages show.</summary>
    public static readonly string[] UiStrings = ["nav_findings", "findings_title", "facet_company", "facet_technology", "facet_place", "finding_years", "finding_product", "update_tags", "data_facets", "search_intro"];
    /// <summary>Vocabulary values whose labels an edit changes (each occurs once in vocabularies.yaml).</summary>
    public static readonly string[] Labels = ["network-cameras", "facial-recognition", "emotion-recognition", "behaviour-analysis", "police", "university", "unknown", "granted", "news", "statement"];

    public List<Company> Companies { get; } = [];
    public List<Finding> Findings { get; } = [];
    public List<Update> Updates { get; } = [];
    public string[] SectionTitlesEn = ["Cameras", "Faces"];
    public string[] SectionTitlesZh = ["摄像头", "人脸"];
    public string ReportSummaryEn = "What we found.";
    public string SiteTitleEn = "Test Campaign";
    public string? BaseUrl = "https://campaign.example.org/";
    public bool SecondReport;
    public int? SecondReportEmbargoDay;
    public Dictionary<string, (string En, string Zh)> LabelEdits { get; } = new(StringComparer.Ordinal);
    public Dictionary<(string Lang, string Key), string> UiEdits { get; } = [];
    public Dictionary<string, List<int>> LayoutEdits { get; } = new(StringComparer.Ordinal);
    public int Day; // days after Start: the build's now
    private int _serial;

    public DateTimeOffset Now => Start.AddDays(Day);

    /// <summary>A fresh number for a new slug or text.</summary>
    public int Next() => ++_serial;

    /// <summary>Three companies, ten findings over two YAML files and a CSV file, two updates and a report with two sections.</summary>
    public static EditedCampaign Initial()
    {
        var c = new EditedCampaign();
        c.Companies.Add(new Company { Slug = "acme", NameEn = "Acme Cameras", NameZh = "阿克米摄像" });
        c.Companies.Add(new Company { Slug = "facely", NameEn = "Facely", NameZh = "费斯利" });
        c.Companies.Add(new Company { Slug = "zeta", NameEn = "Zeta Vision", NameZh = "泽塔视觉", EmbargoDay = 2 });
        for (var i = 0; i < 10; i++)
        {
            var company = c.Companies[i % 3].Slug;
            c.Findings.Add(new Finding
            {
                Id = $"finding-{i}", File = FindingFiles[i % 3], Company = company,
                TitleEn = $"Sale number {i} by {company}", TitleZh = $"第{i}项销售", SummaryEn = $"The company sold equipment, case {i}.", SummaryZh = $"该公司出售了设备，案例{i}。",
                Technology = Technologies[i % 4], BuyerType = BuyerTypes[i % 4], Licence = Licences[i % 4], Province = i % 4,
                YearFrom = 2012 + i % 5, YearTo = 2012 + i % 5 + i % 2, Section = i % 3 == 2 ? null : Sections[i % 2], Tags = [TagPool[i % 5]],
            });
        }
        c._serial = 10;
        c.Updates.Add(new Update { Slug = "first-meeting", TitleEn = "A first meeting", TitleZh = "第一次会议", BodyEn = "We met the ministry.", BodyZh = "我们会见了部委。", Day = 1, Companies = ["acme"] });
        c.Updates.Add(new Update { Slug = "zeta-statement", TitleEn = "A statement on Zeta", TitleZh = "关于泽塔的声明", BodyEn = "Zeta did not answer.", BodyZh = "泽塔没有回应。", Day = 2, Kind = "statement", Companies = ["zeta"] });
        return c;
    }

    /// <summary>Every file this campaign has, by path under the campaign's root (<c>input/…</c>, <c>theme/…</c>).</summary>
    public SortedDictionary<string, string> Files()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["input/site.yaml"] = TestCampaign.DefaultSite.Replace("title: { en: Test Campaign,", $"title: {{ en: \"{SiteTitleEn}\",", StringComparison.Ordinal)
                + (BaseUrl is null ? "" : $"\nbase_url: {BaseUrl}\n"),
            ["input/vocabularies.yaml"] = Vocabularies(),
            ["input/i18n/en.yaml"] = UiStringsOf("en"),
            ["input/i18n/zh.yaml"] = UiStringsOf("zh"),
            ["input/reports/probe.en.md"] = Report("The Probe", ReportSummaryEn, SectionTitlesEn, "Text."),
            ["input/reports/probe.zh.md"] = Report("调查", "我们的发现。", SectionTitlesZh, "文字。"),
        };
        if (SecondReport)
        {
            files["input/reports/dossier.en.md"] = Report("The Dossier", "More we found.", ["Details"], "More text.", SecondReportEmbargoDay);
            files["input/reports/dossier.zh.md"] = Report("档案", "更多发现。", ["细节"], "更多文字。", SecondReportEmbargoDay);
        }
        foreach (var company in Companies)
        {
            files[$"input/companies/{company.Slug}.en.md"] = CompanyFile(company.NameEn, "Sweden", "Maker of cameras.", $"{company.NameEn} makes cameras.", company.EmbargoDay);
            files[$"input/companies/{company.Slug}.zh.md"] = CompanyFile(company.NameZh, "瑞典", "摄像头制造商。", $"{company.NameZh}制造摄像头。", company.EmbargoDay);
        }
        foreach (var update in Updates)
        {
            files[$"input/updates/{update.Slug}.en.md"] = UpdateFile(update.TitleEn, update, "Summary of the update.", update.BodyEn);
            if (update.Translated) files[$"input/updates/{update.Slug}.zh.md"] = UpdateFile(update.TitleZh, update, "动态摘要。", update.BodyZh);
        }
        foreach (var group in Findings.GroupBy(f => f.File))
            files["input/findings/" + group.Key] = group.Key.EndsWith(".csv", StringComparison.Ordinal) ? Csv(group) : Yaml(group);
        foreach (var (layout, edits) in LayoutEdits)
        {
            var text = File.ReadAllText(Path.Combine(Repo.Theme, "layouts", layout));
            files["theme/layouts/" + layout] = text + string.Concat(edits.Select(n => $"<!-- edited {n} -->\n"));
        }
        return files;
    }

    private static string Embargo(int? day) =>
        day is { } d ? $"embargo: {Start.Date.AddDays(d):yyyy-MM-dd}T00:01:00+00:00\n" : "";

    private static string Report(string title, string summary, string[] sections, string text, int? embargoDay = null)
    {
        var body = new StringBuilder();
        for (var i = 0; i < sections.Length; i++) body.Append($"## {sections[i]} {{#{(sections.Length == 1 ? "details" : Sections[i])}}}\n\n{text}\n\n");
        return $"---\ntitle: \"{title}\"\ndate: 2020-09-21\nsummary: \"{summary}\"\n{Embargo(embargoDay)}---\n{body}";
    }

    private static string CompanyFile(string name, string country, string summary, string body, int? embargoDay) =>
        $"---\nname: \"{name}\"\ncountry: {country}\nsummary: \"{summary}\"\n{Embargo(embargoDay)}---\n{body}\n";

    private static string UpdateFile(string title, Update u, string summary, string body) =>
        $"---\ntitle: \"{title}\"\ndate: 2021-06-{u.Day:00}\nkind: {u.Kind}\nsummary: \"{summary}\"\n" +
        (u.Companies.Count > 0 ? $"companies: [{string.Join(", ", u.Companies)}]\n" : "") + $"---\n{body}\n";

    private static string Years(Finding f) => f.YearFrom == f.YearTo ? $"{f.YearFrom}" : $"{f.YearFrom}-{f.YearTo}";

    private static string Yaml(IEnumerable<Finding> findings)
    {
        var s = new StringBuilder("# Findings written by hand.\n");
        foreach (var f in findings)
        {
            s.Append($"- id: {f.Id}\n  title: {{ en: \"{f.TitleEn}\", zh: \"{f.TitleZh}\" }}\n  company: {f.Company}\n");
            s.Append($"  product: {{ en: Cameras, zh: 摄像头 }}\n  technology: {f.Technology}\n");
            s.Append($"  buyer:\n    name: {{ en: \"Buyer of {f.Id}\", zh: \"{f.Id}的买方\" }}\n    type: {f.BuyerType}\n");
            if (f.Province > 0) s.Append($"    province: {{ en: {Provinces[f.Province].En}, zh: {Provinces[f.Province].Zh} }}\n");
            s.Append($"  country: {{ en: China, zh: 中国 }}\n  years: {Years(f)}\n  summary: {{ en: \"{f.SummaryEn}\", zh: \"{f.SummaryZh}\" }}\n");
            s.Append($"  licence: {f.Licence}\n  sources:\n    - {{ title: \"Source on {f.Id}\", url: \"https://example.org/{f.Id}\" }}\n");
            if (f.Section is not null) s.Append($"  report_section: probe#{f.Section}\n");
            s.Append($"  tags: [{string.Join(", ", f.Tags)}]\n  reviewed: 2026-11-01\n");
        }
        return s.ToString();
    }

    private static string Csv(IEnumerable<Finding> findings)
    {
        var s = new StringBuilder("id,title_en,title_zh,company,product_en,product_zh,technology,buyer_name_en,buyer_name_zh,buyer_type,buyer_province_en,buyer_province_zh,country_en,country_zh,years,summary_en,summary_zh,licence,source1_title,source1_url,report_section,tags,reviewed\n");
        foreach (var f in findings)
        {
            var (pe, pz) = Provinces[f.Province];
            s.Append(string.Join(",", f.Id, f.TitleEn, f.TitleZh, f.Company, "Cameras", "摄像头", f.Technology, $"Buyer of {f.Id}", $"{f.Id}的买方", f.BuyerType, pe, pz,
                "China", "中国", Years(f), $"\"{f.SummaryEn}\"", f.SummaryZh, f.Licence, $"Source on {f.Id}", $"https://example.org/{f.Id}",
                f.Section is null ? "" : "probe#" + f.Section, string.Join(";", f.Tags), "2026-11-01")).Append('\n');
        }
        return s.ToString();
    }

    private string Vocabularies()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Input, "vocabularies.yaml"));
        for (var i = 0; i < lines.Length; i++)
            foreach (var (key, (en, zh)) in LabelEdits)
                if (lines[i].StartsWith($"  {key}: ", StringComparison.Ordinal)) lines[i] = $"  {key}: {{ en: \"{en}\", zh: \"{zh}\" }}";
        return string.Join("\n", lines) + "\n";
    }

    private string UiStringsOf(string lang)
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Input, "i18n", lang + ".yaml"));
        for (var i = 0; i < lines.Length; i++)
            foreach (var ((l, key), value) in UiEdits)
                if (l == lang && lines[i].StartsWith(key + ": ", StringComparison.Ordinal)) lines[i] = $"{key}: \"{value}\"";
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>Writes <see cref="Files"/> under <paramref name="root"/> as an editor would: changed files only, and deletes those gone since <paramref name="before"/>.</summary>
    public static void WriteChanges(string root, IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string> after)
    {
        foreach (var (path, text) in after)
        {
            if (before is not null && before.TryGetValue(path, out var old) && old == text) continue;
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
        }
        if (before is null) return;
        foreach (var path in before.Keys.Where(p => !after.ContainsKey(p)))
        {
            if (path.StartsWith("theme/", StringComparison.Ordinal))
                File.Copy(Path.Combine(Repo.Theme, path["theme/".Length..]), Path.Combine(root, path), overwrite: true);
            else
                File.Delete(Path.Combine(root, path));
        }
    }

    internal static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
