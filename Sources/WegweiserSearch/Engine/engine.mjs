// Wegweiser's search engine: an ES module without DOM access, for the search page and for Node.
//
//   import { createSearch } from "./engine.mjs";
//   const search = createSearch(await (await fetch("/de/search-index.json")).json(), { baseURL });
//   const hits = await search.query("Beratung", { limit: 10, type: "contact" });
//   // → [{ url, title, excerpt, type }], best first; excerpt is HTML with <mark> around matches.
//
// The index (written by the build, docs/search.md) lists every term under its stem with a BM25F
// weight per page. A query word matches terms by its stem, by a German transliteration (ue → ü),
// as the start of a term (the word being typed, or a word the index does not know), inside a term
// (compounds: "beratung" in "migrationsberatung"), as a term inside the query word, and with one or
// two typos; each way weighs less than the one before. Pages add up their words' best matches (BM25
// with "any word" semantics: readers type whole questions, and a page need not have every word).
//
// Text is normalized and stemmed exactly as the build does (TextNormalizer.swift, StemRules.swift):
// change one and the other together, and the shared cases in Tests/WegweiserSearchTests/Fixtures/text-analysis.json.

const FORMAT = "wegweiser-search/1";

// How much a match of each kind counts, against the exact stem.
const WEIGHT = { exact: 1, translit: 0.95, prefix: 0.85, inner: 0.7, part: 0.5, typo1: 0.6, typo2: 0.4 };
const MAX_EXPANSIONS = 64; // prefix and inner matches kept per word, shortest first
const EXCERPT_LENGTH = 180;

// ---- Text, as TextNormalizer.swift ----

const FOLD = {
  "ı": "i", "ß": "ss", "ς": "σ", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ħ": "h",
  "\u0649": "\u064a", "\u06cc": "\u064a", "\u06a9": "\u0643", "\u0629": "\u0647", "\u06d5": "\u0647",
  "\u06be": "\u0647", "\u06c1": "\u0647", "\u0671": "\u0627", "\u0640": "",
  "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2010": "-", "\u2011": "-",
  "\u00ad": "", "\u200d": "", "\ufeff": "", "\u2060": "", "\u200b": " ",
};
const FOLDED = new RegExp(`[${Object.keys(FOLD).join("")}\u0660-\u0669\u06f0-\u06f9]`, "gu");
const MARKS = /[\p{Mn}\p{Me}]/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** NFKC, lowercase, marks removed, letters and digits folded, NFC (TextNormalizer.swift). */
export function normalize(text) {
  const folded = String(text).normalize("NFKC").toLowerCase().normalize("NFD").replace(MARKS, "")
    .replace(FOLDED, (c) => {
      const code = c.codePointAt(0);
      if (code >= 0x660 && code <= 0x669) return String.fromCharCode(code - 0x630);
      if (code >= 0x6f0 && code <= 0x6f9) return String.fromCharCode(code - 0x6c0);
      return FOLD[c];
    });
  return NON_ASCII.test(folded) ? folded.normalize("NFC") : folded;
}

