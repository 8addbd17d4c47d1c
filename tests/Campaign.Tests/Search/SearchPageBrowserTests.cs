using System.Globalization;
using Campaign.Search.Index;
using Campaign.Search.Reading;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Search;

/// <summary>The search page in headless Chromium: typing, filters, URL state, keyboard, the live count, no-JS fallback, no outside requests.</summary>
public sealed class SearchPageBrowserTests(SearchBrowser web) : IClassFixture<SearchBrowser>
{
    private async Task<IPage> Open(string path, bool javaScript = true)
    {
        var context = await web.Browser.NewContextAsync(new() { JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await page.GotoAsync(web.BaseUrl + path);
        return page;
    }

    /// <summary>Waits until the list shows the results of exactly this query and these filters (as search.js's URL writes them).</summary>
    private static Task WaitForSettled(IPage page, string state) =>
        page.WaitForSelectorAsync("[data-search][data-settled='" + state + "']", new() { State = WaitForSelectorState.Attached, Timeout = 10_000 });

    private static Task WaitForResults(IPage page) =>
        page.WaitForSelectorAsync("#search-results .search-result", new() { Timeout = 10_000 });

    [Fact]
    public async Task Typing_a_Chinese_word_lists_ranked_results_with_highlighted_excerpts_and_announces_the_count()
    {
        var page = await Open("/zh/search/");
        await page.Locator("#search-q").PressSequentiallyAsync("人脸识别", new() { Delay = 30 });
        await WaitForResults(page);
        var titles = await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync();
        var expected = SearchIndexReader.Open(web.Output, "zh").Search("人脸识别", limit: 10).Select(h => h.Title).ToList();
        Assert.Equal(expected, titles);
        Assert.True(await page.Locator("#search-results mark").CountAsync() > 0);
        Assert.Contains("人脸", string.Concat(await page.Locator("#search-results mark").AllTextContentsAsync()));
        var status = await page.Locator("#search-status").TextContentAsync();
        var total = SearchIndexReader.Open(web.Output, "zh").Rank(SearchQuery.Parse("人脸识别")).Count;
        Assert.Equal($"{total} 个结果", status);
        Assert.Equal("status", await page.Locator("#search-status").GetAttributeAsync("role"));
        Assert.Contains("q=%E4%BA%BA", page.Url);
    }

    [Fact]
    public async Task The_browser_scores_equal_the_CSharp_readers()
    {
        var page = await Open("/en/search/?q=" + Uri.EscapeDataString("facial recognition cameras"));
        await WaitForResults(page);
        var scores = (await page.Locator("#search-results .search-result").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.score)"))
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var expected = SearchIndexReader.Open(web.Output, "en").Search("facial recognition cameras", limit: 10).Select(h => h.Score).ToList();
        Assert.Equal(expected.Count, scores.Count);
        for (var i = 0; i < scores.Count; i++) Assert.True(Math.Abs(expected[i] - scores[i]) < 1e-6, $"{expected[i]} vs {scores[i]}");
    }

    [Fact]
    public async Task Show_more_lists_the_next_results_ranked_exactly_as_the_CSharp_reader_ranks_the_whole()
    {
        // a phrase query: its phrase is counted only for the documents the shown results need, so the next ten are
        // counted when asked for, and must still be those of the whole exact ranking, in its order
        const string query = "facial recognition";
        var page = await Open("/en/search/?q=" + Uri.EscapeDataString(query));
        await WaitForResults(page);
        var whole = SearchIndexReader.Open(web.Output, "en").Rank(SearchQuery.Parse(query));
        Assert.True(whole.Count > 10, $"only {whole.Count} results");
        Assert.Equal(10, await page.Locator("#search-results .search-result").CountAsync());
        await page.Locator("#search-results .search-more button").ClickAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#search-results .search-result').length === n", Math.Min(20, whole.Count));
        var shown = (await page.Locator("#search-results .search-result").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.score)"))
            .Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToList();
        var expected = SearchIndexReader.Open(web.Output, "en").Search(query, limit: 20);
        Assert.Equal(expected.Select(h => h.Title), await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
        for (var i = 0; i < shown.Count; i++)
        {
            Assert.True(Math.Abs(whole[i].Score - shown[i]) < 1e-6, $"result {i + 1}: {whole[i].Score} vs {shown[i]}");
            Assert.Equal(whole[i].Doc, expected[i].Doc);
        }
    }

    [Fact]
    public async Task Filters_narrow_the_results_and_are_kept_in_the_url()
    {
        var page = await Open("/en/search/?q=Noldus");
        await WaitForResults(page);
        var before = await page.Locator("#search-results .search-result").CountAsync();
        await page.SelectOptionAsync("#search-kind", "finding");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#search-results .search-result')].every(li => li.classList.contains('kind-finding'))");
        Assert.Contains("kind=finding", page.Url);
        await page.SelectOptionAsync("#search-year", "2012");
        await page.WaitForFunctionAsync("() => location.search.includes('year=2012')");
        var kinds = await page.Locator("#search-results .search-result").EvaluateAllAsync<string[]>("els => els.map(e => e.className)");
        Assert.All(kinds, k => Assert.Contains("kind-finding", k));
        Assert.True(kinds.Length < before);
        var expected = SearchIndexReader.Open(web.Output, "en").Search("Noldus", new SearchFilters("finding", null, 2012)).Select(h => h.Title);
        Assert.Equal(expected, await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
    }

    [Fact]
    public async Task A_url_with_a_query_and_filters_restores_the_form_and_the_results()
    {
        var page = await Open("/en/search/?q=cameras&company=axis");
        await WaitForResults(page);
        Assert.Equal("cameras", await page.Locator("#search-q").InputValueAsync());
        Assert.Equal("axis", await page.Locator("#search-company").InputValueAsync());
        var expected = SearchIndexReader.Open(web.Output, "en").Search("cameras", new SearchFilters(Company: "axis")).Select(h => h.Title);
        Assert.Equal(expected, await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
    }

    [Fact]
    public async Task Arrow_keys_move_between_the_box_and_the_results()
    {
        var page = await Open("/en/search/");
        await page.Locator("#search-q").FillAsync("Axis");
        await WaitForResults(page);
        await page.Locator("#search-q").PressAsync("ArrowDown");
        var links = page.Locator("#search-results .search-result h2 a");
        Assert.True(await links.Nth(0).EvaluateAsync<bool>("a => a === document.activeElement"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await links.Nth(1).EvaluateAsync<bool>("a => a === document.activeElement"));
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.True(await page.Locator("#search-q").EvaluateAsync<bool>("i => i === document.activeElement"));
        await page.Locator("#search-q").PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Escape");
        Assert.True(await page.Locator("#search-q").EvaluateAsync<bool>("i => i === document.activeElement"));
    }

    [Fact]
    public async Task The_header_box_of_any_page_leads_to_the_search_page_with_results()
    {
        var page = await Open("/en/companies/axis/");
        await page.Locator("#site-search-q").FillAsync("Skynet Guilin");
        await page.Locator(".site-search button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/en/search/"));
        await WaitForResults(page);
        Assert.Equal("Skynet Guilin", await page.Locator("#search-q").InputValueAsync());
    }

    [Fact]
    public async Task A_mixed_query_finds_documents_by_the_latin_and_the_chinese_words()
    {
        var page = await Open("/zh/search/?q=" + Uri.EscapeDataString("Axis 摄像头"));
        await WaitForResults(page);
        var first = await page.Locator("#search-results .search-result h2 a").First.TextContentAsync();
        Assert.Contains("摄像头", first);
    }

    [Fact]
    public async Task Without_javascript_the_page_explains_and_links_to_the_findings_and_lists()
    {
        var page = await Open("/en/search/?q=cameras", javaScript: false);
        var notice = page.Locator(".search-nojs");
        Assert.True(await notice.IsVisibleAsync());
        Assert.Contains("needs JavaScript", await notice.TextContentAsync());
        var hrefs = await notice.Locator("a").EvaluateAllAsync<string[]>("els => els.map(a => a.href)");
        Assert.Contains(hrefs, h => h.EndsWith("/en/findings/index.html", StringComparison.Ordinal));
        Assert.Contains(hrefs, h => h.EndsWith("/en/companies/index.html", StringComparison.Ordinal));
        Assert.Contains(hrefs, h => h.EndsWith("/en/findings/company/index.html", StringComparison.Ordinal)); // the facet pages
        Assert.Contains(hrefs, h => h.EndsWith("/en/findings/year/index.html", StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("#search-results li").CountAsync());
        Assert.False(await page.Locator("#search-q").IsVisibleAsync()); // a box that could not answer is not offered
        Assert.False(await page.Locator("#search-kind").IsVisibleAsync());
    }

    [Fact]
    public async Task The_language_switch_carries_the_query_the_filters_and_the_fragment_to_the_other_language()
    {
        var page = await Open("/en/search/?q=Noldus&kind=finding#results");
        await WaitForSettled(page, "q=Noldus&kind=finding");
        Assert.True(await page.Locator("#search-q").IsVisibleAsync());
        await page.SelectOptionAsync("#search-year", "2012");
        await WaitForSettled(page, "q=Noldus&kind=finding&year=2012");
        await page.Locator(".lang-switch a[hreflang='zh-Hans']").ClickAsync();
        await WaitForSettled(page, "q=Noldus&kind=finding&year=2012");
        Assert.EndsWith("/zh/search/index.html?q=Noldus&kind=finding&year=2012#results", page.Url);
        Assert.Equal("Noldus", await page.Locator("#search-q").InputValueAsync());
        Assert.Equal("2012", await page.Locator("#search-year").InputValueAsync());
        Assert.Equal(SearchIndexReader.Open(web.Output, "zh").Search("Noldus", new SearchFilters("finding", null, 2012)).Select(h => h.Title),
            await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
    }

    [Fact]
    public async Task A_search_requests_nothing_outside_the_site_and_only_the_shards_it_needs()
    {
        var context = await web.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync(web.BaseUrl + "/zh/search/");
        await page.Locator("#search-q").FillAsync("安讯士");
        await WaitForResults(page);
        await page.Locator("#search-q").FillAsync("诺达思");
        await page.WaitForFunctionAsync("() => document.querySelector('#search-results .search-result a')?.textContent.includes('诺达思')");
        Assert.All(requests, r => Assert.StartsWith(web.BaseUrl + "/", r));
        var shards = requests.Count(r => r.Contains("/search/zh/t/", StringComparison.Ordinal));
        var all = Directory.GetFiles(Path.Combine(web.Output, "search", "zh", "t"), "*.bin", SearchOption.AllDirectories).Length;
        Assert.InRange(shards, 1, Math.Min(4, all - 1));
        Assert.DoesNotContain(requests, r => r.Contains("facets.bin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_query_in_traditional_characters_lists_what_the_simplified_one_does_and_only_it_loads_the_table()
    {
        var context = await web.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync(web.BaseUrl + "/zh/search/");
        await page.Locator("#search-q").FillAsync("维吾尔");
        await WaitForSettled(page, "q=" + System.Net.WebUtility.UrlEncode("维吾尔"));
        Assert.DoesNotContain(requests, r => r.Contains("variants.bin", StringComparison.Ordinal));
        var simplified = await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync();

        await page.Locator("#search-q").FillAsync("維吾爾");
        await WaitForSettled(page, "q=" + System.Net.WebUtility.UrlEncode("維吾爾"));
        var expected = SearchIndexReader.Open(web.Output, "zh").Search("维吾尔", limit: 10).Select(h => h.Title).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, simplified);
        Assert.Equal(expected, await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
        Assert.Single(requests, r => r.Contains("/search/zh/variants.bin", StringComparison.Ordinal));
        Assert.Contains("维吾尔", string.Concat(await page.Locator("#search-results mark").AllTextContentsAsync()));
    }

    [Theory]
    [InlineData("en", "emotion recognition")]
    [InlineData("zh", "人脸识别 recognition")]
    public async Task Typing_letter_by_letter_asks_only_for_files_that_exist_reuses_them_and_logs_no_error(string lang, string query)
    {
        var context = await web.Browser.NewContextAsync();
        await using var tab = new BrowserTab(context, await context.NewPageAsync());
        var page = tab.Page;
        await page.GotoAsync(web.BaseUrl + $"/{lang}/search/");
        await page.Locator("#search-q").PressSequentiallyAsync(query, new() { Delay = 40 });
        await WaitForSettled(page, "q=" + System.Net.WebUtility.UrlEncode(query));
        Assert.Empty(tab.Errors);
        Assert.All(tab.Responses, r => Assert.True(r.Status == 200, $"{r.Url}: {r.Status}"));
        var shards = tab.Responses.Where(r => r.Url.Contains($"/search/{lang}/t/", StringComparison.Ordinal)).Select(r => r.Url).ToList();
        Assert.Equal(shards.Distinct().Count(), shards.Count); // each shard once, however many letters were typed
        var expected = SearchIndexReader.Open(web.Output, lang).Search(query, limit: 10).Select(h => h.Title).ToList();
        Assert.Equal(expected, await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
    }

    [Fact]
    public async Task The_client_loads_its_stemmer_and_typo_correction_only_for_queries_that_use_them()
    {
        var context = await web.Browser.NewContextAsync();
        await using var tab = new BrowserTab(context, await context.NewPageAsync());
        var page = tab.Page;
        int Loaded(string part) => tab.Responses.Count(r => r.Url.Contains("/assets/theme/js/" + part + ".", StringComparison.Ordinal));

        // A Chinese query runs on the core alone.
        await page.GotoAsync(web.BaseUrl + "/zh/search/?q=" + Uri.EscapeDataString("人脸识别"));
        await WaitForSettled(page, "q=" + System.Net.WebUtility.UrlEncode("人脸识别"));
        Assert.Equal(SearchIndexReader.Open(web.Output, "zh").Search("人脸识别", limit: 10).Select(h => h.Title),
            await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
        Assert.Equal(1, Loaded("search"));
        Assert.Equal((0, 0), (Loaded("search-stem"), Loaded("search-typos")));

        // A number is no word of letters: the stemmer leaves it as it is, so it is not loaded for it either.
        await page.Locator("#search-q").FillAsync("人脸识别 2015");
        await WaitForSettled(page, "q=" + System.Net.WebUtility.UrlEncode("人脸识别 2015"));
        var withYear = SearchIndexReader.Open(web.Output, "zh").Search("人脸识别 2015", limit: 10).Select(h => h.Title).ToList();
        Assert.NotEmpty(withYear);
        Assert.Equal(withYear, await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
        Assert.Equal((0, 0), (Loaded("search-stem"), Loaded("search-typos")));

        // A word of letters needs the stemmer; one that finds everything needs no correction.
        await page.Locator("#search-q").FillAsync("Axis");
        await WaitForSettled(page, "q=Axis");
        Assert.Equal((1, 0), (Loaded("search-stem"), Loaded("search-typos")));

        // A misspelt word loads the typo correction.
        await page.Locator("#search-q").FillAsync("Noldis");
        await WaitForSettled(page, "q=Noldis");
        Assert.Contains("Noldus", await page.Locator("#search-status").TextContentAsync());
        Assert.Equal((1, 1), (Loaded("search-stem"), Loaded("search-typos")));
        Assert.Empty(tab.Errors);
        Assert.All(tab.Responses, r => Assert.True(r.Status == 200, $"{r.Url}: {r.Status}"));
    }

    [Fact]
    public async Task A_Chinese_result_shows_its_text_as_written_with_its_kind_company_and_years_as_chips()
    {
        var context = await web.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(web.BaseUrl + "/zh/search/?q=" + Uri.EscapeDataString("桂林"));
        await WaitForSettled(page, "q=" + System.Net.WebUtility.UrlEncode("桂林"));
        var excerpts = await page.Locator("#search-results .search-excerpt").AllTextContentsAsync();
        var all = string.Concat(excerpts);
        Assert.Contains("，", all);
        Assert.Contains("（", all);
        Assert.Contains("）", all);
        Assert.DoesNotContain("<", all);
        Assert.Contains("桂林", string.Concat(await page.Locator("#search-results mark").AllTextContentsAsync()));
        // A finding's excerpt is its summary: the company's name is a chip, not the excerpt's first words.
        var finding = page.Locator("#search-results .search-result.kind-finding").First;
        Assert.DoesNotMatch("^安讯士（Axis Communications）", await finding.Locator(".search-excerpt").TextContentAsync() ?? "");
        var chips = await finding.Locator(".search-meta .tag").AllTextContentsAsync();
        Assert.Equal(["类型: 调查发现", "公司: 安讯士（Axis Communications）"], chips.Take(2).Select(c => c.Trim()));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("en", "Noldis", "Showing results for Noldus.")]
    [InlineData("zh", "Noldis", "以下是“Noldus”的搜索结果。")]
    public async Task A_misspelt_word_shows_the_results_of_the_corrected_query_and_says_so(string lang, string query, string said)
    {
        var context = await web.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(web.BaseUrl + $"/{lang}/search/?q=" + query);
        await WaitForSettled(page, "q=" + query);
        var found = SearchIndexReader.Open(web.Output, lang).Find(query);
        Assert.Equal("Noldus", found.Corrected);
        Assert.EndsWith(said, await page.Locator("#search-status").TextContentAsync());
        Assert.Equal(found.Hits.Select(h => h.Title), await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
        await page.Locator("#search-status a").ClickAsync();
        await WaitForSettled(page, "q=Noldus");
        Assert.Equal("Noldus", await page.Locator("#search-q").InputValueAsync());
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("en", "Noldus zebra", "No result holds all the words")]
    [InlineData("zh", "诺达思 斑马", "没有同时包含所有词语的结果")]
    public async Task When_no_result_holds_every_word_the_list_says_it_shows_those_holding_any(string lang, string query, string label)
    {
        var page = await Open($"/{lang}/search/?q=" + Uri.EscapeDataString(query));
        await WaitForSettled(page, "q=" + System.Net.WebUtility.UrlEncode(query));
        var reader = SearchIndexReader.Open(web.Output, lang);
        var ranking = reader.Rank(SearchQuery.Parse(query));
        Assert.True(ranking.AnyWord);
        var status = await page.Locator("#search-status").TextContentAsync();
        Assert.Contains(label, status);
        Assert.Contains(ranking.Count.ToString(CultureInfo.InvariantCulture), status);
        Assert.Equal(reader.Search(query).Select(h => h.Title), await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
    }

    [Fact]
    public async Task A_filter_that_leaves_the_shown_results_as_they_were_does_not_replace_the_links_under_the_pointer()
    {
        var page = await Open("/en/search/?q=FaceReader&kind=finding");
        await WaitForSettled(page, "q=FaceReader&kind=finding");
        await page.EvaluateAsync("() => { window.firstLink = document.querySelector('#search-results .search-result a'); }");
        // Every FaceReader finding is Noldus's: the company filter changes the query, not the list.
        await page.SelectOptionAsync("#search-company", "noldus");
        await WaitForSettled(page, "q=FaceReader&kind=finding&company=noldus");
        Assert.True(await page.EvaluateAsync<bool>("() => window.firstLink.isConnected"));
        Assert.Equal(SearchIndexReader.Open(web.Output, "en").Search("FaceReader", new SearchFilters("finding", "noldus", null)).Select(h => h.Title),
            await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
    }

    [Fact]
    public async Task From_disk_a_query_loads_only_the_script_packs_holding_the_files_it_needs_each_once()
    {
        // The sample's index fits one pack a language: cut into packs of 3 KB, a query needs a few of many, found by the
        // manifest's first paths.
        var copy = Path.Combine(Path.GetTempPath(), "campaign-packs-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Campaign.Tests.Workflow.CampaignCopy.CopyDir(web.Output, copy);
            var dir = Path.Combine(copy, "search", "en");
            Directory.Delete(dir, recursive: true);
            var files = new IncrementalIndex(IndexFormat.DocsPerShard, packBytes: 3_000).Build(web.Corpora.Single(c => c.Lang == "en"), packs: true);
            foreach (var file in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, file.Path))!);
                File.WriteAllBytes(Path.Combine(dir, file.Path), file.Bytes);
            }
            var packCount = files.Count(f => f.Path.StartsWith("packs/", StringComparison.Ordinal));
            Assert.True(packCount >= 8, $"{packCount} packs");

            var context = await web.Browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var requests = new List<string>();
            page.Request += (_, r) => requests.Add(r.Url);
            await page.GotoAsync(new Uri(Path.Combine(copy, "en", "search", "index.html")).AbsoluteUri + "?q=" + Uri.EscapeDataString("facial recognition cameras"));
            await WaitForResults(page);
            var expected = SearchIndexReader.Open(copy, "en").Search("facial recognition cameras", limit: 10).Select(h => h.Title).ToList();
            Assert.Equal(expected, await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
            var packs = requests.Where(r => r.Contains("/search/en/packs/", StringComparison.Ordinal)).ToList();
            Assert.InRange(packs.Count, 2, packCount - 1);
            Assert.Equal(packs.Distinct().Count(), packs.Count);
            await context.CloseAsync();
        }
        finally
        {
            try { Directory.Delete(copy, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Search_works_from_a_copy_opened_from_disk_with_filters_and_result_links()
    {
        var context = await web.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        var errors = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        var root = new Uri(Path.GetFullPath(web.Output) + "/").AbsoluteUri;
        await page.GotoAsync(root + "zh/search/index.html?q=" + Uri.EscapeDataString("人脸识别"));
        await WaitForResults(page);
        var expected = SearchIndexReader.Open(web.Output, "zh").Search("人脸识别", limit: 10).Select(h => h.Title).ToList();
        Assert.Equal(expected, await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());

        // Filters need facets.bin, which comes through its script pack too.
        await page.SelectOptionAsync("#search-kind", "finding");
        // Wait for the filtered list itself (the page says which query and filters it shows), not for a list that only
        // looks filtered: the click below must land on the list that stays.
        await WaitForSettled(page, "q=" + System.Net.WebUtility.UrlEncode("人脸识别") + "&kind=finding");
        var filtered = SearchIndexReader.Open(web.Output, "zh").Search("人脸识别", new SearchFilters("finding", null, null)).Select(h => h.Title);
        Assert.Equal(filtered, await page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());

        // Listen for the navigation before clicking, so a fast file:// commit cannot come before the waiter.
        var navigated = page.WaitForURLAsync(u => u.Contains("/zh/findings/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#search-results .search-result h2 a").First.ClickAsync();
        await navigated;
        Assert.StartsWith(root, page.Url);
        Assert.All(requests, r => Assert.StartsWith("file://", r));
        Assert.Contains(requests, r => r.EndsWith("/search/zh/manifest.js", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, r => r.EndsWith(".bin", StringComparison.Ordinal));
        // every index file came out of a script pack, each pack loaded once
        var packs = requests.Where(r => r.Contains("/search/zh/packs/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(packs);
        Assert.Equal(packs.Distinct().Count(), packs.Count);

        // The header box of any page leads there from disk too (the form's action is the search page's file).
        await page.GotoAsync(root + "en/companies/axis/index.html");
        await page.Locator("#site-search-q").FillAsync("Skynet Guilin");
        await page.Locator(".site-search button").ClickAsync();
        // Wait for the new page's results, not its load event: a file:// page can finish loading before a
        // load-state waiter is attached, which then waits out its timeout.
        await page.WaitForURLAsync(u => u.StartsWith(root + "en/search/index.html?", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await WaitForResults(page);
        Assert.Equal("Skynet Guilin", await page.Locator("#search-q").InputValueAsync());
        Assert.Empty(errors);
    }
}
