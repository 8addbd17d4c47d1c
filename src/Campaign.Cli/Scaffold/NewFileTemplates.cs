using System.Globalization;
using Campaign.Core.Model;

namespace Campaign.Cli.Scaffold;

/// <summary>
/// The files <c>campaign new</c> writes: every field of the kind, each with a comment saying what it is and
/// whether it is required (docs/content.md is the full reference). Required fields get values that build, so the
/// new file can be previewed at once (<c>serve --drafts</c>); optional fields the campaigner may not want are written
/// commented out. No template can be published by accident: pages carry <c>draft: true</c>, which keeps them out of
/// the site until the line is deleted, and a finding's company is left empty (an error) unless <c>--company</c> names it.
/// </summary>
public static class NewFileTemplates
{
    private const string Anchor = "{#first-section}";

    public static readonly string[] Kinds = ["update", "finding", "company", "report", "page"];

    /// <summary>The section folder of a kind.</summary>
    public static string Section(string kind) => kind switch
    {
        "update" => "updates",
        "finding" => "findings",
        "company" => "companies",
        "report" => "reports",
        _ => "pages",
    };

    /// <summary>The kind that lives in a section folder, or null.</summary>
    public static string? KindOf(string section) => Kinds.FirstOrDefault(k => Section(k) == section);

    /// <summary>The text of a new file of <paramref name="kind"/>; <paramref name="company"/> fills a finding's company when given.</summary>
    public static string Text(string kind, string slug, DateOnly today, SiteConfig site, Vocabularies vocabularies, IReadOnlyList<string> companies,
        string? company = null)
    {
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var common = $"""
            draft: true                           # delete this line when the page is ready: until then it is not published
            # embargo: {date}T00:01:00+00:00   # optional: date and time with zone; the page stays out of the site until then
            # publish: {date}                  # optional: the date from which the page is published
            """;
        return kind switch
        {
            "update" => $"""
                ---
                # A campaign update. Every field is described in docs/content.md ("updates").
                title: "Headline of the update"        # required: the headline
                date: {date}                          # required: date of publication, YYYY-MM-DD
                kind: {First(vocabularies, "update_kind", "news")}                              # required: {Allowed(vocabularies, "update_kind", "news, press-release, statement")}
                summary: "One sentence for lists and search results."   # optional: plain text
                tags: []                              # optional: a list, e.g. [dual-use, eu]
                companies: []                         # optional: slugs of companies the update is about{Known(companies)}
                {common}
                ---

                Write the update here, in Markdown. Link to other pages without the language:
                [the report](/reports/out-of-control/).

                """,
            "report" => $"""
                ---
                # An investigation report. Every field is described in docs/content.md ("reports").
                title: "Title of the report"          # required
                date: {date}                          # required: publication date, YYYY-MM-DD
                summary: "One paragraph saying what the report found."   # required: plain text
                authors: []                           # optional: a list of names
                # index_number: "ABC 01/0000/2020"    # optional: the organisation's document number
                # licence: CC BY-NC-ND 4.0            # optional: the licence the report is published under
                companies: []                         # optional: slugs of the companies it covers{Known(companies)}
                {common}
                ---

                ## First section {Anchor}

                Write the report here. `##` headings become sections and the table of contents;
                footnotes[^1] become numbered sources.

                [^1]: A source, with its title, publisher, date and address.

                """,
            "company" => $"""
                ---
                # A company and its right of reply. Every field is described in docs/content.md ("companies").
                name: "Company name"                  # required: the company's name
                country: "Country"                    # required: country of registration
                # parent: "Parent company"            # optional
                products: []                          # optional: a list of product lines
                summary: "One sentence on what the company sells and why it is named."   # required: plain text
                # website: https://example.com/       # optional: the company's own site
                # updated: {date}                     # optional: the date this record was last checked
                responses: []                         # optional: the right of reply, one entry per letter, for example:
                #  - status: no-response              # required: {Allowed(vocabularies, "response_status", "responded, declined, no-response, not-published")}
                #    asked: {date}                    # optional: date the campaign wrote to the company (leave out any date you do not know)
                #    reminder: {date}                 # optional: date of a reminder
                #    deadline: {date}                 # optional: the date an answer was asked for
                #    answered: {date}                 # optional: date of the answer
                #    form: summary                    # optional: quote (the company's own words) or summary (ours)
                #    text: "What the company said."   # optional, Markdown
                #    letter: reply.en.pdf             # optional: the company's own letter (.pdf or .txt) beside this file
                #    rejoinder_date: {date}           # optional: date of our rejoinder
                #    rejoinder: "Our reply to it."    # optional, Markdown
                #    document: letters/annex.pdf      # optional: another file to link, under assets/
                {common}
                ---

                Write the company profile here, in Markdown.

                """,
            "page" => $"""
                ---
                # A free page (about, methodology, take action, press). Fields are described in docs/content.md ("pages").
                title: "Title of the page"            # required
                summary: "One sentence for search results and link previews."   # optional
                # menu: 5                             # optional: position in the main menu; pages without it are not in the menu
                {common}
                ---

                Write the page here, in Markdown.

                """,
            _ => FindingText(slug, today, site, vocabularies, companies, company),
        };
    }

