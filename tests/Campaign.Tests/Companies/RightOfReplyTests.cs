using System.Security.Cryptography;
using System.Text;
using Campaign.Tests.Support;

namespace Campaign.Tests.Companies;

/// <summary>
/// The right of reply on a company page: a timeline of only the dates that are known, a status in neutral words and
/// style, the campaign's summary marked as one, and the company's own letter in full and as a verifiable download.
/// </summary>
public sealed class RightOfReplyTests
{
    private const string Letter = "Dear Campaign,\n\nWe sell cameras <b>only</b> to lawful customers.\n\nYours, Acme & Co.\n";

    /// <summary>A company that was asked, reminded and answered before its deadline; the rejoinder date is not given.</summary>
    private static string Campaign(string enResponse, string zhResponse, string extra = "") => $"""
        -- companies/acme.en.md --
        ---
        name: Acme Cameras
        country: Sweden
        summary: Cameras.
        responses:
        {enResponse}
        ---
        Acmeprofile long text.
        -- companies/acme.zh.md --
        ---
        name: 阿克米
        country: 瑞典
        summary: 摄像头。
        responses:
        {zhResponse}
        ---
        阿克米简介正文。
        {extra}
        """;

    private const string Dated = """
          - status: responded
            asked: 2020-08-14
            reminder: 2020-08-28
            answered: 2020-09-01
            deadline: 2020-09-04
            form: summary
            text: "Acme said it sells only to lawful customers."
            letter: acme-reply.en.txt
        """;

    /// <summary>The same exchange in Chinese: an English sentence left in it would mark the translation as not done.</summary>
    private static readonly string DatedZh = Dated.Replace("Acme said it sells only to lawful customers.", "阿克米称只向合法客户出售。");

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public void The_timeline_shows_only_the_known_dates_in_date_order_before_the_profile_in_both_languages()
    {
        using var c = new TestCampaign(Campaign(Dated, DatedZh, $"-- companies/acme-reply.en.txt --\n{Letter}"));
        c.BuildOk();
        c.AssertFile("en/companies/acme/index.html", """
            <h2 id="right-of-reply">Right of reply</h2>
            <span class="status status-responded">Responded</span>
            <ol class="timeline">
            <li class="step-asked"><time datetime="2020-08-14">14 August 2020</time> <span>We wrote to the company</span></li>
            <li class="step-reminder"><time datetime="2020-08-28">28 August 2020</time> <span>We sent a reminder</span></li>
            <li class="step-answered"><time datetime="2020-09-01">1 September 2020</time> <span>The company answered</span></li>
            <li class="step-deadline"><time datetime="2020-09-04">4 September 2020</time> <span>Deadline for an answer</span></li>
            ! step-rejoinder
            ! Not published
            ! have not been published
            """);
        c.AssertFile("zh/companies/acme/index.html", """
            <span class="status status-responded">已回应</span>
            <li class="step-asked"><time datetime="2020-08-14">
            <span>我们致函该公司</span>
            <span>该公司作出答复</span>
            <span>答复期限</span>
            ! 未公布
            """);
        foreach (var lang in new[] { "en", "zh" })
        {
            var html = c.Read($"{lang}/companies/acme/index.html");
            Assert.True(html.IndexOf("class=\"timeline\"", StringComparison.Ordinal) < html.IndexOf(lang == "en" ? "Acmeprofile" : "阿克米简介正文", StringComparison.Ordinal),
                $"{lang}: the right of reply comes before the company's long text");
            var steps = new[] { "step-asked", "step-reminder", "step-answered", "step-deadline" }.Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
            Assert.Equal(steps.Order().ToList(), steps);
        }
    }

