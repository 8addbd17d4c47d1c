// Campaign site search, part: what only words of letters need, the Porter stemmer and compounds (FaceReader, face
// reader). search.js loads it (part('stem')) once a query holds a word that is not Han, so a Chinese query never
// downloads it; both are search.js's own, kept apart only for the bytes.
// No dependencies, no build step.
(function () {
  'use strict';

  /** The Porter stemmer as Lucene's PorterStemmer implements it (Porter's reference version). */
  function stem(word) {
    if (word.length <= 2) return word;
    const b = word.split('');
    let k = b.length - 1;
    let j = 0;
    const cons = (i) => {
      switch (b[i]) {
        case 'a': case 'e': case 'i': case 'o': case 'u': return false;
        case 'y': return i === 0 ? true : !cons(i - 1);
        default: return true;
      }
    };
    const m = () => {
      let n = 0;
      let i = 0;
      for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
      i++;
      for (;;) {
        for (;;) { if (i > j) return n; if (cons(i)) break; i++; }
        i++;
        n++;
        for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
        i++;
      }
    };
    const vowelInStem = () => { for (let i = 0; i <= j; i++) if (!cons(i)) return true; return false; };
    const doubleC = (x) => x >= 1 && b[x] === b[x - 1] && cons(x);
    const cvc = (i) => {
      if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      const ch = b[i];
      return !(ch === 'w' || ch === 'x' || ch === 'y');
    };
    const ends = (s) => {
      const l = s.length;
      const o = k - l + 1;
      if (o < 0) return false;
      for (let i = 0; i < l; i++) if (b[o + i] !== s[i]) return false;
      j = k - l;
      return true;
    };
    const setTo = (s) => {
      const o = j + 1;
      for (let i = 0; i < s.length; i++) b[o + i] = s[i];
      k = j + s.length;
    };
    const r = (s) => { if (m() > 0) setTo(s); };

    // step 1: plurals, -ed, -ing
    if (b[k] === 's') {
      if (ends('sses')) k -= 2;
      else if (ends('ies')) setTo('i');
      else if (b[k - 1] !== 's') k--;
    }
    if (ends('eed')) { if (m() > 0) k--; }
    else if ((ends('ed') || ends('ing')) && vowelInStem()) {
      k = j;
      if (ends('at')) setTo('ate');
      else if (ends('bl')) setTo('ble');
      else if (ends('iz')) setTo('ize');
      else if (doubleC(k)) { const ch = b[k--]; if (ch === 'l' || ch === 's' || ch === 'z') k++; }
      else if (m() === 1 && cvc(k)) setTo('e');
    }
    // step 2: terminal y to i
    if (ends('y') && vowelInStem()) b[k] = 'i';
    // step 3: double suffixes
    if (k !== 0) {
      const rules3 = {
        a: [['ational', 'ate'], ['tional', 'tion']],
        c: [['enci', 'ence'], ['anci', 'ance']],
        e: [['izer', 'ize']],
        l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
        o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
        s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
        t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
        g: [['logi', 'log']],
      }[b[k - 1]] || [];
      for (const [suffix, to] of rules3) if (ends(suffix)) { r(to); break; }
    }
    // step 4: -ic-, -full, -ness
    const rules4 = {
      e: [['icate', 'ic'], ['ative', ''], ['alize', 'al']],
      i: [['iciti', 'ic']],
      l: [['ical', 'ic'], ['ful', '']],
      s: [['ness', '']],
    }[b[k]] || [];
    for (const [suffix, to] of rules4) if (ends(suffix)) { r(to); break; }
    // step 5: -ant, -ence and the like, when m > 1
    if (k !== 0) {
      let found = false;
      switch (b[k - 1]) {
        case 'a': found = ends('al'); break;
        case 'c': found = ends('ance') || ends('ence'); break;
        case 'e': found = ends('er'); break;
        case 'i': found = ends('ic'); break;
        case 'l': found = ends('able') || ends('ible'); break;
        case 'n': found = ends('ant') || ends('ement') || ends('ment') || ends('ent'); break;
        case 'o': found = (ends('ion') && j >= 0 && (b[j] === 's' || b[j] === 't')) || ends('ou'); break;
        case 's': found = ends('ism'); break;
        case 't': found = ends('ate') || ends('iti'); break;
        case 'u': found = ends('ous'); break;
        case 'v': found = ends('ive'); break;
        case 'z': found = ends('ize'); break;
      }
      if (found && m() > 1) k = j;
    }
    // step 6: final -e, -ll
    j = k;
    if (b[k] === 'e') { const a = m(); if (a > 1 || (a === 1 && !cvc(k - 1))) k--; }
    if (b[k] === 'l' && doubleC(k) && m() > 1) k--;
    return b.slice(0, k + 1).join('');
  }


  /**
   * As SearchQuery.CompoundsOf: a word of capitalised parts (FaceReader) is also its parts, two adjacent words of
   * letters (face reader) also the word they make together; left to right, each word in one compound at most.
   */
  function compoundsOf(normalized, tokens) {
    const result = [];
    const used = new Set();
    const terms = (text) => [...new Set(globalThis.CampaignSearch.analyze(text).map((t) => t.term))];
    const letters = /^\p{L}+$/u;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.han || used.has(t.term)) continue;
      const raw = normalized.slice(t.start, t.end);
      const parts = [];
      let from = 0;
      for (let k = 1; k < raw.length; k++) {
        if (/\p{Ll}/u.test(raw[k - 1]) && /\p{Lu}/u.test(raw[k])) { parts.push(raw.slice(from, k)); from = k; }
      }
      parts.push(raw.slice(from));
      if (parts.length >= 2) {
        const apart = terms(parts.join(' '));
        if (apart.length >= 2) { result.push({ words: [t.term], instead: apart }); used.add(t.term); continue; }
      }
      if (i + 1 >= tokens.length) continue;
      const next = tokens[i + 1];
      if (next.han || next.position !== t.position + 1 || used.has(next.term) || next.term === t.term) continue;
      const nextRaw = normalized.slice(next.start, next.end);
      if (!letters.test(raw) || !letters.test(nextRaw)) continue;
      const joined = terms(raw + nextRaw);
      if (joined.length === 1 && joined[0] !== t.term && joined[0] !== next.term) {
        result.push({ words: [t.term, next.term], instead: joined });
        used.add(t.term);
        used.add(next.term);
        i++;
      }
    }
    return result;
  }

  globalThis.CampaignSearch.provide('stem', stem);
  globalThis.CampaignSearch.provide('compounds', compoundsOf);
})();
