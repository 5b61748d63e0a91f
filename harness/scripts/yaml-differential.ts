// The fast YAML reader (js-yaml, inputs/yaml-fast.ts) against the full one (the `yaml` library) on every YAML
// and JSON file (JSON positions come from the same readers: inputs/json.ts) under the given paths: where the fast one reads a file, it must give the same documents, values, sources
// and the same position for every path in every value. Prints how many files each reader took.
// Usage: npm run yaml-differential -- DIR...
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { compareYamlReaders } from "./yaml-compare.js";

function yamlFiles(path: string, out: string[] = []): string[] {
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) yamlFiles(join(path, entry), out);
  } else if (/\.(ya?ml|json)$/i.test(path)) {
    out.push(path);
  }
  return out;
}

const files = process.argv.slice(2).flatMap((p) => yamlFiles(p));
let fast = 0;
const problems: string[] = [];
for (const file of files) {
  const outcome = compareYamlReaders(readFileSync(file, "utf8"), file);
  if (outcome.fast) fast += 1;
  problems.push(...outcome.problems);
}
console.log(
  `yaml readers: ${files.length} files, ${fast} read by the fast reader, ${files.length - fast} left to the full one; ${problems.length} differences`,
);
for (const problem of problems.slice(0, 50)) console.log(`  ${problem}`);
process.exitCode = problems.length > 0 ? 1 : 0;
