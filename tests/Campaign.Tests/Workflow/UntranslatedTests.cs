using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary>
/// A translation that nobody translated (marked <c>untranslated: true</c>, the source's text, or a copied sentence of
/// the source) is listed as untranslated, fails <c>--strict</c>, warns CMP180 and is built as a missing translation.
/// </summary>
public sealed class UntranslatedTests
{
    private const string Source = """
        -- updates/vote.en.md --
        ---
        title: Parliament votes on surveillance exports
        date: 2021-03-25
        kind: news
        summary: The vote is on Thursday.
        ---
        Members of the European Parliament will vote on the new export rules this week.

        The rules decide whether cameras can be sold to the police in Xinjiang.
        """;

    private static CliRun Run(TestCampaign c, params string[] args) => CliRun.Run([.. args, "--input", c.Input, "--now", "2026-11-25"]);

    private static string Status(CliRun run, string lang, string id) => JsonDocument.Parse(run.Out).RootElement.EnumerateArray()
        .First(r => r.GetProperty("language").GetString() == lang && r.GetProperty("id").GetString() == id).GetProperty("status").GetString()!;

    [Fact]
    public void An_untouched_copy_from_new_lang_is_marked_and_built_as_the_source_with_the_notice()
    {
        using var c = new TestCampaign(Source);
        var made = Run(c, "new", "--lang", "zh", "updates/vote.en.md");
        Assert.True(made.ExitCode == 0, made.Error);
        Assert.Contains("delete the line `untranslated: true` when done", made.Out);
        var copy = File.ReadAllText(Path.Combine(c.Input, "updates/vote.zh.md"));
        var markerLine = copy.Split('\n').ToList().FindIndex(l => l.StartsWith("untranslated: true", StringComparison.Ordinal)) + 1;
        Assert.True(markerLine > 1, copy);

        var result = c.BuildOk();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP180");
        Assert.False(d.IsError);
        Assert.Equal(new Campaign.Core.Diagnostics.SourceLocation("updates/vote.zh.md", markerLine, 15), d.Location);
        Assert.Equal("untranslated", d.Field);
        Assert.Equal("updates/vote.zh.md is not translated yet: it is marked `untranslated: true`. Readers of the 中文 site see the English text with a notice.", d.Message);
        Assert.Equal("translate the text, then delete the line `untranslated: true`", d.Hint);

        // The interface stays Chinese; the English text is marked as English under the fallback notice.
        c.AssertFile("zh/updates/vote/index.html", """
            <html lang="zh-Hans"
            notice-fallback
            <h1 lang="en" dir="ltr">Parliament votes on surveillance exports
            """);

        var json = Run(c, "translations", "--format", "json");
        Assert.Equal("untranslated", Status(json, "zh", "updates/vote"));
        var table = Run(c, "translations");
        OutputAssert.Contains(table.Out, """
            1 untranslated
            untranslated update      updates/vote                             it is marked `untranslated: true`
            1 translation is missing, untranslated or out of date.
            """, "stdout");
        Assert.Equal(1, Run(c, "translations", "--strict").ExitCode);

        var mark = Run(c, "translations", "--mark-current", "updates/vote.zh.md");
        Assert.Equal(1, mark.ExitCode);
        Assert.Contains("updates/vote.zh.md is still marked `untranslated: true`; translate it and delete that line first.", mark.Error);
    }

    [Fact]
    public void A_translation_with_a_copied_sentence_of_six_words_is_untranslated()
    {
        using var c = new TestCampaign(Source + """

            -- updates/vote.zh.md --
            ---
            title: 议会就监控出口投票
            date: 2021-03-25
            kind: news
            summary: 投票在星期四。
            ---
            欧洲议会议员本周将就新的出口规则投票。

            The rules decide whether cameras can be sold to the police in Xinjiang.
            """);
        var result = c.BuildOk();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP180");
        Assert.Equal(new Campaign.Core.Diagnostics.SourceLocation("updates/vote.zh.md"), d.Location);
        Assert.Null(d.Field);
        Assert.Equal("updates/vote.zh.md is not translated yet: it repeats the English sentence “The rules decide whether cameras can be sold to the police in Xinjiang”. " +
            "Readers of the 中文 site see the English text with a notice.", d.Message);
        Assert.Equal("translate the text; names, numbers and quotations may stay, but not a sentence of 6 or more words", d.Hint);
        c.AssertFile("zh/updates/vote/index.html", """
            notice-fallback
            lang="en"
            Members of the European Parliament
            ! 欧洲议会议员
            """);
        Assert.Equal(1, Run(c, "translations", "--strict").ExitCode);
    }

    [Fact]
    public void A_translation_identical_to_its_source_is_untranslated()
    {
        using var c = new TestCampaign(Source + "\n" + Source.Replace("updates/vote.en.md", "updates/vote.zh.md"));
        var d = Assert.Single(c.BuildOk().Diagnostics, d => d.Code == "CMP180");
        Assert.StartsWith("updates/vote.zh.md is not translated yet: its text is the same as the English file's.", d.Message);
        Assert.Equal("untranslated", Status(Run(c, "translations", "--format", "json"), "zh", "updates/vote"));
    }

    [Fact]
    public void Names_short_phrases_quotations_and_cited_titles_may_stay_in_the_source_language()
    {
        using var c = new TestCampaign("""
            -- updates/vote.en.md --
            ---
            title: "Out of Control: Failing EU Laws for Digital Surveillance Export"
            date: 2021-03-25
            kind: news
            ---
            Axis Communications wrote: "We comply with all export rules in every country."
            -- updates/vote.zh.md --
            ---
            title: 失控：欧盟数字监控出口法规的失败
            date: 2021-03-25
            kind: news
            ---
            Axis Communications 写道：“We comply with all export rules in every country.”

            详见报告（Out of Control: Failing EU Laws for Digital Surveillance Export）。
            """);
        var result = c.BuildOk();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CMP180");
        c.AssertFile("zh/updates/vote/index.html", """
            ! notice-fallback
            Axis Communications 写道
            """);
        Assert.Equal("unverified", Status(Run(c, "translations", "--format", "json"), "zh", "updates/vote"));
    }

    [Fact]
    public void A_finding_whose_chinese_summary_is_the_english_one_is_listed_as_untranslated()
    {
        using var c = new TestCampaign("""
            -- companies/acme.en.md --
            ---
            name: Acme
            country: France
            summary: Makes cameras.
            ---
            Profile.
            -- findings/acme.yaml --
            id: acme-one
            title: { en: Acme sale, zh: 艾克米销售 }
            company: acme
            product: { en: Camera, zh: Camera }
            technology: network-cameras
            buyer: { name: { en: A police bureau, zh: 某公安局 }, type: police }
            country: { en: China, zh: 中国 }
            years: 2015
            summary: { en: Acme sold network cameras to a police bureau in 2015., zh: Acme sold network cameras to a police bureau in 2015. }
            licence: unknown
            sources:
              - title: A news article
                url: https://example.org/article
            reviewed: 2026-11-01
            """);
        var run = Run(c, "translations");
        OutputAssert.Contains(run.Out, """
            untranslated finding     acme-one                                 the zh value of summary repeats the en text
            ! product
            """, "stdout");
        Assert.Equal(1, Run(c, "translations", "--strict").ExitCode);
    }
}