    [Fact]
    public void Without_any_date_the_page_says_so_once_and_shows_no_timeline()
    {
        const string undated = """
              - status: declined
                form: summary
                text: "Acme declined."
            """;
        using var c = new TestCampaign(Campaign(undated, undated.Replace("Acme declined.", "阿克米拒绝回应。")));
        c.BuildOk();
        c.AssertFile("en/companies/acme/index.html", """
            <span class="status status-declined">Declined to respond</span>
            <p class="meta">The dates of this exchange have not been published.</p>
            ! class="timeline"
            ! Not published
            """);
        c.AssertFile("zh/companies/acme/index.html", "<p class=\"meta\">这次往来的日期尚未公布。</p>\n! class=\"timeline\"");
    }

    [Fact]
    public void The_campaigns_summary_is_marked_as_a_summary_and_a_quote_as_the_companys_words()
    {
        const string quoted = """
              - status: responded
                form: quote
                text: "We comply with all laws."
            """;
        using var c = new TestCampaign(Campaign(Dated.Replace("letter: acme-reply.en.txt", ""), quoted));
        c.BuildOk();
        c.AssertFile("en/companies/acme/index.html", """
            <figure class="answer answer-summary">
            <figcaption>Summary by the campaign (not the company&#x27;s own words)</figcaption>
            """);
        c.AssertFile("zh/companies/acme/index.html", """
            <figure class="answer answer-quote">
            <figcaption>公司原话</figcaption>
            <blockquote
            """);
    }

