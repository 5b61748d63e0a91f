// The parse-only floor: read and parse the same files as `shipshape check`, with the same parsers, and
// evaluate nothing. Usage: node bench/floor.mjs DIR...
import { readFileSync } from "node:fs";
import { expandPaths } from "../dist/lib/node/files.js";
import { parseText } from "../dist/lib/inputs/parse.js";

let documents = 0;
for (const file of expandPaths(process.argv.slice(2)).files) {
  documents += parseText(readFileSync(file, "utf8"), file).documents.length;
}
process.stdout.write(`${documents}\n`);
