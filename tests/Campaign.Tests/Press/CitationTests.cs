using System.Diagnostics;
using System.Text.Json;
using Campaign.Tests.Findings;
using Campaign.Tests.Support;
using Json.Schema;

namespace Campaign.Tests.Press;

/// <summary>
/// Citations that stay true: the date of the work (never the build's), a finding's report and campaign named, no access date in
/// any static file, biblatex that biber reads without a datamodel warning, and CSL-JSON valid against the CSL 1.0 input schema
/// (<c>Trust/Schemas/csl-data.json</c>, from github.com/citation-style-language/schema, MIT licence).
/// </summary>
public sealed class CitationTests
{
    private const string Site = """
        -- site.yaml --
        title: { en: Test Campaign, zh: 测试运动 }
        base_url: https://example.net/campaign/
        organisation: { en: Watchers, zh: 观察者 }
        default_language: en
        languages:
          - { code: en, name: English, lang: en, dir: ltr }
          - { code: zh, name: 中文, lang: zh-Hans, dir: ltr }
        home:
          ask: { en: "Stop the exports.", zh: "停止出口。" }
        """;

    private static TestCampaign Campaign() => new(FindingCampaigns.Base + FindingCampaigns.Yaml + Site);

    private static IEnumerable<string> CitationFiles(string output) =>
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bib", StringComparison.Ordinal) || f.EndsWith(".csl.json", StringComparison.Ordinal) || f.EndsWith(".ris", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Citation_files_and_pages_give_the_date_of_the_work_and_no_build_date()
    {
        using var c = Campaign();
        c.BuildOk(now: "2026-11-25");
        var first = CitationFiles(c.Output).ToDictionary(f => Path.GetRelativePath(c.Output, f), File.ReadAllText);
        var pages = new[] { "en/findings/acme-guilin-2015/index.html", "zh/findings/acme-guilin-2015/index.html", "en/reports/probe/index.html", "zh/reports/probe/index.html" };
        var firstPages = pages.ToDictionary(p => p, c.Read);
        c.BuildOk(now: "2027-03-03");
        var second = CitationFiles(c.Output).ToDictionary(f => Path.GetRelativePath(c.Output, f), File.ReadAllText);

        // each language: one .bib, .csl.json and .ris for every finding, and one of each for the report
        Assert.Equal(2 * 3 + 1 * 2 * 3, first.Count);
        Assert.Contains(Path.Combine("data", "findings.en.bib"), first.Keys);
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach (var (path, text) in first)
        {
            Assert.Equal(text, second[path]);
            foreach (var clock in new[] { "2026-11-25", "2026/11/25", "2027-03-03", "2027" })
                Assert.DoesNotContain(clock, text);
            Assert.DoesNotContain("urldate", text);
            Assert.DoesNotContain("\"accessed\"", text);
            Assert.DoesNotContain("Y2  -", text); // RIS's access date
        }
        foreach (var page in pages)
        {
            Assert.Equal(firstPages[page].Replace("2026-11-25", ""), c.Read(page).Replace("2027-03-03", ""));
            OutputAssert.Contains(c.Read(page), "! 25 November 2026\n! 2026年11月25日\n! 3 March 2027\n! Accessed\n! 访问日期：", page);
        }

        // the year of the work: the report's (2020), not the review's (2026)
        c.AssertFile("data/findings.en.bib", """
            @dataset{finding-acme-guilin-2015-en,
              author = {{Watchers}},
              title = {{Acme cameras for the Guilin police}},
              series = {{Test Campaign}},
              date = {2020-09-21},
              note = {Finding acme-guilin-2015, in “The Probe”; last reviewed 1 November 2026.},
              url = {https://example.net/campaign/en/findings/acme-guilin-2015/},
              langid = {english}
            """);
        // the Chinese file: a Chinese note, and the babel name
        c.AssertFile("data/findings.zh.bib", """
              note = {调查发现acme-guilin-2015，收录于《调查》，最后核查于2026年11月1日。},
              langid = {chinese}
            ! Finding
            ! langid = {zh
            """);
        // a finding without a report is dated by its last review, and names no report
        c.AssertFile("data/findings.en.ris", """
            ID  - finding-acme-ministry-2012-2014-en
            T3  - Test Campaign
            PY  - 2026
            DA  - 2026/10/01
            """);
        // its page shows the same entry as BibTeX, with no report named
        c.AssertFile("en/findings/acme-ministry-2012-2014/index.html",
            "<pre class=\"cite-bibtex\"><code>@dataset{finding-acme-ministry-2012-2014-en,\nnote = {Finding acme-ministry-2012-2014; last reviewed\n! note = {Finding acme-ministry-2012-2014, in");
        c.AssertFile("en/findings/acme-guilin-2015/index.html", """
            Watchers. “Acme cameras for the Guilin police”. Test Campaign, finding acme-guilin-2015, in “The Probe”, 21 September 2020; last reviewed 1 November 2026. https://example.net/campaign/en/findings/acme-guilin-2015/
            <pre class="cite-bibtex"><code>@dataset{finding-acme-guilin-2015-en,
            <a href="../../../data/findings.en.ris" download="findings-en.ris"
            ! acme-guilin-2015.ris
            """);
    }