const WORD = /[\p{L}\p{Mc}\p{N}]+(?:['\-\u200c][\p{L}\p{Mc}\p{N}]+)*/gu;
const JOINT = /['\-\u200c]/;
const MAX_TOKEN = 48;

/** The words of normalized text, each as its parts between joints (Tokenizer.swift). */
export function tokenize(normalized) {
  const tokens = [];
  for (const [word] of normalized.matchAll(WORD)) {
    const parts = word.split(JOINT);
    if ([...parts.join("")].length <= MAX_TOKEN) tokens.push(parts);
  }
  return tokens;
}

/** A token's words as the index lists them: the parts run together, then each part of 2+ letters. */
function tokenWords(parts) {
  if (parts.length === 1) return parts;
  return [parts.join(""), ...parts.filter((p) => [...p].length >= 2)];
}

/** The stemmer the index carries for its language (StemRules.swift). */
export function createStemmer(analyzer) {
  const steps = (analyzer?.steps ?? []).map((step) => ({
    ...step,
    rules: step.rules.map(([from, to]) => ({ from, to, length: [...from].length })),
  }));
  const minimum = analyzer?.min ?? 3;
  return (word) => {
    if (!steps.length) return word;
    let length = [...word].length;
    if (length < minimum || /[0-9]/.test(word)) return word;
    for (const step of steps) {
      if (step.kind === "replace") {
        for (const rule of step.rules) word = word.split(rule.from).join(rule.to);
        length = [...word].length;
        continue;
      }
      const suffix = step.kind === "suffix";
      for (let round = 0; round < step.repeats; round++) {
        const rule = step.rules.find((r) =>
          length - r.length >= step.min && (suffix ? word.endsWith(r.from) : word.startsWith(r.from)));
        if (!rule) break;
        word = suffix ? word.slice(0, word.length - rule.from.length) + rule.to : rule.to + word.slice(rule.from.length);
        length = [...word].length;
        if (rule.from === rule.to) break;
      }
    }
    return word;
  };
}

/** Every term of a text, stemmed, as the build lists it. */
export function analyze(text, stem) {
  return tokenize(normalize(text)).flatMap(tokenWords).map(stem);
}

// ---- Matching ----

/** Edit distance with transpositions, or `limit + 1` once it must exceed `limit`. */
function distance(a, b, limit) {
  const m = a.length, n = b.length;
  if (Math.abs(m - n) > limit) return limit + 1;
  let before = null, previous = Array.from({ length: n + 1 }, (_, j) => j), current = new Array(n + 1);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    [before, previous, current] = [previous, current, before ?? new Array(n + 1)];
  }
  return previous[n];
}

/** Index of the first element of sorted `list` that is not less than `key`. */
function lowerBound(list, key, get = (x) => x) {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (get(list[mid]) < key) lo = mid + 1; else hi = mid;
  }
  return lo;
}

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHTML = (s) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]);

// ---- The index ----

/** Terms and page records, all in memory or fetched shard by shard (docs/search.md). */
class IndexStore {
  constructor(index, load) {
    this.split = Array.isArray(index.shards);
    this.count = this.split ? index.count : index.docs.length;
    this.types = index.types ?? [];
    if (this.split) {
      if (typeof load !== "function") {
        throw new Error("this search index is split into files; pass createSearch(index, { load }) or { baseURL }");
      }
      this.load = load;
      this.shards = index.shards.map(([first, file]) => ({ first, file, loaded: null }));
      this.docTypes = index.docTypes;
      this.docChunk = index.docChunk;
      this.docPath = index.docPath;
      this.docFiles = new Map();
      this.terms = new Map();
      this.sorted = []; // the terms of the loaded shards, sorted; null until needed again
    } else {
      this.docs = index.docs;
      this.docTypes = index.docs.map((d) => d[2]);
      this.terms = new Map(Object.entries(index.terms));
      this.sorted = null;
    }
  }

  /** Loads the shards that hold terms from `low` up to `high` (exclusive), if split. */
  async ensure(low, high = low + "\0") {
    if (!this.split) return;
    let from = lowerBound(this.shards, low, (s) => s.first);
    if (from === this.shards.length || this.shards[from].first > low) from -= 1;
    const pending = [];
    for (let i = from; i < this.shards.length && (i === from || this.shards[i].first < high); i++) {
      const shard = this.shards[i];
      shard.loaded ??= Promise.resolve(this.load(shard.file)).then((data) => {
        for (const [term, postings] of Object.entries(data.terms)) this.terms.set(term, postings);
        this.sorted = null;
      });
      pending.push(shard.loaded);
    }
    await Promise.all(pending);
  }

  async records(ids) {
    if (!this.split) return ids.map((id) => this.docs[id]);
    const chunks = [...new Set(ids.map((id) => Math.floor(id / this.docChunk)))];
    await Promise.all(chunks.map((c) => {
      if (!this.docFiles.has(c)) this.docFiles.set(c, Promise.resolve(this.load(`${this.docPath}${c}.json`)));
      return this.docFiles.get(c);
    }));
    const files = await Promise.all(ids.map((id) => this.docFiles.get(Math.floor(id / this.docChunk))));
    return ids.map((id, i) => files[i].docs[id % this.docChunk]);
  }

  /** Every loaded term, sorted (sorted once after shards arrive, not once per shard). */
  get vocabulary() {
    this.sorted ??= [...this.terms.keys()].sort();
    return this.sorted;
  }

