// Campaign site search: the browser client of the static index written by Campaign.Search (its core; the Porter
// stemmer and the typo correction are parts loaded on demand: search-stem.js, search-typos.js).
// No dependencies, no build step. The analysis and ranking below reproduce, step for step, what the C#
// side does (SiteTokenizer → CJKBigramFilter → lower case → stop words → Porter; BM25 as Lucene 4.8 with
// quantised lengths; exact-phrase clauses), so C# and this file rank the same documents in the same order.
// The index format is described in src/Campaign.Search/README.md.
(function () {
  'use strict';

  const VERSION = 7;
  const K1 = 1.2;
  const B = 0.75;

  // Lucene's StopAnalyzer.ENGLISH_STOP_WORDS_SET.
  const STOP = new Set(('a an and are as at be but by for if in into is it no not of on or such that the their then ' +
    'there these they this to was will with').split(' '));

  // Traditional-only characters and their Simplified forms (ChineseVariants.cs), the index's own table: loaded
  // only once a query holds a Chinese word the index lacks (openIndex), then applied to every text analysed.
  let variants = null;
  function simplified(text) {
    if (!variants) return text;
    let out = '';
    for (const ch of text) out += variants.get(ch) || ch;
    return out;
  }
  function parseVariants(bytes) {
    const chars = [...utf8Decode(bytes, 0, bytes.length)];
    const map = new Map();
    for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i], chars[i + 1]);
    return map;
  }

  /** Han as SearchText.IsHan: CJK unified ideographs, extensions, compatibility ideographs. */
  function isHan(cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
  }
  const WORD = /[\p{L}\p{Nd}]/u;

  // Parts of the client loaded on demand (search-stem.js, search-typos.js), so a query downloads only the code it
  // runs: each part calls provide(name, implementation) as it runs; part(name) loads it once (a script element, which
  // works from file:// as well) and resolves with the implementation. The page names the parts' files (partUrl).
  const provided = new Map();
  const arriving = new Map();
  let partUrl = () => null;
  function provide(name, implementation) { provided.set(name, implementation); }
  function part(name) {
    if (provided.has(name)) return Promise.resolve(provided.get(name));
    if (!arriving.has(name)) {
      arriving.set(name, new Promise((resolve, reject) => {
        const url = partUrl(name);
        if (!url || typeof document === 'undefined') { arriving.delete(name); reject(new Error('search part ' + name + ' is not available')); return; }
        const script = document.createElement('script');
        script.src = url;
        script.onload = () => { script.remove(); if (provided.has(name)) resolve(provided.get(name)); else { arriving.delete(name); reject(new Error(url + ': not a search part')); } };
        script.onerror = () => { script.remove(); arriving.delete(name); reject(new Error(url + ': missing')); };
        document.head.append(script);
      }));
    }
    return arriving.get(name);
  }

  /**
   * Whether the text holds a letter that is not Han: the words the Porter stemmer (search-stem.js) changes. A word of
   * digits alone (示例视觉1) needs no stemmer: every rule of Porter's tests letters, so it stays as it is.
   */
  const LETTER = /\p{L}/u;
  function hasWordOfLetters(text) {
    for (const ch of text.normalize('NFKC')) if (!isHan(ch.codePointAt(0)) && LETTER.test(ch)) return true;
    return false;
  }

  /**
   * A word of letters stemmed by the Porter stemmer, which must be loaded (search() loads it before analysing a query
   * holding such a word); loose (excerpts of a Chinese query's results) gives null instead: a term no Han term equals.
   */
  function stemOf(word, loose) {
    const stem = provided.get('stem');
    if (stem) return stem(word);
    if (!LETTER.test(word)) return word;
    if (loose) return null;
    throw new Error('the stemmer (search-stem.js) is not loaded');
  }

  /**
   * Analyses text as SearchAnalyzer does.
   * @param {string} text
   * @param {boolean} [loose] leave words of letters unstemmed (term null) while the stemmer is not loaded
   * @returns {{term: string, position: number, han: boolean, start: number, end: number}[]}
   */
  function analyze(text, loose = false) {
    text = simplified(text.normalize('NFKC'));
    // 1. tokenise: word runs, and single Han characters
    const raw = [];
    let i = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i);
      const len = cp > 0xFFFF ? 2 : 1;
      if (isHan(cp)) { raw.push({ text: text.slice(i, i + len), start: i, end: i + len, han: true }); i += len; continue; }
      if (!WORD.test(String.fromCodePoint(cp))) { i += len; continue; }
      const start = i;
      while (i < text.length) {
        const c = text.codePointAt(i);
        if (isHan(c) || !WORD.test(String.fromCodePoint(c))) break;
        i += c > 0xFFFF ? 2 : 1;
      }
      raw.push({ text: text.slice(start, i), start, end: i, han: false });
    }
    // 2. CJK bigrams: adjacent (contiguous) Han characters pair up; a lone one stays
    const tokens = [];
    for (let k = 0; k < raw.length; k++) {
      const t = raw[k];
      if (!t.han) { tokens.push(t); continue; }
      let e = k;
      while (e + 1 < raw.length && raw[e + 1].han && raw[e + 1].start === raw[e].end) e++;
      if (e === k) tokens.push({ text: t.text, start: t.start, end: t.end, han: true });
      else for (let p = k; p < e; p++) tokens.push({ text: raw[p].text + raw[p + 1].text, start: raw[p].start, end: raw[p + 1].end, han: true });
      k = e;
    }
    // 3. lower case, stop words (leaving position gaps), Porter stemmer
    const out = [];
    let position = -1;
    let gap = 0;
    for (const t of tokens) {
      const lower = t.text.toLowerCase();
      if (STOP.has(lower)) { gap++; continue; }
      position += 1 + gap;
      gap = 0;
      out.push({ term: t.han ? lower : stemOf(lower, loose), position, han: t.han, start: t.start, end: t.end });
    }
    return out;
  }


  // As SearchQuery: the shortest word matched as a prefix, the shards read for it, the terms it stands for, their weight.
  const MIN_PREFIX = 3;
  const PREFIX_SHARDS = 2;
  const MAX_EXPANSIONS = 16;
  const PREFIX_WEIGHT = 0.5;

  /**
   * The query, as SearchQuery.Parse: distinct terms, phrases (runs of 2+ terms of one script) with offsets, and the
   * last word as a prefix when it ends the text (still being typed), is not Han and has MIN_PREFIX characters or more.
   * @param {string} text
   * @param {boolean} [asYouType]
   * @param {boolean} [withCompounds] whether compounds match written apart and adjacent words written together
   */
  function parseQuery(text, asYouType = true, withCompounds = true) {
    const normalized = simplified(text.normalize('NFKC'));
    const tokens = analyze(text);
    const terms = [...new Set(tokens.map((t) => t.term))];
    const phrases = [];
    let start = 0;
    for (let i = 1; i <= tokens.length; i++) {
      if (i < tokens.length && tokens[i].han === tokens[start].han) continue;
      if (i - start >= 2) phrases.push(tokens.slice(start, i).map((t) => ({ term: t.term, offset: t.position - tokens[start].position })));
      start = i;
    }
    // compounds are of letters: their code comes with the stemmer (search-stem.js), which such a query loads first
    const compounds = withCompounds && provided.has('compounds') ? provided.get('compounds')(normalized, tokens) : [];
    let prefix = null;
    const last = tokens[tokens.length - 1];
    if (asYouType && last && !last.han && last.end === normalized.length && last.end - last.start >= MIN_PREFIX) {
      prefix = { text: normalized.slice(last.start, last.end).toLowerCase(), term: last.term };
    }
    return { terms, phrases, prefix, compounds };
  }

  function utf8Decode(bytes, at, end) {
    let s = '';
    while (at < end) {
      const c = bytes[at++];
      let cp;
      if (c < 0x80) cp = c;
      else if (c < 0xE0) cp = ((c & 31) << 6) | (bytes[at++] & 63);
      else if (c < 0xF0) { cp = ((c & 15) << 12) | ((bytes[at] & 63) << 6) | (bytes[at + 1] & 63); at += 2; }
      else { cp = ((c & 7) << 18) | ((bytes[at] & 63) << 12) | ((bytes[at + 1] & 63) << 6) | (bytes[at + 2] & 63); at += 3; }
      s += String.fromCodePoint(cp);
    }
    return s;
  }

  // Shards per folder (IndexFormat.ShardsPerFolder): no folder of the index holds more than this many files.
  const SHARDS_PER_FOLDER = 1024;

  /** The path of shard n of the term (folder 't') or document ('d') shards, as IndexFormat.ShardPath: t/<n / 1024>/<n % 1024>.bin, in hex. */
  function shardPath(folder, n) {
    return folder + '/' + Math.floor(n / SHARDS_PER_FOLDER).toString(16) + '/' + (n % SHARDS_PER_FOLDER).toString(16) + '.bin';
  }

  /** The term shard whose range can hold the term (TermRanges.ShardOf): the last whose start sorts at or before it. */
  function shardOf(starts, term) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** The shards a prefix's terms are read from: the first PREFIX_SHARDS of those its range spans. */
  function prefixShards(starts, prefix) {
    const first = shardOf(starts, prefix);
    const last = Math.min(shardOf(starts, prefix + '\uffff'), first + PREFIX_SHARDS - 1);
    const ids = [];
    for (let s = first; s <= last; s++) ids.push(s);
    return ids;
  }

  /** Every term shard a query reads: one per term, and the prefix's; each exists (the manifest lists their ranges). */
  function shardsFor(manifest, query) {
    if (manifest.termStarts.length === 0) return [];
    const ids = query.terms.concat(query.compounds.flatMap((c) => c.instead)).map((t) => shardOf(manifest.termStarts, t));
    if (query.prefix) ids.push(...prefixShards(manifest.termStarts, query.prefix.text));
    return [...new Set(ids)].sort((a, b) => a - b);
  }

  /** Whether the query holds a Chinese word its term shard lacks while the index's variants table is not loaded yet. */
  function needsVariants(manifest, query, shards) {
    return !variants && manifest.variants > 0 &&
      query.terms.some((t) => isHan(t.codePointAt(0)) && !shards.get(shardOf(manifest.termStarts, t)).has(t));
  }

  /** A cursor over an index file: varints, bytes, strings; checks magic and version. */
  function reader(bytes, magic) {
    let at = 0;
    const r = {
      get at() { return at; },
      set at(v) { at = v; },
      byte() { if (at >= bytes.length) throw new Error('index file is truncated'); return bytes[at++]; },
      varint() {
        let result = 0;
        let mul = 1;
        for (;;) { const b = r.byte(); result += (b & 0x7f) * mul; if (b < 0x80) return result; mul *= 128; }
      },
      string() { const n = r.varint(); const s = utf8Decode(bytes, at, at + n); at += n; return s; },
    };
    for (let i = 0; i < magic.length; i++) if (r.byte() !== magic.charCodeAt(i)) throw new Error('not a search index file');
    const version = r.byte();
    if (version !== VERSION) throw new Error('search index version ' + version + ', this client reads ' + VERSION);
    return r;
  }

  /** A term shard: term → the bytes of its postings block (decoded when a query asks for the term). */
  function parseTermShard(bytes) {
    const r = reader(bytes, 'CST');
    const terms = new Map();
    const count = r.varint();
    for (let i = 0; i < count; i++) {
      const term = r.string();
      const length = r.varint();
      terms.set(term, [bytes, r.at, length]);
      r.at += length;
    }
    return terms;
  }

  /** Postings per field id: [{doc, tf}] in doc order. */
  function decodePostings(entry) {
    const result = new Map();
    if (!entry) return result;
    const [bytes, start, length] = entry;
    const sub = bytes.subarray ? bytes.subarray(start, start + length) : bytes.slice(start, start + length);
    let at = 0;
    const byte = () => sub[at++];
    const varint = () => { let v = 0; let mul = 1; for (;;) { const b = byte(); v += (b & 0x7f) * mul; if (b < 0x80) return v; mul *= 128; } };
    // A packed column (ByteWriter.Column): byte bits (0: varints), the values `bits` each, low bits first, then the
    // rest of each value that reached the top, as varints.
    const column = (count) => {
      const bits = byte();
      const values = new Array(count);
      if (bits === 0) { for (let i = 0; i < count; i++) values[i] = varint(); return values; }
      const max = (1 << bits) - 1;
      const perByte = 8 / bits;
      for (let i = 0; i < count; i++) values[i] = (sub[at + Math.floor(i / perByte)] >> (i % perByte * bits)) & max;
      at += Math.ceil(count / perByte);
      for (let i = 0; i < count; i++) if (values[i] === max) values[i] += varint();
      return values;
    };
    const fields = byte();
    for (let f = 0; f < fields; f++) {
      const field = byte();
      const df = varint();
      // column by column: the documents skipped before each, then each tf − 1 (norms are in norms.bin, positions
      // found in the documents' texts)
      const gaps = column(df);
      const tfs = column(df);
      const list = new Array(df);
      let doc = -1;
      for (let i = 0; i < df; i++) list[i] = { doc: doc += gaps[i] + 1, tf: tfs[i] + 1 };
      result.set(field, list);
    }
    return result;
  }

  /** A document shard: each document's metadata, excerpt, and its fields' texts as the index analysed them. */
  function parseDocShard(bytes, manifest, shard) {
    const r = reader(bytes, 'CSD');
    const count = r.varint();
    const docs = [];
    for (let i = 0; i < count; i++) {
      const url = r.string();
      const title = r.string();
      const excerpt = r.string();
      const kind = manifest.kinds[r.byte()];
      const company = r.varint();
      const yearFrom = r.varint();
      const yearTo = r.varint();
      const texts = manifest.fields.map(() => r.string());
      docs.push({ doc: shard * manifest.docsPerShard + i, url, title, excerpt, kind,
        company: company === 0 ? null : manifest.companies[company - 1][0], yearFrom, yearTo, texts });
    }
    return docs;
  }

  /** norms.bin: every document's norm byte, per field. */
  function parseNorms(bytes) {
    const r = reader(bytes, 'CSN');
    const count = r.varint();
    const start = r.at;
    const fields = count === 0 ? 2 : (bytes.length - start) / count; // the format's two (title, body)
    return Array.from({ length: fields }, (_, f) => bytes.subarray(start + f * count, start + (f + 1) * count));
  }

  function parseFacets(bytes) {
    const r = reader(bytes, 'CSF');
    const count = r.varint();
    const facets = new Array(count);
    for (let i = 0; i < count; i++) facets[i] = [r.byte(), r.varint(), r.varint(), r.varint()];
    return facets;
  }

  // Lucene's SmallFloat.byte315ToFloat and BM25Similarity's NORM_TABLE (1/f², float precision).
  const f32 = new Float32Array(1);
  const i32 = new Int32Array(f32.buffer);
  function byte315ToFloat(b) {
    if (b === 0) return 0;
    i32[0] = ((b & 0xff) << 21) + ((63 - 15) << 24);
    return f32[0];
  }
  const LENGTHS = (() => {
    const table = new Array(256);
    for (let i = 1; i < 256; i++) { const f = byte315ToFloat(i); table[i] = Math.fround(1 / Math.fround(f * f)); }
    table[0] = Math.fround(1 / table[255]);
    return table;
  })();

  function idf(df, n) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  function lengthNorms(manifest, f) {
    const sum = manifest.fields[f].sumTotalTermFreq;
    const avgdl = sum <= 0 ? 1 : Math.fround(sum / manifest.docs);
    return LENGTHS.map((len) => K1 * (1 - B + B * len / avgdl));
  }

  function phraseFrequency(phrase, positions) {
    const sets = positions.slice(1).map((p) => new Set(p));
    let count = 0;
    for (const start of positions[0]) {
      const at = start - phrase[0].offset;
      let all = true;
      for (let i = 1; i < phrase.length && all; i++) all = sets[i - 1].has(at + phrase[i].offset);
      if (all) count++;
    }
    return count;
  }

  function matchesFilters(manifest, facet, filters) {
    if (filters.kind && manifest.kinds[facet[0]] !== filters.kind) return false;
    if (filters.company && (facet[1] === 0 || manifest.companies[facet[1] - 1][0] !== filters.company)) return false;
    if (filters.year) {
      const y = Number(filters.year);
      if (facet[2] === 0 || y < facet[2] + manifest.yearBase || y > facet[3] + manifest.yearBase) return false;
    }
    return true;
  }

  function filtersActive(filters) { return !!(filters && (filters.kind || filters.company || filters.year)); }

  /**
   * Ranks the matching documents, as SearchIndexReader.Rank does: those holding every word (the prefix word by itself
   * or by a term it begins), or, when none does, those holding any (anyWord). Every phrase held first, then the prefix
   * word as typed, then by score, then by document number. A phrase is counted in the documents' texts (their document
   * shards), so until a document is checked its tier and score are bounds (as if each phrase it may hold occurred as
   * often as its rarest term); unchecked() names the documents the best `top` still need, check() counts them.
   * @param manifest the parsed manifest.json
   * @param query from parseQuery
   * @param {Map<number, Map<string, any>>} shards parsed term shards by number (those of shardsFor)
   * @param facets parsed facets.bin, needed only when filters are active
   * @param norms parsed norms.bin
   * @returns {{hits: object[], anyWord: boolean, expansions: string[]}} hits in order ({doc, score, …}); the prefix's terms
   */
  function rank(manifest, query, shards, facets, filters, norms) {
    const n = manifest.docs;
    const starts = manifest.termStarts;
    // The clauses: the query's terms, the terms its compounds are also written as, the prefix's expansions.
    const clauses = [];
    const clauseOf = new Map();
    const clause = (term, weight) => { if (!clauseOf.has(term)) { clauseOf.set(term, clauses.length); clauses.push([term, weight]); } };
    for (const t of query.terms) clause(t, 1);
    for (const c of query.compounds) for (const t of c.instead) clause(t, 1);
    const postings = new Map();
    const block = (term) => starts.length === 0 ? undefined : shards.get(shardOf(starts, term))?.get(term);
    for (const [term] of clauses) postings.set(term, decodePostings(block(term)));
    const expansions = [];
    if (query.prefix && starts.length > 0) {
      const found = [];
      for (const s of prefixShards(starts, query.prefix.text)) {
        for (const [term, entry] of shards.get(s) || []) {
          if (!term.startsWith(query.prefix.text) || clauseOf.has(term)) continue;
          const p = decodePostings(entry);
          let df = 0;
          for (const list of p.values()) df += list.length;
          found.push({ term, p, df });
        }
      }
      found.sort((a, b) => (b.df - a.df) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
      for (const e of found.slice(0, MAX_EXPANSIONS)) { expansions.push(e.term); postings.set(e.term, e.p); clause(e.term, PREFIX_WEIGHT); }
    }
    // What a document must hold, as SearchIndexReader.Rank: units of alternatives of slots of terms.
    const slotOf = (term) => query.prefix && query.prefix.term === term
      ? [clauseOf.get(term), ...expansions.map((e) => clauseOf.get(e))] : [clauseOf.get(term)];
    const inCompound = new Set(query.compounds.flatMap((c) => c.words));
    const units = [];
    for (const t of query.terms) if (!inCompound.has(t)) units.push([[slotOf(t)]]);
    for (const c of query.compounds) units.push([c.words.map(slotOf), c.instead.map((t) => [clauseOf.get(t)])]);
    const prefixClause = query.prefix ? clauseOf.get(query.prefix.term) : -1;
    const insteads = query.compounds.map((c) => c.instead.map((t) => clauseOf.get(t)));

    const docs = new Map();
    const at = (doc) => {
      let d = docs.get(doc);
      if (!d) docs.set(doc, d = { doc, score: 0, terms: 0, held: new Array(clauses.length).fill(false), phrases: new Array(query.phrases.length).fill(false), possible: [], checked: false, tier: 0 });
      return d;
    };
    const lengths = manifest.fields.map((_, f) => lengthNorms(manifest, f));
    manifest.fields.forEach((field, f) => {
      clauses.forEach(([term, w], c) => {
        const list = postings.get(term).get(f);
        if (!list) return;
        const weight = idf(list.length, n) * field.boost * (K1 + 1) * w;
        for (const p of list) {
          const d = at(p.doc);
          d.score += weight * p.tf / (p.tf + lengths[f][norms[f][p.doc]]);
          d.held[c] = true;
        }
      });
    });
    // Each phrase a document may hold in a field (it holds every term of it there): its weight, and a bound.
    manifest.fields.forEach((field, f) => {
      query.phrases.forEach((phrase, ph) => {
        const lists = phrase.map((t) => postings.get(t.term).get(f));
        if (lists.some((l) => !l)) return;
        let sumIdf = 0;
        for (const l of lists) sumIdf += idf(l.length, n);
        const weight = sumIdf * field.boost * (K1 + 1);
        const others = lists.slice(1).map((l) => new Map(l.map((p) => [p.doc, p.tf])));
        for (const first of lists[0]) {
          let least = first.tf;
          let every = true;
          for (const o of others) {
            const tf = o.get(first.doc);
            if (tf === undefined) { every = false; break; }
            least = Math.min(least, tf);
          }
          if (every) at(first.doc).possible.push({ field: f, phrase: ph, weight, length: lengths[f][norms[f][first.doc]], bound: least });
        }
      });
    });
    const active = filtersActive(filters);
    const candidates = [];
    for (const [doc, d] of docs) if (!active || matchesFilters(manifest, facets[doc], filters)) candidates.push(d);
    const holdsAll = (d) => units.every((unit) => unit.some((alt) => alt.every((slot) => slot.some((c) => d.held[c]))));
    const all = candidates.filter(holdsAll);
    const anyWord = all.length === 0 && candidates.length > 0;
    const hits = anyWord ? candidates : all;
    const tier = (d) => {
      const together = d.phrases.every((p) => p) || insteads.some((i) => i.every((c) => d.held[c]));
      return (d.phrases.length > 0 && together ? 2 : 0) + (prefixClause >= 0 && d.held[prefixClause] ? 1 : 0);
    };
    for (const d of hits) {
      d.terms = d.score;
      for (const p of d.possible) { d.score += p.weight * p.bound / (p.bound + p.length); d.phrases[p.phrase] = true; }
      d.checked = d.possible.length === 0;
      d.tier = tier(d);
    }
    hits.sort(byRank);
    return { hits, anyWord, query, tier, expansions: expansions.concat(query.compounds.flatMap((c) => c.instead)) };
  }

  function byRank(a, b) { return (b.tier - a.tier) || (Math.round(b.score * 1e6) - Math.round(a.score * 1e6)) || (a.doc - b.doc); }

  /** The documents among the best `top` of a ranking whose phrases are not counted yet: their texts are needed. */
  function unchecked(ranking, top) {
    return ranking.hits.slice(0, top).filter((d) => !d.checked).map((d) => d.doc);
  }

  /** Counts the phrases of these documents (from parseDocShard, with their texts) in their texts: exact scores, re-sorted. */
  function check(ranking, documents) {
    const texts = new Map(documents.map((d) => [d.doc, d.texts]));
    for (const d of ranking.hits) {
      if (d.checked || !texts.has(d.doc)) continue;
      const fields = texts.get(d.doc).map((text) => {
        const at = new Map();
        for (const t of analyze(text, true)) { if (!at.has(t.term)) at.set(t.term, []); at.get(t.term).push(t.position); }
        return at;
      });
      d.score = d.terms;
      d.phrases.fill(false);
      for (const p of d.possible) {
        const phrase = ranking.query.phrases[p.phrase];
        const freq = phraseFrequency(phrase, phrase.map((t) => fields[p.field].get(t.term) || []));
        if (freq <= 0) continue;
        d.score += p.weight * freq / (freq + p.length);
        d.phrases[p.phrase] = true;
      }
      d.checked = true;
      d.tier = ranking.tier(d);
    }
    ranking.hits.sort(byRank);
  }

  // A page opened from disk (file://) may not fetch(), but may load scripts (script-src 'self'): there the manifest
  // comes from manifest.js, which hands its bytes (base64) to deliver(), and every other index file from a script pack,
  // packs/<n>.js, which hands many files (path and base64) to deliverPack(). Neither names its own path: each is matched
  // to the script element that loaded it (document.currentScript), so a copy of the site works anywhere.
  const waiting = new Map();
  function fromBase64(base64) {
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }
  function delivered(value) {
    const src = document.currentScript && document.currentScript.src;
    const done = waiting.get(src);
    if (!done) return;
    waiting.delete(src);
    done(value);
  }
  function deliver(base64) { delivered(fromBase64(base64)); }
  /** A pack's files by path, still base64: each is decoded only when a query asks for it. */
  function deliverPack(entries) { delivered(new Map(entries)); }
  function loadScript(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      const src = script.src;
      waiting.set(src, resolve);
      script.onload = () => { script.remove(); if (waiting.delete(src)) reject(new Error(url + ': not an index script')); };
      script.onerror = () => { script.remove(); waiting.delete(src); reject(new Error(url + ': missing')); };
      document.head.append(script);
    });
  }
  function fetchBytes(url) {
    return fetch(url).then((r) => {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.arrayBuffer();
    }).then((b) => new Uint8Array(b));
  }

  /**
   * Binary index files are stored gzip-compressed (manifest.json is not): the browser's own DecompressionStream
   * inflates them before parsing. Wraps a parser of the inflated bytes into one of the stored bytes.
   */
  function gunzipped(parse) {
    return (bytes) => new Response(new Response(bytes).body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()
      .then((b) => parse(new Uint8Array(b)));
  }

  /**
   * An index in the browser: loads files relative to its folder, each once (memoised promises).
   * @param {string} base URL of the language's index folder, ending in /
   */
  function openIndex(base) {
    const cache = new Map();
    const fromDisk = base.startsWith('file:');
    // On file://, each pack is loaded once, when a query first needs a file it holds (shardOf over the manifest's
    // first paths, as for term shards).
    const packs = new Map();
    const inPack = async (path) => {
      const m = await manifest;
      const n = shardOf(m.packs, path);
      if (!packs.has(n)) packs.set(n, loadScript(base + 'packs/' + n.toString(16) + '.js'));
      const files = await packs.get(n);
      if (!files.has(path)) throw new Error(base + path + ': not in its pack');
      return fromBase64(files.get(path));
    };
    const load = (path) => !fromDisk ? fetchBytes(base + path)
      : path === 'manifest.json' ? loadScript(base + 'manifest.js') : inPack(path);
    const get = (path, parse) => {
      if (!cache.has(path)) {
        cache.set(path, load(path).then((b) => parse ? parse(b) : JSON.parse(new TextDecoder().decode(b))));
      }
      return cache.get(path);
    };
    const manifest = get('manifest.json').then((m) => {
      if (m.version !== VERSION) throw new Error('search index version ' + m.version + ', this client reads ' + VERSION);
      return m;
    });
    return {
      manifest,
      /**
       * The query's best `top` results, exactly ranked ({doc, score}), how many documents match, and what the page says.
       */
      async search(text, filters, top = 10, correcting = true) {
        // The stemmer, when the query needs it, arrives alongside the manifest (no round trip added).
        const [m] = await Promise.all([manifest, hasWordOfLetters(text) ? part('stem') : null]);
        const query = parseQuery(text);
        if (query.terms.length === 0) return { query, hits: [], count: 0, anyWord: false, expansions: [], corrected: null };
        // Only files that exist: the shards whose ranges hold the query's terms and prefix (shardsFor), and the norms.
        const [shardList, norms] = await Promise.all([
          Promise.all(shardsFor(m, query).map(async (id) => [id, await get(shardPath('t', id), gunzipped(parseTermShard))])),
          get('norms.bin', gunzipped(parseNorms))]);
        const shards = new Map(shardList);
        // A Chinese word the index lacks may be written in Traditional characters: load the table, then ask again.
        if (needsVariants(m, query, shards)) {
          variants = await get('variants.bin', gunzipped(parseVariants));
          return this.search(text, filters, top, correcting);
        }
        const facets = filtersActive(filters) ? await get('facets.bin', gunzipped(parseFacets)) : null;
        const ranking = rank(m, query, shards, facets, filters, norms);
        // Phrases counted only where the best `top` need them: a few document shards, which the list shows anyway.
        for (let need = unchecked(ranking, top); need.length > 0; need = unchecked(ranking, top)) check(ranking, await this.documents(need));
        const ranked = { query, hits: ranking.hits.slice(0, top).map((d) => ({ doc: d.doc, score: d.score })), count: ranking.hits.length,
          anyWord: ranking.anyWord, expansions: ranking.expansions, corrected: null };
        // Nothing holds every word: a misspelt word corrected, if that finds what holds them all (as SearchIndexReader.Find).
        // Only words of letters are corrected, so a Chinese query never loads the part that does it.
        if (correcting && (ranked.count === 0 || ranked.anyWord) && hasWordOfLetters(text)) {
          const fixed = (await part('typos'))(m, text, shards);
          if (fixed !== null) {
            const better = await this.search(fixed, filters, top, false);
            if (better.count > 0 && !better.anyWord) return { ...better, corrected: fixed };
          }
        }
        return ranked;
      },
      async documents(docs) {
        const m = await manifest;
        return Promise.all(docs.map(async (d) => {
          const shard = Math.floor(d / m.docsPerShard);
          const list = await get(shardPath('d', shard), gunzipped((b) => parseDocShard(b, m, shard)));
          return list[d % m.docsPerShard];
        }));
      },
    };
  }

  /**
   * The text as written, and where each code unit of its NFKC form came from: terms are found in the NFKC form (as the
   * index analysed it) but excerpts show the original (，（）： stay full-width). Each character with its combining
   * marks is normalised alone; when that differs from normalising the whole (rare), the whole is used and shown.
   */
  function normalizedWithOrigin(text) {
    let normalized = '';
    const from = [];
    const to = [];
    for (const m of text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
      const piece = simplified(m[0].normalize('NFKC'));
      for (let k = 0; k < piece.length; k++) { from.push(m.index); to.push(m.index + m[0].length); }
      normalized += piece;
    }
    if (normalized !== simplified(text.normalize('NFKC'))) {
      const whole = simplified(text.normalize('NFKC'));
      return { text: whole, normalized: whole, from: Array.from({ length: whole.length }, (_, i) => i), to: Array.from({ length: whole.length }, (_, i) => i + 1) };
    }
    return { text, normalized, from, to };
  }

  /** The excerpt around the first matched word, as pieces of the text as written with the matched ones flagged. */
  function excerpt(original, terms, size) {
    const { text, normalized, from: origin, to: originEnd } = normalizedWithOrigin(original);
    const wanted = new Set(terms);
    const hits = analyze(normalized, true).filter((t) => wanted.has(t.term))
      .map((t) => ({ start: origin[t.start], end: originEnd[t.end - 1] }));
    let from = 0;
    if (hits.length > 0 && hits[0].start > size / 3) from = hits[0].start - Math.floor(size / 4);
    // never cut a surrogate pair in two
    if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from])) from--;
    let to = Math.min(text.length, from + size);
    if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to])) to++;
    const pieces = [];
    let at = from;
    for (const h of hits) {
      if (h.end <= at || h.start >= to) continue;
      const start = Math.max(h.start, at);
      if (start > at) pieces.push({ text: text.slice(at, start), mark: false });
      // a Chinese word's overlapping bigrams (人脸, 脸识, 识别) are one mark, not three side by side with gaps between
      const last = pieces[pieces.length - 1];
      if (start === at && last?.mark) last.text += text.slice(start, Math.min(h.end, to));
      else pieces.push({ text: text.slice(start, Math.min(h.end, to)), mark: true });
      at = Math.min(h.end, to);
    }
    if (at < to) pieces.push({ text: text.slice(at, to), mark: false });
    if (from > 0) pieces.unshift({ text: '… ', mark: false });
    if (to < text.length) pieces.push({ text: ' …', mark: false });
    return pieces;
  }

  const useVariants = (bytes) => { variants = parseVariants(bytes); };
  const stem = (word) => stemOf(word);
  const corrected = (manifest, text, shards) => provided.get('typos')(manifest, text, shards);
  const api = { analyze, stem, parseQuery, shardOf, shardPath, shardsFor, corrected, parseTermShard, decodePostings, parseDocShard, parseFacets, parseNorms, rank, unchecked, check, excerpt, openIndex, deliver, deliverPack, useVariants, needsVariants, provide, part };
  globalThis.CampaignSearch = api;

  // ---- the search page ----
  if (typeof document === 'undefined') return;
  const script = document.currentScript;
  const start = () => {
    const page = document.querySelector('[data-search]');
    if (!page || !script) return;
    // The script is /assets/theme/js/search.<hash>.js: three folders up is the site root, wherever the site lives.
    const root = new URL('../../../', script.src);
    // The parts' files sit beside this script, named (with their fingerprints) by its data-stem and data-typos.
    partUrl = (name) => script.dataset[name] ? new URL(script.dataset[name], script.src).href : null;
    const lang = page.dataset.lang;
    const index = openIndex(new URL('search/' + lang + '/', root).href);
    const form = page.querySelector('form');
    const input = page.querySelector('#search-q');
    const selects = ['kind', 'company', 'year'].map((name) => page.querySelector('#search-' + name)).filter(Boolean);
    const status = page.querySelector('#search-status');
    const list = page.querySelector('#search-results');
    const kindLabels = new Map();
    const kindSelect = page.querySelector('#search-kind');
    if (kindSelect) for (const o of kindSelect.options) if (o.value) kindLabels.set(o.value, o.textContent);
    const companyNames = new Map();
    const companySelect = page.querySelector('#search-company');
    if (companySelect) for (const o of companySelect.options) if (o.value) companyNames.set(o.value, o.textContent);
    const labelOf = (name) => page.querySelector('label[for="search-' + name + '"]')?.textContent || name;
    const labels = { kind: labelOf('kind'), company: labelOf('company'), year: labelOf('year') };
    const pageSize = 10;
    let shown = pageSize;
    let run = 0;
    let timer = 0;
    let rendered = ''; // what the list shows: the query, the count and the shown documents with their scores

    // The box and the filters need this script: the page shows them only once it runs (without it, the page explains
    // and links to the lists instead).
    form.hidden = false;
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    for (const s of selects) s.value = params.get(s.name) || '';

    const countText = (n) => n === 0 ? page.dataset.countNone : n === 1 ? page.dataset.countOne : page.dataset.countMany.replace('{0}', String(n));
    const href = (url) => {
      const hash = url.indexOf('#');
      let path = hash < 0 ? url : url.slice(0, hash);
      if (path.endsWith('/')) path += 'index.html';
      return new URL(path.slice(1) + (hash < 0 ? '' : url.slice(hash)), root).href;
    };
    const keepInUrl = () => {
      const p = new URLSearchParams();
      if (input.value.trim()) p.set('q', input.value.trim());
      for (const s of selects) if (s.value) p.set(s.name, s.value);
      const qs = p.toString();
      // A page opened from disk may refuse to rewrite its own URL; the search still works without it.
      try { history.replaceState(null, '', location.pathname + (qs ? '?' + qs : '') + location.hash); } catch { /* file:// */ }
      // The language switch leads to the same search in the other language: query, filters and fragment go along
      // (kinds, company slugs and years are the same in every language).
      for (const a of document.querySelectorAll('.lang-switch a[hreflang]')) {
        const target = new URL(a.href);
        target.search = qs ? '?' + qs : '';
        target.hash = location.hash;
        a.href = target.href;
      }
    };

    async function update() {
      const mine = ++run;
      keepInUrl();
      const text = input.value.trim();
      const filters = {};
      for (const s of selects) if (s.value) filters[s.name] = s.value;
      const settled = new URLSearchParams({ q: text, ...filters }).toString();
      if (!text) { list.replaceChildren(); rendered = ''; status.textContent = ''; page.dataset.query = ''; page.dataset.settled = ''; return; }
      try {
        const { query, hits, count, anyWord, expansions, corrected: fixed } = await index.search(text, filters, shown);
        const docs = await index.documents(hits.map((h) => h.doc));
        if (mine !== run) return;
        // The same results as on screen (a filter that excludes none of them, the form submitted again): the list is
        // left as it is, so a link being clicked or focused is not replaced under the reader's pointer.
        const same = [text, count, anyWord, fixed, ...docs.map((d, i) => d.doc + ':' + hits[i].score)].join('\n');
        if (same === rendered) { page.dataset.query = text; page.dataset.settled = settled; return; }
        rendered = same;
        const marked = [...query.terms, ...expansions];
        list.replaceChildren(...docs.map((d, i) => item(d, hits[i], marked)));
        if (count > shown) {
          const li = document.createElement('li');
          li.className = 'search-more';
          const more = document.createElement('button');
          more.type = 'button';
          more.textContent = page.dataset.more;
          more.addEventListener('click', () => { shown += pageSize; update(); });
          li.append(more);
          list.append(li);
        }
        // No document holds every word: the list holds those with any, and says so.
        status.textContent = anyWord ? page.dataset.anyWord.replace('{0}', String(count)) : countText(count);
        // A corrected query: said so, with the corrected query as a link that searches it as typed.
        if (fixed !== null) {
          const [before, after] = page.dataset.correctedTo.split('{0}');
          const a = document.createElement('a');
          const p = new URLSearchParams({ q: fixed, ...filters });
          a.href = '?' + p.toString();
          a.textContent = fixed;
          a.addEventListener('click', (e) => { e.preventDefault(); input.value = fixed; update(); });
          status.append(' ', before || '', a, after || '');
        }
        list.classList.toggle('search-any-word', anyWord);
        page.dataset.query = text; // what the list shows now (tests and the benchmark wait for it)
        page.dataset.settled = settled; // and for which query and filters (q=…&kind=…)
      } catch (e) {
        if (mine === run) { status.textContent = page.dataset.error; list.replaceChildren(); rendered = ''; page.dataset.query = text; page.dataset.settled = settled; }
      }
    }

    function item(d, hit, marked) {
      const li = document.createElement('li');
      li.className = 'search-result kind-' + d.kind;
      li.dataset.score = String(hit.score);
      const a = document.createElement('a');
      a.href = href(d.url);
      a.textContent = d.title;
      const h = document.createElement('h2');
      h.append(a);
      // What the result is, as chips (kind, company, years), each named for screen readers by its filter's label.
      const meta = document.createElement('p');
      meta.className = 'search-meta';
      const chip = (label, value) => {
        const span = document.createElement('span');
        span.className = 'tag';
        const name = document.createElement('span');
        name.className = 'visually-hidden';
        name.textContent = label + ': ';
        span.append(name, value);
        meta.append(span, ' ');
      };
      chip(labels.kind, kindLabels.get(d.kind) || d.kind);
      if (d.company && companyNames.has(d.company)) chip(labels.company, companyNames.get(d.company));
      if (d.yearFrom) chip(labels.year, d.yearFrom === d.yearTo ? String(d.yearFrom) : d.yearFrom + '–' + d.yearTo);
      const p = document.createElement('p');
      p.className = 'search-excerpt';
      for (const piece of excerpt(d.excerpt, marked, 220)) {
        if (piece.mark) { const m = document.createElement('mark'); m.textContent = piece.text; p.append(m); }
        else p.append(piece.text);
      }
      li.append(h, meta, p);
      return li;
    }

    const soon = () => { clearTimeout(timer); shown = pageSize; timer = setTimeout(update, 150); };
    input.addEventListener('input', soon);
    for (const s of selects) s.addEventListener('change', () => { shown = pageSize; update(); });
    form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); update(); });

    // Keyboard: ↓ from the box into the results, ↑/↓ between them, ↑ from the first back to the box, Escape back too.
    const links = () => [...list.querySelectorAll('.search-result a')];
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && links().length > 0) { e.preventDefault(); links()[0].focus(); }
    });
    list.addEventListener('keydown', (e) => {
      const all = links();
      const i = all.indexOf(document.activeElement);
      if (i < 0) return;
      if (e.key === 'ArrowDown' && i + 1 < all.length) { e.preventDefault(); all[i + 1].focus(); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); (i === 0 ? input : all[i - 1]).focus(); }
      else if (e.key === 'Escape') { e.preventDefault(); input.focus(); }
    });
    keepInUrl();
    if (input.value.trim()) update();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
