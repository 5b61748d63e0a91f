// `npm run fix-corpus -- DIR` (or SHIPSHAPE_CORPUS): `shipshape fix` over a real corpus, in memory (nothing is
// written). Every rewritten file must parse, keep every comment line and every document, lose each fixed
// finding and gain none. Prints what was fixed and why the rest was left; exits 1 on any broken promise.
import { readFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { parseAllDocuments } from "yaml";
import { createBundledChecker } from "../src/node.js";
import { expandPaths } from "../src/node/files.js";

const dir = process.argv[2] ?? process.env.SHIPSHAPE_CORPUS;
if (!dir) {
  console.error("usage: npm run fix-corpus -- DIR   (or set SHIPSHAPE_CORPUS)");
  process.exit(2);
}
const checker = await createBundledChecker();
const comments = (text: string) => text.split("\n").filter((line) => line.trim().startsWith("#"));
const key = (f: { rule: string; object: string; container?: string; path: string }) =>
  [f.rule, f.object, f.container ?? "", f.path].join("\0");
let rewritten = 0;
let applied = 0;
const reasons = new Map<string, number>();
const broken: string[] = [];
const started = performance.now();
for (const file of expandPaths([dir]).files) {
  const text = readFileSync(file, "utf8");
  const options = { env: {}, projectDir: dirname(file) };
  const result = checker.fix(text, file, options);
  for (const { reason } of result.skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  if (result.text === text) continue;
  rewritten++;
  applied += result.applied.length;
  const name = relative(dir, file);
  const docs = parseAllDocuments(result.text);
  const before = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) broken.push(`${name}: does not parse`);
  if (Array.isArray(docs) && Array.isArray(before) && docs.length !== before.length)
    broken.push(`${name}: ${before.length} documents became ${docs.length}`);
  const lost = comments(text).filter((line) => !comments(result.text).includes(line));
  if (lost.length > 0) broken.push(`${name}: lost the comment ${JSON.stringify(lost[0])}`);
  // Of each kind (several findings can share one), as many as before less the fixed ones.
  const was = checker.checkText(text, file, options).findings.map(key);
  const now = checker.checkText(result.text, file, options).findings.map(key);
  const fixed = result.applied.map(({ finding }) => key(finding));
  const count = (list: string[], k: string) => list.filter((x) => x === k).length;
  for (const k of new Set([...now, ...fixed])) {
    if (count(now, k) !== count(was, k) - count(fixed, k))
      broken.push(`${name}: ${k.split("\0")[0]!} ${count(was, k)} -> ${count(now, k)}, ${count(fixed, k)} fixed`);
  }
}
console.log(`fix over ${dir}: ${applied} findings fixed in ${rewritten} files, ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log("left as they are:");
for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${reason}`);
console.log(`broken promises: ${broken.length}`);
for (const line of [...new Set(broken)].slice(0, 50)) console.log(`  ${line}`);
process.exit(broken.length > 0 ? 1 : 0);