  /** The terms of the loaded vocabulary that start with `prefix`, shortest first. */
  withPrefix(prefix) {
    const found = [];
    const vocabulary = this.vocabulary;
    for (let i = lowerBound(vocabulary, prefix); i < vocabulary.length; i++) {
      const term = vocabulary[i];
      if (!term.startsWith(prefix)) break;
      if (term !== prefix) found.push(term);
    }
    return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_EXPANSIONS);
  }

  /** Terms of the loaded vocabulary with `part` inside, not at the start, shortest first. */
  containing(part) {
    const found = this.vocabulary.filter((t) => t.length > part.length && t.indexOf(part, 1) > 0);
    return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_EXPANSIONS);
  }

  /** Terms of the loaded vocabulary within `limit` edits of `word`. */
  near(word, limit) {
    return this.vocabulary.filter((t) => Math.abs(t.length - word.length) <= limit && distance(word, t, limit) <= limit)
      .map((t) => [t, distance(word, t, limit)]);
  }

  /** The weights a term gives pages, decoded from `[page, weight, gap, weight, …]`. */
  forEachPosting(term, visit) {
    const list = this.terms.get(term);
    if (!list) return;
    let doc = 0;
    for (let i = 0; i < list.length; i += 2) {
      doc += list[i];
      visit(doc, list[i + 1]);
    }
  }
}

// ---- The search ----

/**
 * Reads the files of a split index beside search-index.json: its address is `baseURL`, else the
 * manifest's `path` below the site root, where this module is `search/engine.mjs`. Over http(s) it
 * fetches; from a file: URL (Node) it reads the file.
 */
function defaultLoader(index, baseURL) {
  if (!Array.isArray(index.shards) || (!baseURL && !index.path)) return undefined;
  const base = new URL(baseURL ?? index.path, baseURL ? undefined : new URL("../", import.meta.url));
  return async (file) => {
    const url = new URL(file, base);
    if (url.protocol === "file:") {
      const { readFile } = await import("node:fs/promises");
      return JSON.parse(await readFile(url, "utf8"));
    }
    const response = await fetch(url);
    if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
    return response.json();
  };
}

/**
 * A search over one language's index. `options.load(path)` fetches a file of a split index (a path
 * relative to search-index.json) and returns its parsed JSON; `options.baseURL` (the address of
 * search-index.json) makes the engine use fetch() for that itself.
 */
