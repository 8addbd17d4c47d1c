using System.Globalization;
using System.Text.Json;
using Campaign.Search.Reading;

namespace Campaign.Cli.Commands;

/// <summary><c>campaign search</c>: queries the built index exactly as the browser client does.</summary>
public sealed class SearchCommand : ICommand
{
    public string Name => "search";
    public string Summary => "query the built search index as the browser does";

    public string Usage => """
        Usage: campaign search "<query>" --lang CODE [options]

        Ranks the documents of a built site's search index (output/search/<lang>/) for a query,
        with the same analysis and scores as the search page in the browser.

        Options:
          --lang CODE      the language edition to search (en, zh, …); required
          --output DIR     the built site (default: output)
          --kind KIND      only finding, report, company, update or page
          --company SLUG   only documents about this company
          --year YEAR      only documents covering this year
          --limit N        how many results to print (default: 10)
          --json           print a JSON array of {url, title, kind, score}
          --help           show this help

        Exit codes: 0 searched (even with no results), 1 no index or a broken one, 2 usage errors.
        """;

    public static readonly string[] Valued = ["--lang", "--output", "--kind", "--company", "--year", "--limit"];
    public static readonly string[] Switches = ["--json"];

    public int Run(IReadOnlyList<string> args, Console console)
    {
        var a = Arguments.Parse(args, Valued, Switches);
        if (a.Positional.Count != 1) throw new UsageException("give one query, in quotes if it has spaces.");
        var lang = a.Value("--lang") ?? throw new UsageException("--lang is required (for example --lang en).");
        var output = a.Value("--output") ?? "output";
        var limit = Number(a.Value("--limit"), "--limit") ?? 10;
        var filters = new SearchFilters(a.Value("--kind"), a.Value("--company"), Number(a.Value("--year"), "--year"));
        if (!File.Exists(Path.Combine(output, "search", lang, "manifest.json")))
        {
            console.Error.WriteLine(Console.Visible($"campaign search: there is no search index for `{lang}` in {output}/ (looked for {output}/search/{lang}/manifest.json); run `campaign build` first."));
            return 1;
        }
        IReadOnlyList<SearchHit> hits;
        bool anyWord;
        string? corrected;
        try
        {
            var found = SearchIndexReader.Open(output, lang).Find(a.Positional[0], filters, limit);
            (hits, anyWord, corrected) = (found.Hits, found.AnyWord, found.Corrected);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            console.Error.WriteLine(Console.Visible($"campaign search: the index in {output}/search/{lang}/ cannot be read: {ex.Message}"));
            return 1;
        }

        if (a.Has("--json"))
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, MachineJson.Writer))
            {
                json.WriteStartArray();
                foreach (var h in hits)
                {
                    json.WriteStartObject();
                    json.WriteString("url", h.Url);
                    json.WriteString("title", h.Title);
                    json.WriteString("kind", h.Kind);
                    json.WriteNumber("score", h.Score);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return 0;
        }
        if (hits.Count == 0) console.Out.WriteLine("No results.");
        if (corrected is not null) console.Out.WriteLine(Console.Visible($"Showing results for {corrected}."));
        if (anyWord) console.Out.WriteLine("No result holds all the words; these hold some of them:");
        for (var i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            console.Out.WriteLine($"{i + 1,3}. {h.Score.ToString("0.000000", CultureInfo.InvariantCulture)}  {h.Kind,-8} {h.Title}");
            console.Out.WriteLine($"     {h.Url}");
        }
        return 0;
    }

    private static int? Number(string? text, string flag) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new UsageException($"{flag} `{text}` is not a positive whole number.");
}
