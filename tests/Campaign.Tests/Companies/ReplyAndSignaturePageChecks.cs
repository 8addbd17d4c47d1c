using System.Security.Cryptography;
using System.Text;
using Campaign.Tests.Support;
using Campaign.Tests.Trust;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Campaign.Tests.Companies;

/// <summary>
/// What the sample site cannot show, since its facts give no reply dates, letters or signing key: a company page with
/// a full timeline and a text letter, and press and mirrors pages with a signature, pass html-validate and axe (light
/// and dark) in both languages, and do not widen a phone's page.
/// </summary>
public sealed class ReplyAndSignaturePageChecks(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Pages =
        ["en/companies/acme/index.html", "zh/companies/acme/index.html", "en/press/index.html", "zh/press/index.html", "en/mirrors/index.html", "zh/mirrors/index.html"];

    private static TestCampaign Campaign()
    {
        const string response = """
              - status: responded
                asked: 2020-08-14
                reminder: 2020-08-28
                answered: 2020-09-01
                deadline: 2020-09-04
                rejoinder_date: 2020-09-10
                form: summary
                text: "{0}"
                letter: acme-reply.en.txt
                rejoinder: "{1}"
            """;
        var c = new TestCampaign(Press.PressCampaign.Site + "\nsigning:\n  minisign_key: ../keys/k.key\n\n" + Press.PressCampaign.Content + $"""

            -- companies/acme.en.md --
            ---
            name: Acme Cameras
            country: Sweden
            summary: Cameras.
            responses:
            {string.Format(response, "Acme said it sells only to lawful customers.", "We disagree, for the reasons in the report.")}
            ---
            Acme makes cameras.
            -- companies/acme.zh.md --
            ---
            name: 阿克米
            country: 瑞典
            summary: 摄像头。
            responses:
            {string.Format(response, "阿克米称只向合法客户出售。", "我们不同意，理由见报告。")}
            ---
            阿克米生产摄像头。
            -- companies/acme-reply.en.txt --
            Dear Campaign,

            We sell our cameras only to lawful customers, and a very long word follows: Überwachungskameraexportgenehmigungsverfahren.

            Yours, Acme
            """);
        var seed = SHA256.HashData("page checks"u8.ToArray());
        var pk = new byte[32];
        Ed25519.GeneratePublicKey(seed, 0, pk, 0);
        byte[] key = [(byte)'E', (byte)'d', 0, 0, (byte)'B', (byte)'2', .. new byte[48], 1, 2, 3, 4, 5, 6, 7, 8, .. seed, .. pk, .. new byte[32]];
        c.WriteBytes("../keys/k.key", Encoding.UTF8.GetBytes("untrusted comment: test key\n" + Convert.ToBase64String(key) + "\n"));
        c.BuildOk();
        return c;
    }

    [Fact]
    public void The_pages_pass_the_html_validator()
    {
        var validator = HtmlValidationTests.Validator();
        using var c = Campaign();
        var (code, output) = HtmlValidationTests.Validate(validator, [.. Pages.Select(p => Path.Combine(c.Output, p))], c.Output);
        Assert.True(code == 0, output);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_pages_pass_axe_and_fit_a_phone(ColorScheme scheme)
    {
        using var c = Campaign();
        await using var server = await StaticServer.StartAsync(c.Output);
        await using var context = await browser.Browser.NewContextAsync(new() { ColorScheme = scheme, BypassCSP = true, ViewportSize = new() { Width = 375, Height = 800 } });
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var path in Pages)
        {
            await page.GotoAsync(server.Url(path[..^"index.html".Length]));
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
                ResultTypes = [ResultType.Violations],
            });
            failures.AddRange(result.Violations.Select(v => $"{path} [{scheme}]: {v.Id} {v.Help}: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}"));
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 375) failures.Add($"{path}: the page is {width} px wide on a 375 px phone");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
