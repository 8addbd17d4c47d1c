using System.Globalization;
using System.Text;

namespace Campaign.Generate;

/// <summary>
/// Writes a <see cref="SyntheticCampaign"/> as a Hugo site (content with front matter, a config with both languages,
/// and a minimal layout), so Hugo builds the same pages as <c>campaign build</c>: home, lists, report, company, update
/// and finding pages, the findings' facet pages (as taxonomies) with lists of 50, per language. It exists to compare
/// build speed side by side, not to look like the theme.
/// </summary>
public static class HugoWriter
{
    /// <summary>The finding facets, as Hugo taxonomies (the same names as the findings index's facets).</summary>
    public static readonly string[] Facets = ["company", "technology", "buyer-type", "place", "year", "licence"];

    public static void Write(SyntheticCampaign campaign, string hugoDir)
    {
        Directory.CreateDirectory(hugoDir);
        CampaignWriter.Save(hugoDir, "hugo.toml", Config());
        foreach (var (path, text) in Layouts) CampaignWriter.Save(hugoDir, path, new StringBuilder(text));

        foreach (var (lang, pick) in CampaignWriter.Languages)
        {
            var dir = $"content/{lang}";
            Section(hugoDir, $"{dir}/_index.md", lang == "en" ? "Synthetic campaign" : "合成运动");
            Section(hugoDir, $"{dir}/reports/_index.md", lang == "en" ? "Reports" : "报告");
            Section(hugoDir, $"{dir}/companies/_index.md", lang == "en" ? "Companies" : "公司");
            Section(hugoDir, $"{dir}/updates/_index.md", lang == "en" ? "Updates" : "动态");
            Section(hugoDir, $"{dir}/findings/_index.md", lang == "en" ? "Findings" : "调查发现");

            foreach (var c in campaign.Companies)
            {
                var text = Front(pick(c.Name), null, pick(c.Summary));
                text.Append("country: ").Append(CampaignWriter.Q(pick(c.Country))).Append('\n');
                text.Append("status: ").Append(c.Status).Append('\n');
                text.Append("asked: ").Append(CampaignWriter.Iso(c.Asked)).Append('\n');
                text.Append("deadline: ").Append(CampaignWriter.Iso(c.Deadline)).Append('\n');
                if (c.Answered is { } answered) text.Append("answered: ").Append(CampaignWriter.Iso(answered)).Append('\n');
                if (c.Answer is { } answer) text.Append("answer: ").Append(CampaignWriter.Q(pick(answer))).Append('\n');
                text.Append("---\n\n");
                foreach (var p in c.Body) text.Append(pick(p)).Append("\n\n");
                CampaignWriter.Save(hugoDir, $"{dir}/companies/{c.Slug}.md", text);
            }

            foreach (var r in campaign.Reports)
            {
                var text = Front(pick(r.Title), r.Date, pick(r.Summary));
                text.Append("authors: [Synthetic Research Team]\n---\n\n");
                foreach (var s in r.Sections)
                {
                    text.Append("## ").Append(pick(s.Heading)).Append(" {#").Append(s.Id).Append("}\n\n");
                    foreach (var p in s.Paragraphs) text.Append(pick(p)).Append("\n\n");
                }
                CampaignWriter.Save(hugoDir, $"{dir}/reports/{r.Slug}.md", text);
            }

            foreach (var u in campaign.Updates)
            {
                var text = Front(pick(u.Title), u.Date, pick(u.Summary));
                text.Append("kind: ").Append(u.Kind).Append("\n---\n\n");
                foreach (var p in u.Body) text.Append(pick(p)).Append("\n\n");
                CampaignWriter.Save(hugoDir, $"{dir}/updates/{u.Slug}.md", text);
            }

            var companyNames = campaign.Companies.ToDictionary(c => c.Slug, c => pick(c.Name), StringComparer.Ordinal);
            foreach (var f in campaign.Findings)
                CampaignWriter.Save(hugoDir, $"{dir}/findings/{f.Id}.md", Finding(f, pick, companyNames[f.Company]));
        }
    }

