using Campaign.Cli.Serve;
using Campaign.Site;
using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary>
/// <c>campaign serve</c> shows a build's warnings (here a broken link and a missing image) in a panel over the page,
/// which the reader can dismiss; the panel is the preview's, never in the built files.
/// </summary>
public sealed class PreviewWarningsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Campaign = """
        -- site.yaml --
        title: { en: Test Campaign, zh: 测试运动 }
        default_language: en
        base_url: https://example.org/
        languages:
          - { code: en, name: English, lang: en, dir: ltr }
          - { code: zh, name: 中文, lang: zh-Hans, dir: ltr }
        home:
          ask: { en: "Stop the exports.", zh: "停止出口。" }
        -- pages/about.en.md --
        ---
        title: About
        ---
        Read [the other page](/nowhere/).

        ![A lamp post](/assets/lamp-post.jpg)
        -- pages/about.zh.md --
        ---
        title: 关于
        ---
        阅读[另一页](/nowhere/)。
        """;

    private static PreviewServer Server(TestCampaign c) =>
        new(() => new BuildOptions(c.Input, Path.Combine(c.Root, "preview"), new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), false, Repo.Theme));

    [Fact]
    public async Task The_page_shows_the_warnings_in_a_panel_that_the_reader_can_dismiss()
    {
        using var c = new TestCampaign(Campaign);
        await using var server = Server(c);
        await server.StartAsync(0, TestContext.Current.CancellationToken);
        Assert.True(server.Last!.Result.Succeeded);

        await using var tab = await browser.OpenAsync(new Uri(server.Address!, "en/about/").ToString());
        var panel = tab.Page.Locator("#campaign-preview-warnings");
        Assert.True(await panel.IsVisibleAsync(), "the warnings panel is shown");
        var text = await panel.InnerTextAsync();
        Assert.Contains("pages/about.en.md:4:6 CMP115: The link `/nowhere/` leads to en/nowhere/index.html", text);
        Assert.Contains("pages/about.en.md:6:1 CMP116: The image `/assets/lamp-post.jpg` is missing", text);
        Assert.Contains("pages/about.zh.md:4:3 CMP115", text);
        Assert.Equal(0, await tab.Page.Locator("#campaign-preview-errors").CountAsync());

        await panel.Locator("button").ClickAsync();
        Assert.Equal(0, await tab.Page.Locator("#campaign-preview-warnings").CountAsync());

        // The terminal lists the same warnings with the line they are on, not a pointer to another command.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        global::Campaign.Cli.Commands.ServeCommand.Report(server.Last, c.Input, new global::Campaign.Cli.Console(stdout, stderr));
        OutputAssert.Contains(stderr.ToString(), """
            pages/about.en.md:4:6: warning CMP115: The link `/nowhere/` leads to en/nowhere/index.html
            | Read [the other page](/nowhere/).
            pages/about.en.md:6:1: warning CMP116: The image `/assets/lamp-post.jpg` is missing
            """, "serve's terminal");
        OutputAssert.Contains(stdout.ToString(), """
            3 warnings.
            ! campaign check lists them
            """, "serve's terminal");

        var built = File.ReadAllText(Path.Combine(server.OutputDir, "en", "about", "index.html"));
        Assert.DoesNotContain("campaign-preview-warnings", built);
        Assert.DoesNotContain("__campaign", built);
    }

    [Fact]
    public async Task A_build_without_warnings_shows_no_panel()
    {
        using var c = new TestCampaign(Campaign.Replace("Read [the other page](/nowhere/).", "Read on.")
            .Replace("![A lamp post](/assets/lamp-post.jpg)", "").Replace("阅读[另一页](/nowhere/)。", "阅读。"));
        await using var server = Server(c);
        await server.StartAsync(0, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = server.Address };
        var page = await http.GetStringAsync("en/about/", TestContext.Current.CancellationToken);
        Assert.True(server.Last!.Result.Warnings == 0, string.Join("\n", server.Last.Result.Diagnostics));
        Assert.Contains(PreviewPage.ScriptUrl, page);
        Assert.DoesNotContain("campaign-preview-warnings", page);
    }
}
