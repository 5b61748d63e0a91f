// Differential testing: the compiled WASM bundle and OPA's own evaluator must find exactly the same findings
// for the same input. Usage: npm run differential -- DIR   (or SHIPSHAPE_CORPUS); without a directory it
// checks a generated corpus. Exits 1 on any difference.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { prepareDocument } from "../src/inputs/compose/prepare.js";
import { readBundledArtifacts } from "../src/node/bundled.js";
import { Policy, type PolicyResult } from "../src/engine/policy.js";
import { parseText } from "../src/inputs/parse.js";
import { ShellReader, type CommandReader } from "../src/inputs/shell.js";
import { expandPaths } from "../src/node/files.js";
import { generatedDocuments } from "./generated-corpus.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface Difference {
  id: string;
  wasm: PolicyResult;
  opa: PolicyResult;
}

// Key order differs between the evaluators; compare findings as sorted, key-sorted JSON.
const canonical = (result: PolicyResult) =>
  JSON.stringify({
    shape: result.shape,
    findings: result.findings.map((f) => JSON.stringify(f, Object.keys(f).sort())).sort(),
  });

/** Evaluates every document with the WASM bundle and with `opa eval` (one process for all) and compares. */
export async function differential(documents: Map<string, unknown>, opa = join(ROOT, ".tools", "bin", "opa")): Promise<Difference[]> {
  const policy = await Policy.load(readBundledArtifacts().wasm);
  const dir = mkdtempSync(join(tmpdir(), "shipshape-differential-"));
  const data = join(dir, "documents.json");
  writeFileSync(data, JSON.stringify({ differential: { documents: Object.fromEntries(documents) } }));
  const query = "{id: report | some id, doc in data.differential.documents; report := data.shipshape.main.report with input as doc}";
  const args = [
    "eval",
    "-f",
    "json",
    "--ignore",
    "capabilities.json",
    "--ignore",
    "*_test.rego",
    "-d",
    join(ROOT, "policies"),
    "-d",
    data,
    query,
  ];
  let output: string;
  try {
    output = execFileSync(opa, args, { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const fromOpa = (JSON.parse(output) as { result: Array<{ expressions: Array<{ value: Record<string, PolicyResult> }> }> }).result[0]!
    .expressions[0]!.value;
  const differences: Difference[] = [];
  for (const [id, document] of documents) {
    const wasm = policy.evaluate(document);
    const opaResult = fromOpa[id] ?? { shape: null, findings: [], inline_waivers: [] };
    if (canonical(wasm) !== canonical(opaResult)) differences.push({ id, wasm, opa: opaResult });
  }
  return differences;
}

/**
 * Every document of every file under `dir`, prepared as the checker prepares it (Dockerfile commands read with
 * `shell`), keyed file#index.
 */
export function corpusDocuments(dir: string, shell?: CommandReader): Map<string, unknown> {
  const documents = new Map<string, unknown>();
  for (const file of expandPaths([dir]).files) {
    const { documents: parsed } = parseText(readFileSync(file, "utf8"), file, undefined, undefined, undefined, shell);
    for (const doc of parsed) documents.set(`${relative(dir, file)}#${doc.index}`, prepareDocument(doc.value));
  }
  return documents;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.SHIPSHAPE_CORPUS;
  const documents = dir
    ? corpusDocuments(dir, await ShellReader.load(readBundledArtifacts().shell))
    : new Map(generatedDocuments(2_000).map((doc, i) => [`generated#${i}`, prepareDocument(doc)]));
  const differences = await differential(documents);
  const findings = [...documents.values()].length;
  console.log(`differential: ${findings} documents from ${dir ?? "the generated corpus"}, ${differences.length} differences`);
  for (const d of differences.slice(0, 20)) console.log(`  ${d.id}\n    wasm: ${canonical(d.wasm)}\n    opa:  ${canonical(d.opa)}`);
  process.exit(differences.length > 0 ? 1 : 0);
}