    private static void Section(string hugoDir, string path, string title) =>
        CampaignWriter.Save(hugoDir, path, new StringBuilder("---\ntitle: ").Append(CampaignWriter.Q(title)).Append("\n---\n"));

    private static StringBuilder Front(string title, DateOnly? date, string summary)
    {
        var text = new StringBuilder("---\n");
        text.Append("title: ").Append(CampaignWriter.Q(title)).Append('\n');
        if (date is { } d) text.Append("date: ").Append(CampaignWriter.Iso(d)).Append('\n');
        text.Append("summary: ").Append(CampaignWriter.Q(summary)).Append('\n');
        return text;
    }

    private static StringBuilder Finding(SyntheticFinding f, Func<Bilingual, string> pick, string companyName)
    {
        var text = Front(pick(f.Title), null, pick(f.Summary));
        // Newest first, as the findings index orders them: a weight from the years, then the id.
        text.Append("weight: ").Append((3000 - f.To) * 10000 + (3000 - f.From)).Append('\n');
        text.Append("company_slug: ").Append(f.Company).Append('\n');
        text.Append("company_name: ").Append(CampaignWriter.Q(companyName)).Append('\n');
        text.Append("product: ").Append(CampaignWriter.Q(pick(f.Product))).Append('\n');
        text.Append("buyer: ").Append(CampaignWriter.Q(pick(f.BuyerName))).Append('\n');
        text.Append("years: ").Append(CampaignWriter.Q(f.From == f.To ? $"{f.From}" : $"{f.From}–{f.To}")).Append('\n');
        text.Append("reviewed: ").Append(CampaignWriter.Iso(f.Reviewed)).Append('\n');
        text.Append("report_section: ").Append(CampaignWriter.Q(f.ReportSection)).Append('\n');
        text.Append("sources:\n");
        foreach (var s in f.Sources)
        {
            text.Append("  - title: ").Append(CampaignWriter.Q(s.Title)).Append('\n');
            text.Append("    publisher: ").Append(CampaignWriter.Q(s.Publisher)).Append('\n');
            text.Append("    date: ").Append(CampaignWriter.Iso(s.Date)).Append('\n');
            text.Append("    url: ").Append(s.Url).Append('\n');
            text.Append("    archived_url: ").Append(s.ArchivedUrl).Append('\n');
        }
        var place = SyntheticText.Where(f.Province, f.City); // the city with its province: 琥珀市 in two provinces is two places, as on our site
        text.Append("company: [").Append(CampaignWriter.Q(f.Company)).Append("]\n");
        text.Append("technology: [").Append(f.Technology).Append("]\n");
        text.Append("buyer-type: [").Append(f.BuyerType).Append("]\n");
        if (place is not null) text.Append("place: [").Append(CampaignWriter.Q(pick(place))).Append("]\n");
        text.Append("year: [").Append(string.Join(", ", Enumerable.Range(f.From, f.To - f.From + 1)
            .Select(y => y.ToString(CultureInfo.InvariantCulture)))).Append("]\n");
        text.Append("licence: [").Append(f.Licence).Append("]\n");
        text.Append("---\n");
        return text;
    }

    private static StringBuilder Config()
    {
        var text = new StringBuilder("""
            # A Hugo copy of a synthetic campaign, written by `campaign generate`, for benchmarks.
            baseURL = "https://example.org/"
            title = "Synthetic campaign"
            defaultContentLanguage = "en"
            defaultContentLanguageInSubdir = true
            hasCJKLanguage = true
            paginate = 10
            disableKinds = ["robotsTXT"]

            [outputs]
              home = ["HTML", "RSS"]
              section = ["HTML"]
              taxonomy = ["HTML"]
              term = ["HTML"]

            [languages.en]
              languageName = "English"
              languageCode = "en"
              contentDir = "content/en"
              weight = 1
            [languages.zh]
              languageName = "中文"
              languageCode = "zh-Hans"
              contentDir = "content/zh"
              weight = 2

            [taxonomies]

            """.Replace("\r\n", "\n"));
        foreach (var facet in Facets) text.Append("  \"").Append(facet).Append("\" = \"").Append(facet).Append("\"\n");
        return text;
    }

