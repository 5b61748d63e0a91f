import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledChecker, INPUTS, ROOT, sampleFiles } from "../helpers.js";

// SPEC §6: the same policies/ directory works under conftest, with the same violations (without locations).
const conftest = process.env.CONFTEST ?? join(ROOT, ".tools", "bin", "conftest");

interface ConftestResult {
  filename: string;
  namespace: string;
  failures?: Array<{ msg: string }>;
  warnings?: Array<{ msg: string }>;
}

function runConftest(files: string[]): { status: number; results: ConftestResult[] } {
  const args = ["test", "--all-namespaces", "--no-color", "-o", "json", "-p", join(ROOT, "policies"), ...files];
  try {
    return { status: 0, results: JSON.parse(execFileSync(conftest, args, { encoding: "utf8" })) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, results: JSON.parse(failed.stdout) };
  }
}

describe("conftest compatibility", () => {
  it("has the pinned conftest built (make tools)", () => {
    expect(existsSync(conftest), `${conftest} is missing: run make tools`).toBe(true);
  });

  const samples = sampleFiles();

  it.each(samples)("conftest judges %s as shipshape does", async (sample) => {
    const file = join(INPUTS, sample);
    const { status, results } = runConftest([file]);
    expect(status).toBe(sample.includes("/bad/") ? 1 : 0);

    const text = readFileSync(file, "utf8");
    if (text.includes("${")) return; // conftest does not interpolate Compose variables; shipshape does
    const fromConftest = results.flatMap((r) => r.failures ?? []).map((f) => f.msg).sort();
    const checker = await bundledChecker();
    const fromShipshape = checker
      .checkText(text, file)
      .findings.filter((f) => f.level === "deny")
      .map((f) => f.message)
      .sort();
    expect(fromConftest).toEqual(fromShipshape);
  });
});
