// ESM: check one manifest in-process and print its findings with their locations.
// Run: node examples/check-manifest.mjs [FILE]
import { readFile } from "node:fs/promises";
import { buildReport, createBundledChecker, exitCode } from "shipshape";

const file = process.argv[2] ?? new URL("manifest.yaml", import.meta.url).pathname;
const checker = await createBundledChecker(); // compiles the WASM once; reuse it for every file

const result = checker.checkText(await readFile(file, "utf8"), file);
for (const f of result.findings) {
  console.log(`${f.line}:${f.column} ${f.level} ${f.rule} ${f.message}`);
}
const report = buildReport([result], "example");
process.exitCode = exitCode(report);
