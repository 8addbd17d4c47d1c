using Campaign.Core.Diagnostics;
using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary>
/// No <c>campaign new</c> template can be published by accident: pages start as drafts (CMP181), a finding's company
/// is empty (an error) until set, and slugs follow the rule the guide states, in <c>new</c> and in the build (CMP016).
/// </summary>
public sealed class TemplateMarkerTests
{
    private const string Company = """
        -- companies/acme.en.md --
        ---
        name: Acme
        country: France
        summary: Makes cameras.
        ---
        Profile.
        """;

    private static CliRun Run(TestCampaign c, params string[] args) => CliRun.Run([.. args, "--input", c.Input, "--now", "2026-11-25"]);

    [Theory]
    [InlineData("update", "updates/parliament-vote.en.md", "en/updates/parliament-vote/index.html", "Headline of the update")]
    [InlineData("report", "reports/parliament-vote.en.md", "en/reports/parliament-vote/index.html", "Title of the report")]
    [InlineData("company", "companies/parliament-vote.en.md", "en/companies/parliament-vote/index.html", "Company name")]
    [InlineData("page", "pages/parliament-vote.en.md", "en/parliament-vote/index.html", "Title of the page")]
    public void An_untouched_template_is_a_draft_that_is_not_published(string kind, string file, string page, string placeholder)
    {
        using var c = new TestCampaign(Company);
        Assert.Equal(0, Run(c, "new", kind, "parliament-vote").ExitCode);
        var text = File.ReadAllText(Path.Combine(c.Input, file));
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("draft: true", StringComparison.Ordinal)) + 1;
        Assert.True(line > 1, text);

        var result = c.BuildOk();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP181");
        Assert.False(d.IsError);
        Assert.Equal(new SourceLocation(file, line, 8), d.Location);
        Assert.Equal("draft", d.Field);
        Assert.Equal($"{file} is a draft (`draft: true`), so it is not published.", d.Message);
        Assert.StartsWith("when it is ready, delete the line `draft: true`", d.Hint);
        Assert.False(c.Exists(page));
        foreach (var built in Directory.EnumerateFiles(c.Output, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain(placeholder, File.ReadAllText(built));

        // --drafts previews it, marked as not yet public; deleting the line publishes it.
        c.BuildOk(drafts: true);
        c.AssertFile(page, $"""
            notice-draft
            {placeholder}
            """);
        File.WriteAllText(Path.Combine(c.Input, file), string.Join("\n", text.Split('\n').Where(l => !l.StartsWith("draft:", StringComparison.Ordinal))));
        Assert.DoesNotContain(c.BuildOk().Diagnostics, d => d.Code == "CMP181");
        Assert.True(c.Exists(page));
    }

    [Fact]
    public void A_new_finding_has_no_company_until_one_is_set_and_the_build_stops()
    {
        using var c = new TestCampaign(Company);
        var run = Run(c, "new", "finding", "acme-sale");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("the company first: the build stops until it is set", run.Out);
        var text = File.ReadAllText(Path.Combine(c.Input, "findings/acme-sale.yaml"));
        Assert.Matches(@"\ncompany: +# required: the slug of a company page \(acme\); the build stops until it is set\n", text);

        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP003");
        Assert.Equal("findings/acme-sale.yaml", d.Location!.File);
        Assert.Equal("company", d.Field);
        Assert.False(Directory.Exists(c.Output));

        File.WriteAllText(Path.Combine(c.Input, "findings/acme-sale.yaml"), text.Replace("company: ", "company: acme"));
        c.BuildOk();
        Assert.True(c.Exists("en/findings/acme-sale/index.html"));
    }

    [Fact]
    public void New_finding_takes_the_company_and_refuses_one_that_does_not_exist()
    {
        using var c = new TestCampaign(Company);
        var wrong = Run(c, "new", "finding", "acme-sale", "--company", "acne");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("campaign new: `acne` is not a company of this campaign (did you mean `acme`?); the companies are acme.", wrong.Error);
        Assert.False(File.Exists(Path.Combine(c.Input, "findings/acme-sale.yaml")));

        Assert.Equal(0, Run(c, "new", "finding", "acme-sale", "--company", "acme").ExitCode);
        Assert.Contains("company: acme ", File.ReadAllText(Path.Combine(c.Input, "findings/acme-sale.yaml")));
        c.BuildOk();
        Assert.Equal(2, Run(c, "new", "update", "x", "--company", "acme").ExitCode);
    }

    [Theory]
    [InlineData("Parliament_Vote", "it contains the upper-case letter `P`", "for example `parliament-vote`")]
    [InlineData("vote_2026", "it contains `_`", "for example `vote-2026`")]
    [InlineData("议会投票", "it contains `议`", "for example `brussels-meeting`")]
    public void New_refuses_a_slug_outside_the_rule_the_guide_states(string slug, string reason, string example)
    {
        using var c = new TestCampaign(Company);
        var run = Run(c, "new", "update", slug);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"campaign new: the slug `{slug}` cannot be used in a URL: {reason}; use lower-case letters, digits and hyphens, {example}.", run.Error);
        Assert.False(Directory.Exists(Path.Combine(c.Input, "updates")));
    }

    [Theory]
    [InlineData("Parliament_Vote", "it contains the upper-case letter `P`", "use lower-case letters, digits and hyphens, here `parliament-vote`")]
    [InlineData("议会投票", "it contains `议`", "use lower-case letters, digits and hyphens, for example `brussels-meeting`")]
    public void The_build_refuses_a_file_name_outside_the_slug_rule(string slug, string reason, string hint)
    {
        using var c = new TestCampaign($"""
            -- updates/{slug}.en.md --
            ---
            title: The vote
            date: 2021-03-25
            kind: news
            ---
            Text.
            """);
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP016");
        Assert.Equal(new SourceLocation($"updates/{slug}.en.md"), d.Location);
        Assert.Equal($"The slug `{slug}` cannot be used in a URL: {reason}.", d.Message);
        Assert.Equal(hint, d.Hint);
        Assert.False(Directory.Exists(c.Output));
    }

    [Fact]
    public void A_draft_field_that_is_not_true_or_false_is_an_error()
    {
        using var c = new TestCampaign("""
            -- updates/vote.en.md --
            ---
            title: The vote
            date: 2021-03-25
            kind: news
            draft: maybe
            ---
            Text.
            """);
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP005");
        Assert.Equal(new SourceLocation("updates/vote.en.md", 5, 8), d.Location);
        Assert.Equal("`draft` must be true or false, not `maybe`.", d.Message);
        Assert.False(Directory.Exists(c.Output));
    }
}
