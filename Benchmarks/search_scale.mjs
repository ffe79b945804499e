// How the search engine does on a large built site: bytes a reader downloads for a first query and
// how long queries take in Node, per language. Used by `make bench-search` on a generated corpus.
//
//   node Benchmarks/search_scale.mjs BUILT_SITE [--queries q1,q2,…]
//
// For each language folder with a search-index.json: load the index (following shards from disk,
// counting their bytes gzipped as a server would send them), then run each query cold (a fresh
// engine, so shards load) and warm (the same engine again, median of 20 runs).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const site = args[0];
if (!site || !fs.existsSync(path.join(site, "search", "engine.mjs"))) {
  console.error("usage: node Benchmarks/search_scale.mjs BUILT_SITE [--queries q1,q2,...]");
  process.exit(2);
}
const queryArg = args.indexOf("--queries");
const defaults = {
  de: ["Beratung", "Wohnung", "Sprachkurs", "Einburgerung", "Integrationskrus", "Kita", "Wo finde ich Hilfe bei der Arbeitssuche?", "Migr"],
  ar: ["سكن", "الاندماج", "دورة لغة", "تسجيل", "مدرسه", "عمل"],
  en: ["counseling", "housing", "language course", "registration", "childcare", "jbo centre"],
  uk: ["житло", "робота", "курс", "консультація", "обов'язково"],
  tr: ["konut", "dil kursu", "calisma", "danışmanlık"],
};
const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const engineFile = path.join(site, "search", "engine.mjs");
const engineGzip = gzip(fs.readFileSync(engineFile));
const { createSearch } = await import(pathToFileURL(engineFile).href);

const rows = [];
for (const lang of fs.readdirSync(site).sort()) {
  const indexFile = path.join(site, lang, "search-index.json");
  if (!fs.existsSync(indexFile)) continue;
  const queries = queryArg >= 0 ? args[queryArg + 1].split(",") : defaults[lang] ?? ["a"];
  const manifestBytes = fs.readFileSync(indexFile);
  const manifest = JSON.parse(manifestBytes);
  const files = fs.existsSync(path.join(site, lang, "search-index"))
    ? fs.readdirSync(path.join(site, lang, "search-index")).map((f) => path.join(site, lang, "search-index", f)) : [];
  const totalGzip = gzip(manifestBytes) + files.reduce((n, f) => n + gzip(fs.readFileSync(f)), 0);
  const pages = manifest.count ?? manifest.docs.length;
  for (const q of queries) {
    let fetched = engineGzip + gzip(manifestBytes);
    const load = (file) => {
      const bytes = fs.readFileSync(path.join(site, lang, file));
      fetched += gzip(bytes);
      return JSON.parse(bytes);
    };
    const t0 = performance.now();
    const search = createSearch(JSON.parse(manifestBytes), { load });
    const hits = await search.query(q, { limit: 10 });
    const cold = performance.now() - t0;
    const warm = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await search.query(q, { limit: 10 });
      warm.push(performance.now() - t);
    }
    rows.push({ lang, pages, split: Array.isArray(manifest.shards), q, hits: hits.length, cold_ms: cold,
      warm_ms: median(warm), first_query_kib: fetched / 1024, index_total_kib: totalGzip / 1024 });
  }
}
const pad = (s, n) => String(s).padEnd(n);
console.log(pad("lang", 5) + pad("pages", 7) + pad("split", 6) + pad("query", 44) + pad("hits", 5) +
  pad("cold ms", 9) + pad("warm ms", 9) + pad("first query KiB gz", 20) + "whole index KiB gz");
for (const r of rows) {
  console.log(pad(r.lang, 5) + pad(r.pages, 7) + pad(r.split ? "yes" : "no", 6) + pad(JSON.stringify(r.q), 44) +
    pad(r.hits, 5) + pad(r.cold_ms.toFixed(1), 9) + pad(r.warm_ms.toFixed(2), 9) + pad(r.first_query_kib.toFixed(1), 20) +
    r.index_total_kib.toFixed(0));
}
const warmAll = rows.map((r) => r.warm_ms);
console.log(`\nwarm query: median ${median(warmAll).toFixed(2)} ms, max ${Math.max(...warmAll).toFixed(2)} ms; ` +
  `cold (fresh engine, shards read from disk): max ${Math.max(...rows.map((r) => r.cold_ms)).toFixed(1)} ms; ` +
  `first query downloads at most ${Math.max(...rows.map((r) => r.first_query_kib)).toFixed(1)} KiB gzip`);
