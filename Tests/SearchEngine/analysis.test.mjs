// engine.mjs analyzes text exactly as the build does: the table the Swift tests check
// (Tests/WegweiserSearchTests/Fixtures/text-analysis.json), with the rules the build records.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { analyze, createStemmer } from "../../Sources/WegweiserSearch/Engine/engine.mjs";

const fixtures = new URL("../WegweiserSearchTests/Fixtures/", import.meta.url);
const cases = JSON.parse(fs.readFileSync(new URL("text-analysis.json", fixtures), "utf8"));
const analyzers = JSON.parse(fs.readFileSync(new URL("analyzers.json", fixtures), "utf8"));

for (const example of cases) {
  test(`${example.lang}: ${example.rule}`, () => {
    assert.deepEqual(analyze(example.text, createStemmer(analyzers[example.lang])), example.terms);
  });
}