export function createSearch(index, options = {}) {
  if (!index || index.format !== FORMAT) {
    throw new Error(`not a Wegweiser search index (expected format ${FORMAT}, got ${index?.format})`);
  }
  const store = new IndexStore(index, options.load ?? defaultLoader(index, options.baseURL));
  const stem = createStemmer(index.analyzer);

  /** The query's words, each with the forms to look up. */
  function queryWords(q) {
    const words = [];
    for (const parts of tokenize(normalize(q))) {
      const joined = parts.join("");
      const word = { text: joined, stem: stem(joined), parts: parts.length > 1 ? parts.filter((p) => p.length >= 2) : [] };
      const translit = joined.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
      if (translit !== joined) word.translit = stem(translit);
      words.push(word);
    }
    return words;
  }

  /**
   * Loads what a word needs from a split index: the shards of its stems and of the terms they start;
   * for a word the index does not know, also the terms that share its first two letters, for typos.
   */
  async function prepare(word) {
    const keys = [word.stem, word.translit, ...word.parts.map(stem)].filter(Boolean);
    await Promise.all(keys.map((k) => store.ensure(k, k + "\uffff")));
    if (!keys.some((k) => store.terms.has(k)) && [...word.text].length >= 5) {
      await store.ensure(word.stem.slice(0, 2), word.stem.slice(0, 2) + "\uffff");
    }
  }

  /** term → how much a match through it counts, for one word. */
  function expand(word) {
    const matches = new Map();
    const add = (term, weight) => {
      if (store.terms.has(term) && weight > (matches.get(term) ?? 0)) matches.set(term, weight);
    };
    add(word.stem, WEIGHT.exact);
    if (word.translit) add(word.translit, WEIGHT.translit);
    const exact = matches.size > 0;
    if (!exact && word.parts.length) {
      // A hyphenated or apostrophized word that the index does not know whole: its parts.
      return null;
    }
    const length = [...word.stem].length;
    // Prefixes serve typing: in a whole question, expanding every word only adds noise.
    if (length >= 3 && (word.last || !exact)) {
      for (const term of store.withPrefix(word.stem)) {
        add(term, Math.max(WEIGHT.inner, WEIGHT.prefix - 0.02 * ([...term].length - length)));
      }
    }
    if (length >= 4) for (const term of store.containing(word.stem)) add(term, WEIGHT.inner);
    if (length >= 5) {
      // Terms inside the query word: the parts of a compound the index knows only apart
      // ("Deutschkursanmeldung" → "anmeldung"), a word under a derivational prefix ("مترجم" → "ترجم").
      const chars = [...word.stem];
      for (let i = 1; i <= chars.length - 4; i++) {
        add(chars.slice(i).join(""), WEIGHT.part);
        if (chars.length - i >= 4) add(chars.slice(0, chars.length - i).join(""), WEIGHT.part);
      }
    }
    if (!exact && [...word.text].length >= 5) {
      const limit = [...word.text].length >= 8 ? 2 : 1;
      for (const [term, edits] of store.near(word.stem, limit)) add(term, edits === 1 ? WEIGHT.typo1 : WEIGHT.typo2);
    }
    return matches;
  }

  async function query(q, { limit = 10, type } = {}) {
    let words = queryWords(q);
    if (!words.length) return [];
    words[words.length - 1].last = true;
    await Promise.all(words.map(prepare));
    // A joined word the index does not know whole is searched by its parts.
    words = words.flatMap((word) => {
      const matches = expand(word);
      if (matches) return [{ ...word, matches }];
      return word.parts.map((p) => ({ text: p, stem: stem(p), parts: [] })).map((w) => ({ ...w, matches: expand(w) }));
    });
    const n = store.count;
    const scores = new Float64Array(n);
    const best = new Float64Array(n);
    const highlight = new Set();
    for (const word of words) {
      if (!word.matches || !word.matches.size) continue;
      // A page counts a word once, by its best match.
      const touched = [];
      for (const [term, weight] of word.matches) {
        highlight.add(term);
        store.forEachPosting(term, (doc, impact) => {
          const value = weight * impact;
          if (best[doc] === 0) touched.push(doc);
          if (value > best[doc]) best[doc] = value;
        });
      }
      for (const doc of touched) {
        scores[doc] += best[doc];
        best[doc] = 0;
      }
    }
    const wanted = type == null ? null : new Set((Array.isArray(type) ? type : [type]).map((t) => store.types.indexOf(t)));
    const ranked = [];
    for (let doc = 0; doc < n; doc++) {
      if (scores[doc] > 0 && (!wanted || wanted.has(store.docTypes[doc]))) ranked.push([doc, scores[doc]]);
    }
    ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = ranked.slice(0, limit);
    const records = await store.records(top.map(([doc]) => doc));
    return records.map(([url, title, typeIndex, text]) => ({
      url,
      title,
      type: store.types[typeIndex],
      excerpt: excerpt(text, highlight),
    }));
  }

  // The terms of the words of excerpts, kept across queries: pages repeat their words.
  const wordTerms = new Map();
  const termsOfWord = (word) => {
    let terms = wordTerms.get(word);
    if (!terms) {
      if (wordTerms.size > 20000) wordTerms.clear();
      terms = analyze(word, stem);
      wordTerms.set(word, terms);
    }
    return terms;
  };

  /** About EXCERPT_LENGTH characters of `text` around most of the matched words, as HTML with <mark>. */
  function excerpt(text, terms) {
    const spans = [];
    for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+(?:['’ʼ‘`\-‐‑\u200c][\p{L}\p{M}\p{N}]+)*/gu)) {
      if (termsOfWord(match[0]).some((t) => terms.has(t))) spans.push([match.index, match.index + match[0].length]);
    }
    let start = 0;
    if (spans.length) {
      let bestCount = 0;
      for (const [s] of spans) {
        const count = spans.filter(([t]) => t >= s && t < s + EXCERPT_LENGTH - 40).length;
        if (count > bestCount) [bestCount, start] = [count, Math.max(0, s - 40)];
      }
      if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    }
    let end = Math.min(text.length, start + EXCERPT_LENGTH);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    let html = start > 0 ? "… " : "";
    let at = start;
    for (const [s, e] of spans) {
      if (s < start || e > end) continue;
      html += `${escapeHTML(text.slice(at, s))}<mark>${escapeHTML(text.slice(s, e))}</mark>`;
      at = e;
    }
    html += escapeHTML(text.slice(at, end)) + (end < text.length ? " …" : "");
    return html;
  }

  return { query, language: index.language, types: store.types };
}
