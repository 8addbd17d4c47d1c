using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Campaign.Cli.Serve;
using Campaign.Site;
using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary><c>campaign serve</c> over real HTTP: edits lead to reload events and new pages; errors to the overlay over the last good page.</summary>
public sealed class ServeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const string Page = "en/updates/brussels-meeting/";

    private static PreviewServer Server(CampaignCopy c) =>
        new(() => new BuildOptions(c.Input, Path.Combine(c.Root, "preview"), Now, false, c.Theme));

    /// <summary>Reads the server-sent events of <c>/__campaign/events</c> into a channel of event names.</summary>
    private static async Task<ChannelReader<string>> Listen(HttpClient http, CancellationToken cancel)
    {
        var events = Channel.CreateUnbounded<string>();
        var response = await http.GetAsync(PreviewPage.EventsUrl, HttpCompletionOption.ResponseHeadersRead, cancel);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel));
        _ = Task.Run(async () =>
        {
            try
            {
                while (await reader.ReadLineAsync(cancel) is { } line)
                    if (line.StartsWith("event: ", StringComparison.Ordinal)) events.Writer.TryWrite(line[7..]);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException) { }
            events.Writer.TryComplete();
        }, cancel);
        Assert.Equal("hello", await Next(events.Reader));
        return events.Reader;
    }

    private static async Task<string> Next(ChannelReader<string> events)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await events.ReadAsync(timeout.Token);
    }

    [Fact]
    public async Task An_edit_sends_a_reload_event_and_the_page_shows_the_new_text()
    {
        using var c = new CampaignCopy();
        await using var server = Server(c);
        await server.StartAsync(0, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = server.Address };
        using var stop = new CancellationTokenSource();
        var events = await Listen(http, stop.Token);

        var before = await http.GetStringAsync(Page, TestContext.Current.CancellationToken);
        Assert.Contains($"<script src=\"{PreviewPage.ScriptUrl}\" defer></script>", before);
        Assert.DoesNotContain("campaign-preview-errors", before);

        c.Edit("updates/brussels-meeting.en.md", "\nThe European Parliament and EU member states meet in Brussels",
            "\nLive preview: the European Parliament and EU member states meet in Brussels");
        Assert.Equal("reload", await Next(events));
        var after = await http.GetStringAsync(Page, TestContext.Current.CancellationToken);
        Assert.Contains("Live preview: the European Parliament", after);
        Assert.True(server.Last!.Result.Succeeded);
        Assert.True(server.Last.PagesUnchanged > server.Last.PagesRendered, "an edit to one update re-renders only the pages that show it");

        // The reload script is the preview's, served as a file; the built pages never mention it.
        var script = await http.GetAsync(PreviewPage.ScriptUrl, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("EventSource", await script.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var built = File.ReadAllText(Path.Combine(server.OutputDir, Page, "index.html"));
        Assert.Contains("Live preview: the European Parliament", built);
        Assert.DoesNotContain("__campaign", built);
        stop.Cancel();
    }

    [Fact]
    public async Task An_error_shows_the_overlay_over_the_last_good_page_until_it_is_fixed()
    {
        using var c = new CampaignCopy();
        await using var server = Server(c);
        await server.StartAsync(0, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = server.Address };
        using var stop = new CancellationTokenSource();
        var events = await Listen(http, stop.Token);

        c.Edit("updates/brussels-meeting.en.md", "date: 2020-09-22", "date: 22 September 2020");
        Assert.Equal("reload", await Next(events));
        var page = await http.GetStringAsync(Page, TestContext.Current.CancellationToken);
        OutputAssert.Contains(page, """
            <div id="campaign-preview-errors" role="alert">
            <code>updates/brussels-meeting.en.md:3:7</code> CMP006: `22 September 2020` is not a valid date. <code>[date]</code>
            <time datetime="2020-09-22">
            """, Page);
        var status = await http.GetStringAsync(PreviewPage.StatusUrl, TestContext.Current.CancellationToken);
        Assert.Contains("\"ok\":false", status);
        Assert.Contains("\"field\":\"date\"", status);

        c.Edit("updates/brussels-meeting.en.md", "date: 22 September 2020", "date: 2020-09-23");
        Assert.Equal("reload", await Next(events));
        page = await http.GetStringAsync(Page, TestContext.Current.CancellationToken);
        OutputAssert.Contains(page, """
            ! campaign-preview-errors
            <time datetime="2020-09-23">
            """, Page);
        stop.Cancel();
    }

    [Fact]
    public async Task A_taken_port_moves_to_the_next_free_one()
    {
        using var c = new CampaignCopy();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var server = Server(c);
        await server.StartAsync(port, TestContext.Current.CancellationToken);
        Assert.NotEqual(port, server.Address!.Port);
        Assert.InRange(server.Address.Port, port + 1, port + PreviewServer.PortAttempts);
        using var http = new HttpClient { BaseAddress = server.Address };
        var missing = await http.GetAsync("en/no-such-page/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