    [Fact]
    public void A_report_page_has_a_cite_block_with_its_files_and_the_press_room_links_them()
    {
        using var c = Campaign();
        c.BuildOk();
        c.AssertFile("en/reports/probe/index.html", """
            <h2 id="cite-title">Cite this report</h2>
            <p class="citation">Watchers, The Probe, 21 September 2020. https://example.net/campaign/en/reports/probe/</p>
            <a href="probe.bib" download="probe-en.bib" type="application/x-bibtex">
            <a href="probe.csl.json" download="probe-en.csl.json"
            <a href="probe.ris" download="probe-en.ris"
            """);
        c.AssertFile("zh/reports/probe/index.html", """
            <h2 id="cite-title">引用本报告</h2>
            <a href="probe.bib" download="probe-zh.bib"
            """);
        c.AssertFile("en/reports/probe/probe.bib", """
            @report{probe-2020-en,
              author = {{Watchers}},
              title = {{The Probe}},
              type = {resreport},
              institution = {{Watchers}},
              date = {2020-09-21},
              url = {https://example.net/campaign/en/reports/probe/},
              langid = {english}
            """);
        c.AssertFile("zh/reports/probe/probe.ris", "TY  - RPRT\r\nID  - probe-2020-zh\r\nAU  - 观察者\r\nTI  - 调查\r\n");
        // the press room shows the same citation the report page gives, with the same files
        var press = new TestCampaign(FindingCampaigns.Base + Site + "\n" + """
            -- pages/press.en.md --
            ---
            title: Press
            layout: press
            ---
            For journalists.
            """);
        using (press)
        {
            press.BuildOk();
            press.AssertFile("en/press/index.html", """
                Watchers, The Probe, 21 September 2020. https://example.net/campaign/en/reports/probe/
                @report{probe-2020-en,
                <a href="../reports/probe/probe.ris" download="probe-en.ris"
                """);
        }
    }

    [Fact]
    public void Csl_json_files_are_valid_against_the_csl_data_schema()
    {
        using var c = Campaign();
        c.BuildOk();
        var schemaText = File.ReadAllText(Path.Combine(Repo.Root, "tests", "Campaign.Tests", "Trust", "Schemas", "csl-data.json"));
        var schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var files = CitationFiles(c.Output).Where(f => f.EndsWith(".csl.json", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, files.Count); // the report's and the database's, in each language
        var texts = files.Select(f => (Name: f, Text: File.ReadAllText(f))).ToList();
        Assert.Equal(2, JsonDocument.Parse(File.ReadAllText(Path.Combine(c.Output, "data", "findings.en.csl.json"))).RootElement.GetArrayLength());
        foreach (var (file, text) in texts)
        {
            using var json = JsonDocument.Parse(text);
            var results = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(results.IsValid, $"{file} does not match csl-data.json:\n" + string.Join("\n", (results.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))));
        }
        // and a record that breaks the schema is caught by it (so the check above can fail)
        using var bad = JsonDocument.Parse("""[{"id": "x", "type": "finding", "accessed": {"date-parts": [[2026, 11, 25]]}, "author": "Watchers"}]""");
        Assert.False(schema.Evaluate(bad.RootElement).IsValid);
    }

    [Fact]
    public void Biblatex_files_pass_biber_datamodel_validation()
    {
        var biber = RequiredTools.RequireOnPath("biber", "biber");
        using var c = Campaign();
        c.BuildOk();
        var files = CitationFiles(c.Output).Where(f => f.EndsWith(".bib", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, files.Count); // the report's and the database's, in each language
        var work = Path.Combine(c.Root, "biber");
        Directory.CreateDirectory(work);
        var texts = files.Select(f => (Name: f, Text: File.ReadAllText(f)))
            .Append(("the BibTeX on a finding's page", Pre(c.Read("zh/findings/acme-guilin-2015/index.html"), "cite-bibtex"))).ToList();
        foreach (var ((file, text), i) in texts.Select((f, i) => (f, i)))
        {
            var copy = Path.Combine(work, $"entry{i}.bib");
            File.WriteAllText(copy, text);
            var (code, output) = Run(biber, work, "--tool", "--validate-datamodel", copy);
            Assert.True(code == 0, $"biber failed on {file}:\n{output}");
            Assert.DoesNotContain("WARN", output);
            Assert.DoesNotContain("ERROR", output);
            // what biber read back: the entry's fields survive (a malformed entry is dropped or cut short)
            var read = File.ReadAllText(Path.ChangeExtension(copy, null) + "_bibertool.bib");
            Assert.Contains("LANGID = {", read);
            Assert.Contains("DATE = {20", read);
            Assert.Contains("URL = {https://example.net/campaign/", read);
            // every entry of a file read back: the database's file holds both findings
            Assert.Equal(Entries(text), Entries(read));
        }
        Assert.Equal(2, File.ReadAllText(Path.Combine(c.Output, "data", "findings.zh.bib")).Split("@dataset{").Length - 1);
        // a file with a missing mandatory field is reported, so the checks above can fail
        var broken = Path.Combine(work, "broken.bib");
        File.WriteAllText(broken, "@report{x,\n  title = {T},\n}\n");
        Assert.Contains("WARN", Run(biber, work, "--tool", "--validate-datamodel", broken).Output);
    }

    private static int Entries(string bib) => System.Text.RegularExpressions.Regex.Matches(bib, "^@", System.Text.RegularExpressions.RegexOptions.Multiline).Count;

    /// <summary>The text of the page's <c>&lt;pre class="<paramref name="name"/>"&gt;</c>, as a reader copies it.</summary>
    private static string Pre(string html, string name)
    {
        var start = html.IndexOf($"<pre class=\"{name}\"><code>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no <pre class=\"{name}\"> on the page");
        start = html.IndexOf("<code>", start, StringComparison.Ordinal) + "<code>".Length;
        return System.Net.WebUtility.HtmlDecode(html[start..html.IndexOf("</code>", start, StringComparison.Ordinal)]) + "\n";
    }

    private static (int Code, string Output) Run(string exe, string dir, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr);
    }
}
