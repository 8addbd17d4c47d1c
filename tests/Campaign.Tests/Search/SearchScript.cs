using System.Globalization;
using Campaign.Search.Index;
using Campaign.Tests.Support;
using Jint;
using Jint.Native;

namespace Campaign.Tests.Search;

/// <summary>The real theme/static/js/search.js, run under Jint, fed with index files a C# build wrote.</summary>
public sealed class SearchScript
{
    private readonly Engine _engine = new();

    public SearchScript()
    {
        // The script and its parts as published (minified by the build), so these tests also prove the minifier changes
        // nothing; the parts run after it, as the page loads them, and provide the stemmer and the typo correction.
        foreach (var file in new[] { "search.js", "search-stem.js", "search-typos.js" })
        {
            var diagnostics = new Campaign.Core.Diagnostics.DiagnosticList();
            var published = Campaign.Site.Rendering.Minified.Of("js/" + file, File.ReadAllBytes(Repo.Path_("theme", "static", "js", file)), file, diagnostics);
            Assert.Equal(0, diagnostics.Count);
            _engine.Execute(System.Text.Encoding.UTF8.GetString(published));
        }
        _engine.Execute("globalThis.__terms = (text) => CampaignSearch.analyze(text).map((t) => t.term + '@' + t.position).join(' ');");
        _engine.Execute("""
            globalThis.__rank = (manifestJson, query, shardIds, shardBytes, facets, norms, top, kind, company, year) => {
              const m = JSON.parse(manifestJson);
              const shards = new Map();
              for (let i = 0; i < shardIds.length; i++) shards.set(shardIds[i], CampaignSearch.parseTermShard(shardBytes[i]));
              const f = facets ? CampaignSearch.parseFacets(facets) : null;
              const ranking = CampaignSearch.rank(m, CampaignSearch.parseQuery(query), shards, f, { kind, company, year }, CampaignSearch.parseNorms(norms));
              // as the page's search(): the document shards of the documents the best `top` still need, until none
              const asked = [];
              for (let need = CampaignSearch.unchecked(ranking, top); need.length > 0; need = CampaignSearch.unchecked(ranking, top)) {
                const shardsOf = [...new Set(need.map((d) => Math.floor(d / m.docsPerShard)))];
                asked.push(...shardsOf);
                CampaignSearch.check(ranking, shardsOf.flatMap((s) => CampaignSearch.parseDocShard(__docShard(s), m, s)));
              }
              globalThis.__asked = asked.length;
              return (ranking.anyWord ? 'any ' : 'all ') + ranking.hits.slice(0, top).map((h) => h.doc + ':' + h.score).join(' ');
            };
            globalThis.__corrected = (manifestJson, query, shardIds, shardBytes) => {
              const shards = new Map();
              for (let i = 0; i < shardIds.length; i++) shards.set(shardIds[i], CampaignSearch.parseTermShard(shardBytes[i]));
              return CampaignSearch.corrected(JSON.parse(manifestJson), query, shards);
            };
            globalThis.__needsVariants = (manifestJson, query, shardIds, shardBytes) => {
              const shards = new Map();
              for (let i = 0; i < shardIds.length; i++) shards.set(shardIds[i], CampaignSearch.parseTermShard(shardBytes[i]));
              return CampaignSearch.needsVariants(JSON.parse(manifestJson), CampaignSearch.parseQuery(query), shards);
            };
            globalThis.__useVariants = (bytes) => CampaignSearch.useVariants(bytes);
            globalThis.__termsOf = (bytes) => [...CampaignSearch.parseTermShard(bytes).keys()].join('\n');
            globalThis.__shards = (manifestJson, query) => CampaignSearch.shardsFor(JSON.parse(manifestJson), CampaignSearch.parseQuery(query));
            """);
    }

    /// <summary>search.js's analysis as "term@position" words.</summary>
    public string Terms(string text) => _engine.Invoke("__terms", text).AsString();

    /// <summary>Runs something on the script's engine (its helpers are globals: <c>__termsOf</c>, <c>__rank</c>).</summary>
    public T Engine<T>(Func<Engine, T> run) => run(_engine);

    public JsValue Bytes(byte[] bytes) => _engine.Intrinsics.Uint8Array.Construct(bytes);

    /// <summary>Whether the last <see cref="Rank"/> fell back to documents holding any word.</summary>
    public bool AnyWord { get; private set; }

