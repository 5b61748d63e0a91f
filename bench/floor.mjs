// The parse-only floor: read the same files as `shipshape check` and parse them with the fastest parser there
// is for each, evaluating nothing: js-yaml `loadAll` for YAML (issue 17 sets the target against it), JSON.parse
// for JSON, shipshape's own reader for Dockerfiles. Usage: node bench/floor.mjs DIR...
import { readFileSync } from "node:fs";
import { loadAll } from "js-yaml";
import { expandPaths } from "../dist/lib/node/files.js";
import { parseText, syntaxOf } from "../dist/lib/inputs/parse.js";

let documents = 0;
for (const file of expandPaths(process.argv.slice(2)).files) {
  const text = readFileSync(file, "utf8");
  const syntax = syntaxOf(file);
  try {
    if (syntax === "yaml") documents += loadAll(text, undefined, { json: true }).filter((d) => d !== null).length;
    else if (syntax === "json") documents += JSON.parse(text) === null ? 0 : 1;
    else documents += parseText(text, file).documents.length;
  } catch {
    // a file the parser refuses costs what it cost
  }
}
process.stdout.write(`${documents}\n`);
