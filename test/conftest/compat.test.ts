import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseConfig, paramsOf } from "../../harness/src/config/config.js";
import { isDockerfileName, parseDockerfile } from "../../harness/src/inputs/dockerfile.js";
import { INPUTS, ROOT, SAMPLES_CONFIG, sampleFiles, samplesChecker, tempDir } from "../helpers.js";

// docs/spec.md §6: the same policies/ directory works under conftest, with the same violations (without locations).
// Dockerfiles: conftest's parser gives the instructions without the commands shipshape's shell parser reads, so
// conftest is held to what shipshape finds in the instructions without commands; the rules that read commands
// are silent under conftest (docs/decisions.md).
const conftest = process.env.CONFTEST ?? join(ROOT, ".tools", "bin", "conftest");

interface ConftestResult {
  filename: string;
  namespace: string;
  failures?: Array<{ msg: string }>;
  warnings?: Array<{ msg: string }>;
}

// The samples' rule parameters (trusted-registries), as the data document conftest reads with --data.
async function paramsData(): Promise<string> {
  const { catalog } = await samplesChecker();
  const config = parseConfig(readFileSync(SAMPLES_CONFIG, "utf8"), SAMPLES_CONFIG, catalog.rules);
  const file = join(tempDir("conftest"), "params.json");
  writeFileSync(file, JSON.stringify({ shipshape: { params: paramsOf(config) } }));
  return file;
}

// --fail-on-warn: exit 2 for deny findings, 1 for warn-only findings, 0 for none.
function runConftest(files: string[], data: string): ConftestResult[] {
  const policies = join(ROOT, "policies");
  const args = ["test", "--all-namespaces", "--fail-on-warn", "--no-color", "-o", "json", "-p", policies, "--data", data, ...files];
  try {
    return JSON.parse(execFileSync(conftest, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })) as ConftestResult[];
  } catch (error) {
    return JSON.parse((error as { stdout: string }).stdout) as ConftestResult[];
  }
}

// conftest's answer is a function of its binary, the policies, the samples and the parameters: it is kept under
// node_modules/.cache (as eslint's and tsc's are) by the hash of all of them, so a warm `make test` does not spend
// 13 s of two cores asking again. Any change to one of them asks conftest again; a clean clone (CI) always does.
const CACHE = join(ROOT, "node_modules", ".cache", "shipshape-conftest");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function cachedConftest(files: string[], data: string): ConftestResult[] {
  const hash = createHash("sha256").update(ROOT).update(readFileSync(conftest));
  for (const file of [...filesUnder(join(ROOT, "policies")), ...files, data]) {
    hash.update(`\0${file === data ? "params" : relative(ROOT, file)}\0`).update(readFileSync(file));
  }
  const key = hash.digest("hex");
  const cached = join(CACHE, `${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, "utf8")) as ConftestResult[];
  const results = runConftest(files, data);
  rmSync(CACHE, { recursive: true, force: true }); // one entry: the cache never grows
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, JSON.stringify(results));
  return results;
}

describe("conftest compatibility", () => {
  it("has the pinned conftest built (make tools)", () => {
    expect(existsSync(conftest), `${conftest} is missing: run make tools`).toBe(true);
  });

  const samples = sampleFiles();
  // One conftest run over every sample (70 runs took 48 s; one takes a few), grouped by file.
  const byFile = new Map<string, ConftestResult[]>();
  beforeAll(async () => {
    const results = cachedConftest(
      samples.map((s) => join(INPUTS, s)),
      await paramsData(),
    );
    for (const result of results) byFile.set(result.filename, [...(byFile.get(result.filename) ?? []), result]);
  }, 120_000); // one conftest run over every sample: about 5 s alone, far more on a loaded machine

  it.each(samples)("conftest judges %s as shipshape does", async (sample) => {
    const file = join(INPUTS, sample);
    const results = byFile.get(file) ?? [];
    const status = results.some((r) => (r.failures ?? []).length > 0) ? 2 : results.some((r) => (r.warnings ?? []).length > 0) ? 1 : 0;
    const text = readFileSync(file, "utf8");
    const checker = await samplesChecker();
    const full = checker.checkText(text, file).findings;
    const findings = isDockerfileName(file) ? checker.checkDocument(parseDockerfile(text, file).documents[0]!.value, file).findings : full;
    // What conftest can see is a part of what shipshape sees.
    for (const finding of findings) expect(full.map((f) => f.message)).toContain(finding.message);
    const messages = (level: string) =>
      findings
        .filter((f) => f.level === level)
        .map((f) => f.message)
        .sort();
    expect(status).toBe(messages("deny").length > 0 ? 2 : messages("warn").length > 0 ? 1 : 0);
    if (sample.includes("/bad/") && findings.length > 0) expect(status).toBeGreaterThan(0);
    if (text.includes("${")) return; // conftest does not interpolate Compose variables; shipshape does
    expect(
      results
        .flatMap((r) => r.failures ?? [])
        .map((f) => f.msg)
        .sort(),
    ).toEqual(messages("deny"));
    expect(
      results
        .flatMap((r) => r.warnings ?? [])
        .map((f) => f.msg)
        .sort(),
    ).toEqual(messages("warn"));
  });
});