    /// <summary>search.js's corrected query (from the shards the query itself reads), or null.</summary>
    public string? Corrected(string indexDir, string query)
    {
        var ids = Shards(indexDir, query);
        var bytes = ids.Select(i => Bytes(IndexFormat.Inflate(File.ReadAllBytes(Path.Combine(indexDir, IndexFormat.TermShardPath(i)))))).ToArray();
        var result = _engine.Invoke("__corrected", File.ReadAllText(Path.Combine(indexDir, "manifest.json")), query,
            new Jint.Native.JsArray(_engine, ids.Select(i => (JsValue)i).ToArray()), new Jint.Native.JsArray(_engine, bytes));
        return result.IsNull() ? null : result.AsString();
    }

    /// <summary>Whether search.js asks for the variants table before ranking this query (a Chinese word its shard lacks).</summary>
    public bool NeedsVariants(string indexDir, string query)
    {
        var shardIds = Shards(indexDir, query);
        return _engine.Invoke("__needsVariants", File.ReadAllText(Path.Combine(indexDir, "manifest.json")), query,
            new Jint.Native.JsArray(_engine, shardIds.Select(i => (JsValue)i).ToArray()),
            new Jint.Native.JsArray(_engine, [.. shardIds.Select(i => Bytes(IndexFormat.Inflate(File.ReadAllBytes(Path.Combine(indexDir, IndexFormat.TermShardPath(i))))))])).AsBoolean();
    }

    /// <summary>Hands search.js the index's Traditional-to-Simplified table, as the page does once a Chinese word is missing.</summary>
    public void UseVariants(string indexDir) =>
        _engine.Invoke("__useVariants", Bytes(IndexFormat.Inflate(File.ReadAllBytes(Path.Combine(indexDir, "variants.bin")))));

    /// <summary>The term shards search.js reads for a query.</summary>
    public IReadOnlyList<int> Shards(string indexDir, string query) =>
        [.. _engine.Invoke("__shards", File.ReadAllText(Path.Combine(indexDir, "manifest.json")), query).AsArray().Select(v => (int)v.AsNumber())];

    /// <summary>How many document shards the last <see cref="Rank"/> read to count phrases.</summary>
    public int DocShardsRead => (int)_engine.GetValue("__asked").AsNumber();

    /// <summary>
    /// Ranks a query with search.js over the index folder: (doc, score) best first, the best <paramref name="top"/>
    /// (all by default) exactly, as the page does. Reads only the shards the query needs, as the browser does, and hands
    /// over the variants table when the script asks for it, as the page does.
    /// </summary>
    public IReadOnlyList<(int Doc, double Score)> Rank(string indexDir, string query, string? kind = null, string? company = null, int? year = null, int? top = null)
    {
        _engine.SetValue("__docShard", new Func<int, JsValue>(s => Bytes(IndexFormat.Inflate(File.ReadAllBytes(Path.Combine(indexDir, IndexFormat.DocShardPath(s)))))));
        var manifest = File.ReadAllText(Path.Combine(indexDir, "manifest.json"));
        if (NeedsVariants(indexDir, query)) UseVariants(indexDir);
        var shardIds = Shards(indexDir, query);
        // search.js asks only for files that exist
        Assert.All(shardIds, i => Assert.True(File.Exists(Path.Combine(indexDir, IndexFormat.TermShardPath(i))), IndexFormat.TermShardPath(i) + " is missing"));
        // the files are stored gzipped; the browser inflates them in openIndex, this harness in C#
        var bytes = shardIds.Select(i => Bytes(IndexFormat.Inflate(File.ReadAllBytes(Path.Combine(indexDir, IndexFormat.TermShardPath(i)))))).ToArray();
        var filtered = kind is not null || company is not null || year is not null;
        var facets = filtered ? Bytes(IndexFormat.Inflate(File.ReadAllBytes(Path.Combine(indexDir, "facets.bin")))) : JsValue.Null;
        var result = _engine.Invoke("__rank", manifest, query,
            new Jint.Native.JsArray(_engine, shardIds.Select(i => (JsValue)i).ToArray()),
            new Jint.Native.JsArray(_engine, bytes), facets, Bytes(IndexFormat.Inflate(File.ReadAllBytes(Path.Combine(indexDir, IndexFormat.NormsPath)))),
            top is { } t ? t : double.PositiveInfinity,
            kind ?? (JsValue)JsValue.Undefined, company ?? (JsValue)JsValue.Undefined, year is null ? JsValue.Undefined : (JsValue)year.Value).AsString();
        AnyWord = result.StartsWith("any ", StringComparison.Ordinal);
        return [.. result[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var parts = p.Split(':');
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        })];
    }
}