    private static string FindingText(string slug, DateOnly today, SiteConfig site, Vocabularies vocabularies, IReadOnlyList<string> companies, string? company)
    {
        var langs = site.Languages.Select(l => l.Code).ToList();
        string PerLanguage(string text) => "{ " + string.Join(", ", langs.Select(l => $"{l}: \"{(l == site.DefaultLanguage ? text : "")}\"")) + " }";
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"""
            # A finding: one documented sale, contract, tender listing or use, or a company's statement or non-answer, with its evidence.
            # Every field is described in docs/content.md ("findings"). Per-language fields take one value per
            # language ({string.Join(", ", langs)}); an empty one is reported by `campaign translations`.
            # The same fields work as spreadsheet columns in a .csv file (title_en, title_zh, buyer_name_en, source1_url, ...).
            id: {slug}                                   # required: stable id, never reused; the URL is /<lang>/findings/{slug}/
            title: {PerLanguage("What happened, in one line")}   # required, per language
            company: {company ?? ""}                               # required: the slug of a company page{Known(companies)}; the build stops until it is set
            # kind: {First(vocabularies, "finding_kind", "sale")}                                 # optional: {Allowed(vocabularies, "finding_kind", "see vocabularies.yaml")}
            product: {PerLanguage("Product name")}       # required, per language
            technology: {First(vocabularies, "technology", "facial-recognition")}                    # required: {Allowed(vocabularies, "technology", "see vocabularies.yaml")}
            buyer:                                       # required: who bought or used it
              name: {PerLanguage("Name of the agency or institution")}   # required, per language
              type: {First(vocabularies, "buyer_type", "police")}                               # required: {Allowed(vocabularies, "buyer_type", "see vocabularies.yaml")}
              # province: {PerLanguage("")}   # optional, per language
              # city: {PerLanguage("")}       # optional, per language
            country: {PerLanguage("Country of the buyer")}   # required, per language
            years: {today.Year}                                  # required: a year (2015) or a range (2012-2019) as the sources give it, or not-stated
            summary:                                     # required, per language, Markdown: what happened
            {string.Concat(langs.Select(l => $"  {l}: \"{(l == site.DefaultLanguage ? "What happened, with dates and amounts where known." : "")}\"\n"))}summary_form: fact                           # optional: fact, or summary when the text summarises someone's statement
            licence: {First(vocabularies, "licence_status", "unknown")}                             # required: {Allowed(vocabularies, "licence_status", "see vocabularies.yaml")}
            sources:                                     # required: one or more
              - title: "Title of the source"             # required
                publisher: "Who published it"            # optional
                date: {date}                             # optional
                url: https://example.org/source          # required: where it can be read
                archived_url: https://web.archive.org/web/2020/https://example.org/source   # recommended: an archived copy (campaign check warns without one)
                # quote: "A short quotation"             # optional
                language: {site.DefaultLanguage}                             # optional: the source's language
            # report_section: report-slug#heading-id     # optional: where the report covers it
            tags: []                                     # optional: a list
            reviewed: {date}                             # required: the date the record was last checked

            """;
    }

    /// <summary><paramref name="preferred"/> when the vocabulary has it (say `unknown` for a licence, rather than asserting one), else its first value.</summary>
    private static string First(Vocabularies v, string name, string preferred) =>
        v[name] is { } vocab ? vocab.Find(preferred)?.Value ?? vocab.Terms.FirstOrDefault()?.Value ?? preferred : preferred;

    private static string Allowed(Vocabularies v, string name, string fallback) =>
        v[name] is { } vocab ? "one of " + string.Join(", ", vocab.Terms.Select(t => t.Value)) : fallback;

    private static string Known(IReadOnlyList<string> companies) =>
        companies.Count == 0 ? "" : " (" + string.Join(", ", companies) + ")";
}
