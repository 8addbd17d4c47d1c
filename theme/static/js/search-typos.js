// Campaign site search, part: typo correction. search.js loads it (part('typos')) only when a query with a word of
// letters finds nothing holding every word, so most queries never download it. No dependencies, no build step.
(function () {
  'use strict';

  const MIN_CORRECTED = 5; // as SearchIndexReader.MinCorrectedLength

  function oneEditApart(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /**
   * As SearchIndexReader.Corrected: each word the index does not hold (letters only, MIN_CORRECTED or more, not Han)
   * replaced by the term one edit away found in the most documents, from the shard the word was looked up in.
   * @returns {string|null} the corrected query, or null
   */
  function corrected(manifest, text, shards) {
    const { analyze, shardOf, decodePostings } = globalThis.CampaignSearch;
    const starts = manifest.termStarts;
    if (starts.length === 0) return null;
    const normalized = text.normalize('NFKC');
    let result = '';
    let at = 0;
    const dfOf = (entry) => { let df = 0; for (const l of decodePostings(entry).values()) df += l.length; return df; };
    for (const t of analyze(text)) {
      const raw = normalized.slice(t.start, t.end);
      const lower = raw.toLowerCase();
      if (t.han || raw.length < MIN_CORRECTED || !/^\p{L}+$/u.test(raw) || !lower.startsWith(t.term)) continue;
      const shard = shards.get(shardOf(starts, t.term));
      if (!shard || shard.has(t.term)) continue;
      let best = null;
      let bestDf = 0;
      for (const term of [...shard.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (term.length < MIN_CORRECTED - 1 || !oneEditApart(term, t.term)) continue;
        const df = dfOf(shard.get(term));
        if (df > bestDf) { best = term; bestDf = df; }
      }
      if (best === null) continue;
      let word = best + lower.slice(t.term.length);
      if (/\p{Lu}/u.test(raw[0])) word = word[0].toUpperCase() + word.slice(1);
      result += normalized.slice(at, t.start) + word;
      at = t.end;
    }
    return at === 0 ? null : result + normalized.slice(at);
  }

  globalThis.CampaignSearch.provide('typos', corrected);
})();
