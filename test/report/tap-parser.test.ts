// TAP through a real TAP parser (tapjs's tap-parser): the plan matches the test points, one per finding and
// per unreadable file, and text from a manifest (a waiver reason with a newline) cannot break the stream.
import { Parser, type FinalResults } from "tap-parser";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { runCli } from "../cli/run-cli.js";
import { tempDir } from "../helpers.js";

const parsed = (tap: string) =>
  new Promise<FinalResults>((resolve) => {
    const parser = new Parser(resolve);
    parser.end(tap);
  });

const POD = [
  "apiVersion: v1",
  "kind: Pod",
  "metadata:",
  "  name: p",
  "  annotations:",
  '    shipshape.dev/waive: "no-latest-tag"',
  '    shipshape.dev/waive-reason: "vendor image\\nnot ok 99 - injected\\n1..1"',
  "spec:",
  "  containers: [{name: c, image: 'a:latest'}]",
  "",
].join("\n");

describe("tap through a TAP parser", () => {
  it("counts one test point per finding and error, fails exactly the denies, and survives newlines in reasons", async () => {
    const dir = tempDir("tap", { "pod.yaml": POD, "broken.yaml": "a: [\n" });
    const { stdout } = await runCli(["check", "--no-config", "-f", "tap", "pod.yaml", "broken.yaml"], { cwd: dir });
    const { stdout: json } = await runCli(["check", "--no-config", "-f", "json", "pod.yaml", "broken.yaml"], { cwd: dir });
    const report = JSON.parse(json) as Report;
    const results = await parsed(stdout);
    expect(results.plan.end).toBe(report.findings.length + report.errors.length);
    expect(results.count).toBe(results.plan.end);
    expect(results.skip).toBe(report.summary.waived);
    expect(results.todo).toBe(report.summary.warn);
    expect(results.fail - results.todo).toBe(report.summary.deny + report.summary.errors);
    expect(stdout).not.toMatch(/^not ok 99 - injected$/m);
  });
});