    [Fact]
    public void A_text_letter_is_shown_in_full_escaped_in_its_language_and_listed_with_its_size_and_sha256()
    {
        using var c = new TestCampaign(Campaign(Dated, DatedZh, $"-- companies/acme-reply.en.txt --\n{Letter}"));
        c.BuildOk();
        var bytes = File.ReadAllBytes(Path.Combine(c.Input, "companies/acme-reply.en.txt"));
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(c.Output, "downloads/letters/acme-reply.en.txt")));
        var sha = Sha(bytes);
        c.AssertFile("en/companies/acme/index.html", $"""
            <h3 class="reply-heading">The company&#x27;s letter in full</h3>
            <blockquote class="letter-text" lang="en" dir="ltr">Dear Campaign,
            We sell cameras &lt;b&gt;only&lt;/b&gt; to lawful customers.
            Yours, Acme &amp; Co.
            <a class="download" href="../../../downloads/letters/acme-reply.en.txt" data-size="{bytes.Length}" data-sha256="{sha}" hreflang="en" download="acme-reply.en.txt">Download the letter (TXT · <span lang="en" dir="ltr">English</span>)</a>
            <data value="{bytes.Length}">{bytes.Length} B</data>
            <code class="hash">{sha}</code>
            ! <b>only</b>
            """);
        c.AssertFile("zh/companies/acme/index.html", $"""
            <h3 class="reply-heading">该公司来函全文</h3>
            <blockquote class="letter-text" lang="en" dir="ltr">Dear Campaign,
            下载来函 (TXT
            data-sha256="{sha}"
            """);
        c.AssertFile("SHA256SUMS", $"{sha}  downloads/letters/acme-reply.en.txt");
    }

    [Fact]
    public void A_pdf_letter_is_linked_with_its_size_and_sha256_but_not_shown_as_text()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 Acme letter\n" + new string('x', 1500));
        var response = Dated.Replace("acme-reply.en.txt", "acme-reply.pdf");
        using var c = new TestCampaign(Campaign(response, response));
        c.WriteBytes("companies/acme-reply.pdf", pdf);
        c.BuildOk();
        c.AssertFile("en/companies/acme/index.html", $"""
            <h3 class="reply-heading">The company&#x27;s letter</h3>
            <a class="download" href="../../../downloads/letters/acme-reply.pdf" data-size="{pdf.Length}" data-sha256="{Sha(pdf)}" download="acme-reply.pdf">Download the letter (PDF)</a>
            <data value="{pdf.Length}">1.5 kB</data>
            ! letter-text
            """);
    }

    [Fact]
    public void A_file_in_companies_that_no_response_names_is_not_published_and_says_so()
    {
        using var c = new TestCampaign(Campaign(Dated.Replace("letter: acme-reply.en.txt", ""), Dated.Replace("letter: acme-reply.en.txt", ""),
            "-- companies/stray.en.txt --\nA letter nobody declared.\n"));
        var result = c.BuildOk();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP192");
        Assert.Equal("companies/stray.en.txt", d.Location!.File);
        Assert.False(c.Exists("downloads/letters/stray.en.txt"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CMP017");
    }

    [Theory]
    [InlineData("status: answered-happily", "", "CMP007", 6, "responses[1].status", "valid values")]
    [InlineData("status: responded", "asked: 14/08/2020", "CMP006", 7, "responses[1].asked", "YYYY-MM-DD")]
    [InlineData("status: responded", "asked: 2020-09-10\n    answered: 2020-09-01", "CMP190", 8, "responses[1].answered", "correct whichever")]
    [InlineData("status: responded", "answered: 2020-09-10\n    rejoinder_date: 2020-09-01", "CMP190", 8, "responses[1].rejoinder_date", "correct whichever")]
    [InlineData("status: responded", "reminder: 2020-09-10\n    answered: 2020-09-01", "CMP190", 8, "responses[1].answered", "correct whichever")]
    [InlineData("status: no-response", "answered: 2020-09-01", "CMP190", 7, "responses[1].answered", "status: responded")]
    [InlineData("status: responded", "letter: missing.en.pdf", "CMP191", 7, "responses[1].letter", "input/companies/")]
    [InlineData("status: responded", "letter: ../site.yaml", "CMP191", 7, "responses[1].letter", "beside the company")]
    [InlineData("status: responded", "letter: acme-reply.docx", "CMP191", 7, "responses[1].letter", "PDF")]
    [InlineData("status: responded", "letter: \"acme reply (final).pdf\"", "CMP191", 7, "responses[1].letter", "letters, digits")]
    public void A_bad_response_value_names_the_file_line_field_and_what_to_do(string status, string field, string code, int line, string fieldName, string hint)
    {
        using var c = new TestCampaign($"""
            -- companies/acme.en.md --
            ---
            name: Acme
            country: Sweden
            summary: Cameras.
            responses:
              - {status}
                {field}
            ---
            Profile.
            -- companies/acme-reply.docx --
            not a letter
            """);
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.True(d.IsError);
        Assert.Equal("companies/acme.en.md", d.Location!.File);
        Assert.Equal(line, d.Location.Line);
        Assert.Equal(fieldName, d.Field);
        Assert.Contains(hint, d.Hint);
        Assert.False(Directory.Exists(c.Output));
    }

    [Fact]
    public void Every_status_has_the_same_neutral_style_no_colour_says_good_or_bad_news()
    {
        var css = File.ReadAllText(Path.Combine(Repo.Theme, "static", "css", "site.css"));
        Assert.DoesNotContain(".status-responded", css);
        Assert.DoesNotContain(".status-declined", css);
        Assert.DoesNotContain(".status-no-response", css);
        var rule = css[css.IndexOf("\n.status {", StringComparison.Ordinal)..];
        rule = rule[..rule.IndexOf('}')];
        Assert.DoesNotContain("--ok", rule);
        Assert.DoesNotContain("--warn", rule);
    }

    [Fact]
    public void The_sample_campaign_gives_no_reply_dates_or_letters_the_facts_do_not_give()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Input, "companies"), "*.md"))
        {
            var text = File.ReadAllText(file);
            foreach (var field in new[] { "asked:", "reminder:", "deadline:", "answered:", "rejoinder_date:", "letter:" })
                Assert.DoesNotContain("\n    " + field, text);
        }
        Assert.All(Directory.EnumerateFiles(Path.Combine(Repo.Input, "companies")), f => Assert.EndsWith(".md", f));
    }
}
