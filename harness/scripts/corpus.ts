// Real-world smoke run: checks every file of a directory (argument or SHIPSHAPE_CORPUS) and prints finding
// counts per rule and shape, documents skipped, and every error. Exits 1 when any file failed to parse or
// evaluate, so a real-world file the engine cannot handle is never silent. Input errors (a file that names
// another file the corpus does not hold, such as an `extends.file` base) are listed but are the corpus's own.
import { relative } from "node:path";
import { checkFiles, createBundledChecker } from "../src/node.js";

const dir = process.argv[2] ?? process.env.SHIPSHAPE_CORPUS;
if (!dir) {
  console.error("usage: npm run corpus -- DIR   (or set SHIPSHAPE_CORPUS)");
  process.exit(2);
}

const checker = await createBundledChecker();
const started = performance.now();
const results = checkFiles(checker, [dir], { env: {} });
const elapsed = performance.now() - started;

const byRule = new Map<string, number>();
const byShape = new Map<string, number>();
for (const finding of results.flatMap((r) => r.findings)) {
  byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
  byShape.set(finding.shape, (byShape.get(finding.shape) ?? 0) + 1);
}
const errors = results.flatMap((r) => r.errors);
const skipped = results.flatMap((r) => r.skipped);
const documents = results.reduce((n, r) => n + r.documents, 0);
const filesWithFindings = results.filter((r) => r.findings.length > 0).length;

console.log(`corpus: ${dir}`);
console.log(`files: ${results.length}, documents: ${documents}, skipped documents: ${skipped.length}`);
console.log(`files with findings: ${filesWithFindings}, time: ${elapsed.toFixed(0)} ms`);
console.log("\nfindings per rule:");
for (const [rule, n] of [...byRule].sort()) console.log(`  ${rule.padEnd(26)} ${n}`);
console.log("\nfindings per shape:");
for (const [shape, n] of [...byShape].sort()) console.log(`  ${shape.padEnd(26)} ${n}`);
console.log(`\nerrors: ${errors.length}`);
for (const e of errors) console.log(`  ${relative(dir, e.file)}:${e.line ?? ""} ${e.code} ${e.message}`);
process.exit(errors.some((e) => e.code !== "INPUT_ERROR") ? 1 : 0);