    /// <summary>The minimal layout: one base frame, the home page, lists with pagers, and one layout per kind of page.</summary>
    private static readonly (string Path, string Text)[] Layouts =
    [
        ("layouts/_default/baseof.html", """
            <!doctype html>
            <html lang="{{ site.LanguageCode }}">
            <head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            {{ range .Translations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ end }}</head>
            <body>
            <nav><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
            {{ range slice "reports" "companies" "findings" "updates" }}{{ with site.GetPage . }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}{{ end }}
            {{ range site.Languages }}<a href="/{{ .Lang }}/" hreflang="{{ .Lang }}">{{ .LanguageName }}</a> {{ end }}</nav>
            <main>{{ block "main" . }}{{ end }}</main>
            </body>
            </html>
            """),
        ("layouts/index.html", """
            {{ define "main" }}<h1>{{ site.Title }}</h1>
            <p>{{ len (where site.RegularPages "Section" "findings") }} findings</p>
            <h2>Reports</h2><ul>{{ range where site.RegularPages "Section" "reports" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>
            <h2>Companies</h2><ul>{{ range where site.RegularPages "Section" "companies" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
            <h2>Updates</h2><ul>{{ range first 3 (where site.RegularPages "Section" "updates").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>
            {{ end }}
            """),
        ("layouts/_default/list.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            {{ $size := cond (or (eq .Section "findings") (eq .Kind "term")) 50 10 }}
            {{ $pages := .Pages.ByDate.Reverse }}{{ if or (eq .Section "findings") (eq .Kind "term") }}{{ $pages = .Pages.ByWeight }}{{ end }}
            {{ $pager := .Paginate $pages $size }}
            <ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ with .Params.product }}{{ . }} · {{ end }}{{ with .Params.years }}{{ . }}{{ end }} {{ .Params.summary }}</li>{{ end }}</ul>
            <nav>{{ with $pager.Prev }}<a href="{{ .URL }}">←</a>{{ end }} {{ $pager.PageNumber }}/{{ $pager.TotalPages }} {{ with $pager.Next }}<a href="{{ .URL }}">→</a>{{ end }}</nav>
            {{ end }}
            """),
        ("layouts/_default/terms.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            <ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
            {{ end }}
            """),
        ("layouts/_default/single.html", """
            {{ define "main" }}<article><h1>{{ .Title }}</h1>{{ with .Date }}<time>{{ .Format "2006-01-02" }}</time>{{ end }}
            <p>{{ .Params.summary }}</p>
            {{ .TableOfContents }}
            {{ .Content }}</article>
            {{ end }}
            """),
        ("layouts/companies/single.html", """
            {{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.country }} · {{ .Params.status }}</p>
            {{ .Content }}
            {{ with .Params.answer }}<blockquote>{{ . | markdownify }}</blockquote>{{ end }}
            {{ $slug := .File.ContentBaseName }}
            <h2>Findings</h2><ul>{{ range where (where site.RegularPages "Section" "findings") "Params.company_slug" $slug }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
            </article>
            {{ end }}
            """),
        ("layouts/findings/single.html", """
            {{ define "main" }}<article><h1>{{ .Title }}</h1>
            <dl><dt>Company</dt><dd>{{ .Params.company_name }}</dd><dt>Product</dt><dd>{{ .Params.product }}</dd>
            <dt>Buyer</dt><dd>{{ .Params.buyer }}</dd><dt>Years</dt><dd>{{ .Params.years }}</dd>
            {{ range slice "technology" "buyer-type" "place" "licence" }}{{ with $.GetTerms . }}<dt>{{ . }}</dt><dd>{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</dd>{{ end }}{{ end }}</dl>
            {{ .Params.summary | markdownify }}
            <h2>Sources</h2><ol>{{ range .Params.sources }}<li><a href="{{ .url }}">{{ .title }}</a>, {{ .publisher }}, {{ .date }} (<a href="{{ .archived_url }}">archive</a>)</li>{{ end }}</ol>
            <p>Reviewed {{ .Params.reviewed }}</p></article>
            {{ end }}
            """),
    ];
}
