import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { countByRule, INPUTS, sampleFiles, samplesChecker } from "../helpers.js";

// The table of expected findings for every sample, run through the compiled WASM bundle.
const suite = parse(readFileSync(join(INPUTS, "suite.yaml"), "utf8")) as Record<string, Record<string, number>>;
const samples = sampleFiles();

describe("inputs/ samples through the WASM bundle", () => {
  it("lists every bad sample in suite.yaml and no good one", () => {
    const bad = samples.filter((f) => f.includes("/bad/"));
    expect(Object.keys(suite).sort()).toEqual(bad.sort());
    expect(samples.filter((f) => f.includes("/good/")).length).toBeGreaterThan(0);
  });

  it.each(samples)("%s", async (sample) => {
    const checker = await samplesChecker();
    const file = join(INPUTS, sample);
    const result = checker.checkText(readFileSync(file, "utf8"), file, { env: {} });
    expect(result.errors).toEqual([]);
    expect(result.documents).toBeGreaterThan(0);
    expect(countByRule(result.findings)).toEqual(suite[sample] ?? {});
    for (const finding of result.findings) {
      expect(finding.line).toBeGreaterThan(0);
      expect(finding.column).toBeGreaterThan(0);
      // A finding names its container, or (about a pod-level field) the workload alone.
      expect(finding.message).toContain(finding.container ?? finding.object);
    }
  });
});
