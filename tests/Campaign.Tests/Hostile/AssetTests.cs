using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Assets are opened at their own address, where no page's CSP applies: SVGs that run script or load other sites
/// are refused (CMP153), files a browser opens as documents are refused (CMP154); clean SVGs are published.
/// </summary>
public sealed class AssetTests
{
    private const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">\n";

    [Theory]
    [InlineData("<script>alert(1)</script>", "`<script>`")]
    [InlineData("<rect width=\"1\" height=\"1\" onload=\"alert(1)\"/>", "event handler")]
    [InlineData("<a xlink:href=\"javascript:alert(1)\"><rect width=\"1\" height=\"1\"/></a>", "javascript:")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\"><rect width=\"1\" height=\"1\"/></a>", "javascript:")]
    [InlineData("<image href=\"https://tracker.example/p.gif\" width=\"1\" height=\"1\"/>", "tracker.example")]
    [InlineData("<use href=\"//tracker.example/s.svg#x\"/>", "tracker.example")]
    [InlineData("<foreignObject><div>x</div></foreignObject>", "`<foreignObject>`")]
    [InlineData("<style>rect { fill: url(https://tracker.example/p) }</style>", "styles")]
    [InlineData("<set attributeName=\"href\" to=\"javascript:alert(1)\"/>", "javascript:")]
    public void An_svg_with_active_content_is_refused_at_its_line(string content, string what)
    {
        using var c = new TestCampaign("");
        c.Write("assets/chart.svg", Svg + content + "\n</svg>\n");
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP153");
        Assert.Equal("assets/chart.svg", d.Location!.File);
        Assert.Equal(2, d.Location.Line);
        Assert.Contains(what, d.Message, StringComparison.OrdinalIgnoreCase);
        HostileOutput.NothingWritten(c);
    }

    [Fact]
    public void An_svg_with_a_doctype_is_refused_rather_than_expanded()
    {
        using var c = new TestCampaign("");
        c.Write("assets/bomb.svg", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"<script>alert(1)</script>\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>\n");
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP153");
        Assert.Contains("cannot be read as XML", d.Message);
        HostileOutput.NothingWritten(c);
    }

    [Theory]
    [InlineData("page.html")]
    [InlineData("old/page.HTM")]
    [InlineData("doc.xhtml")]
    [InlineData("chart.svgz")]
    [InlineData("feed.xml")]
    public void Files_a_browser_opens_as_pages_are_refused(string name)
    {
        using var c = new TestCampaign("");
        c.Write("assets/" + name, "<html><script>alert(1)</script></html>");
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP154");
        Assert.Equal("assets/" + name, d.Location!.File);
        HostileOutput.NothingWritten(c);
    }

    [Fact]
    public void A_plain_svg_chart_is_published_unchanged()
    {
        using var c = new TestCampaign("");
        var text = Svg + "<title id=\"t\">Chart</title>\n<defs><linearGradient id=\"g\"/></defs>\n<rect width=\"5\" height=\"5\" fill=\"url(#g)\" style=\"fill: url(#g)\"/>\n<use href=\"#t\"/>\n</svg>\n";
        c.Write("assets/chart.svg", text);
        var result = c.BuildOk();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "CMP153" or "CMP154");
        Assert.Equal(text, c.Read("assets/chart.svg"));
    }
}
