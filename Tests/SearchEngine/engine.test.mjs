// engine.mjs on a built site: Tests/SearchEngine/Fixtures/site, built by the wegweiser binary
// (WEGWEISER, else .build/debug/wegweiser) once whole and once with its index split into shards.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const binary = process.env.WEGWEISER ?? path.join(root, ".build/debug/wegweiser");
const fixture = path.join(root, "Tests/SearchEngine/Fixtures/site");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-engine-"));

/** Builds the fixture, with extra site.yaml lines, and returns the output folder. */
function build(name, extraSettings = "") {
  const source = path.join(work, name, "source");
  const output = path.join(work, name, "output");
  fs.cpSync(fixture, source, { recursive: true });
  fs.appendFileSync(path.join(source, "site.yaml"), extraSettings);
  execFileSync(binary, ["build", "--source", source, "--output", output, "--now", "2026-11-26T12:00:00Z"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return output;
}

const readJSON = (file) => JSON.parse(fs.readFileSync(file, "utf8"));
let site, split, engine;

before(async () => {
  site = build("whole");
  split = build("split", "search: {split_above: 1024}\n");
  engine = await import(pathToFileURL(path.join(site, "search/engine.mjs")).href);
});
after(() => fs.rmSync(work, { recursive: true, force: true }));

/** A search over a language of the whole site. */
const searchIn = (lang) => engine.createSearch(readJSON(path.join(site, lang, "search-index.json")));
const urls = (hits) => hits.map((hit) => hit.url);

describe("the interface", () => {
  test("query() returns {url, title, excerpt, type}, best first", async () => {
    const hits = await searchIn("de").query("Einbürgerung", { limit: 10 });
    assert.ok(hits.length >= 1);
    assert.deepEqual(Object.keys(hits[0]).sort(), ["excerpt", "title", "type", "url"]);
    assert.equal(hits[0].url, "/de/einbuergerung/");
    assert.equal(hits[0].title, "Einbürgerung");
    assert.equal(hits[0].type, "page");
  });

  test("limit caps the results", async () => {
    const all = await searchIn("de").query("Beratung");
    assert.ok(all.length >= 3, urls(all).join(" "));
    assert.equal((await searchIn("de").query("Beratung", { limit: 2 })).length, 2);
  });

  test("a query without words finds nothing, and says so without throwing", async () => {
    for (const q of ["", "   ", "?!", "—"]) assert.deepEqual(await searchIn("de").query(q), []);
  });

  test("an index of another format is refused", () => {
    assert.throws(() => engine.createSearch({ format: "pagefind" }), /not a Wegweiser search index/);
    assert.throws(() => engine.createSearch(null), /not a Wegweiser search index/);
  });
});

describe("what is indexed", () => {
  test("regular pages only: no home, lists, search page, or page with search: false", async () => {
    const index = readJSON(path.join(site, "de", "search-index.json"));
    const listed = index.docs.map((doc) => doc[0]);
    assert.ok(!listed.includes("/de/"), "the home page is a list");
    assert.ok(!listed.some((url) => url.startsWith("/de/search/")));
    assert.ok(!listed.includes("/de/directory/"));
    assert.ok(!listed.includes("/de/intern/"));
    assert.deepEqual(await searchIn("de").query("Geheimsache"), []);
  });

  test("fallback copies are not indexed in the language they borrow", async () => {
    const listed = readJSON(path.join(site, "en", "search-index.json")).docs.map((doc) => doc[0]);
    assert.deepEqual(listed, ["/en/migrationsberatung/"]);
  });

  test("typed fields are searchable: services, organization, address, spoken languages", async () => {
    const search = searchIn("de");
    for (const q of ["Schuldnerberatung", "Caritasverband", "Kirchgasse 3", "Ukrainisch"]) {
      assert.equal((await search.query(q))[0]?.url, "/de/directory/caritas/", q);
    }
  });
});

describe("matching", () => {
  const cases = [
    ["de", "compound part", "Betreuung", "/de/integrationskurs/"],
    ["de", "umlaut written as ue", "Einbuergerung", "/de/einbuergerung/"],
    ["de", "umlaut left out", "Einburgerung", "/de/einbuergerung/"],
    ["de", "typo", "Integrationskrus", "/de/integrationskurs/"],
    ["de", "prefix while typing", "Einbürg", "/de/einbuergerung/"],
    ["de", "inflection", "Integrationskurse", "/de/integrationskurs/"],
    ["de", "heading", "Unterlagen", "/de/einbuergerung/"],
    ["de", "a whole question", "Wo bekomme ich Hilfe bei der Einbürgerung?", "/de/einbuergerung/"],
    ["en", "British and American spelling", "pediatrician counseling", "/en/migrationsberatung/"],
    ["ar", "tashkeel and article", "دورة الاندماج", "/ar/migrationsberatung/"],
    ["ar", "hamza", "الاقامة", "/ar/migrationsberatung/"],
    ["uk", "apostrophe", "обов'язкові", "/uk/migrationsberatung/"],
    ["uk", "inflection", "робота", "/uk/migrationsberatung/"],
  ];
  for (const [lang, rule, q, expected] of cases) {
    test(`${lang}: ${rule}: ${q}`, async () => {
      assert.equal((await searchIn(lang).query(q))[0]?.url, expected);
    });
  }

  test("an exact word ranks above a part of a compound", async () => {
    const hits = urls(await searchIn("de").query("Beratung"));
    assert.ok(hits.indexOf("/de/reports/beratung-2025/") < hits.indexOf("/de/migrationsberatung/"), hits.join(" "));
  });

  test("a page with both words of the query ranks above pages with one of them", async () => {
    const hits = urls(await searchIn("de").query("Kaffee Rathaus"));
    assert.equal(hits[0], "/de/events/sprachcafe/");
    assert.ok(hits.includes("/de/migrationsberatung/"), "a page with one of the words is still found");
  });
});

describe("filters and excerpts", () => {
  test("type filters to reports, contacts or events", async () => {
    const search = searchIn("de");
    assert.deepEqual(urls(await search.query("Beratung", { type: "report" })), ["/de/reports/beratung-2025/"]);
    assert.deepEqual(urls(await search.query("Rathaus", { type: "event" })), ["/de/events/sprachcafe/"]);
    const both = await search.query("Beratung", { type: ["report", "contact"] });
    assert.deepEqual(new Set(both.map((hit) => hit.type)), new Set(["report", "contact"]));
  });

  test("the excerpt marks the matched words and escapes the text", async () => {
    const [hit] = await searchIn("de").query("Kinderbetreuung");
    assert.equal(hit.url, "/de/integrationskurs/");
    assert.match(hit.excerpt, /<mark>Kinderbetreuung<\/mark>/);
    const text = hit.excerpt.replace(/<\/?mark>/g, "");
    assert.match(text, /Kinder &lt; 6 Jahre/);
    assert.match(text, /&amp; Spielgruppe/);
    assert.doesNotMatch(hit.excerpt.replace(/<\/?mark>/g, ""), /[<>]/);
  });

  test("a typo is marked where the page has the word", async () => {
    const [hit] = await searchIn("de").query("Integrationskrus");
    assert.match(hit.excerpt, /<mark>Integrationskurs<\/mark>/);
  });
});

describe("a split index", () => {
  const load = (lang, counter) => (file) => {
    counter.count += 1;
    return readJSON(path.join(split, lang, file));
  };

  test("search-index.json is a manifest of shards and page files", () => {
    const manifest = readJSON(path.join(split, "de", "search-index.json"));
    assert.ok(manifest.shards.length > 1, "expected more than one shard at split_above: 1024");
    assert.equal(manifest.docs, undefined);
    for (const [, file] of manifest.shards) assert.ok(fs.existsSync(path.join(split, "de", file)), file);
  });

  test("it finds what the whole index finds, loading only the shards it needs", async () => {
    const manifest = readJSON(path.join(split, "de", "search-index.json"));
    for (const q of ["Beratung", "Einbuergerung", "Integrationskrus", "Einbürg", "Kirchgasse 3", "Rathaus"]) {
      const counter = { count: 0 };
      const search = engine.createSearch(manifest, { load: load("de", counter) });
      const whole = await searchIn("de").query(q);
      const shards = await search.query(q);
      assert.deepEqual(urls(shards), urls(whole).slice(0, shards.length), q);
      assert.ok(shards.length > 0, q);
      assert.ok(counter.count < manifest.shards.length + manifest.count, `${q}: loaded ${counter.count} files`);
    }
  });

  test("without a loader, the engine reads the shards beside search-index.json by itself", async () => {
    const splitEngine = await import(pathToFileURL(path.join(split, "search/engine.mjs")).href);
    const manifest = readJSON(path.join(split, "de", "search-index.json"));
    assert.equal(manifest.path, "de/search-index.json");
    const hits = await splitEngine.createSearch(manifest).query("Einbuergerung");
    assert.equal(hits[0]?.url, "/de/einbuergerung/");
  });

  test("a manifest that says nowhere where it is needs a loader, and the error says so", () => {
    const { path: _, ...manifest } = readJSON(path.join(split, "de", "search-index.json"));
    assert.throws(() => engine.createSearch(manifest), /pass createSearch\(index, \{ load \}\)/);
  });
});
