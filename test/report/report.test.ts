import { describe, expect, it } from "vitest";
import { buildReport, exitCode, type FileResult, type Finding } from "../../harness/src/index.js";
import { formatPath } from "../../harness/src/report/path.js";

const finding = (over: Partial<Finding>): Finding => ({
  rule: "no-root-user",
  severity: "high",
  level: "deny",
  title: "t",
  message: "m",
  file: "a.yaml",
  line: 1,
  column: 1,
  document: 0,
  shape: "kubernetes",
  object: "Pod/p",
  container: "c",
  path: "spec.containers[0]",
  waived: false,
  ...over,
});

const result = (findings: Finding[], errors: FileResult["errors"] = []): FileResult => ({
  file: "a.yaml",
  documents: 1,
  findings,
  errors,
  skipped: [],
});

describe("exit codes (docs/spec.md §4)", () => {
  it("is 0 without deny findings, 1 with one, 2 with any input error", () => {
    expect(exitCode(buildReport([result([finding({ level: "warn" })])], "0"))).toBe(0);
    expect(exitCode(buildReport([result([finding({})])], "0"))).toBe(1);
    const broken = result([finding({})], [{ file: "b.yaml", code: "PARSE_ERROR", message: "x" }]);
    expect(exitCode(buildReport([broken], "0"))).toBe(2);
  });

  it("ignores waived findings and fails warnings at --fail-level warn", () => {
    expect(exitCode(buildReport([result([finding({ waived: true })])], "0"))).toBe(0);
    expect(exitCode(buildReport([result([finding({ level: "warn" })])], "0"), "warn")).toBe(1);
  });

  it("counts and orders findings by file and position", () => {
    const report = buildReport([result([finding({ line: 9 }), finding({ line: 2, level: "warn" }), finding({ waived: true })])], "0");
    expect(report.findings.map((f) => f.line)).toEqual([1, 2, 9]);
    expect(report.summary).toMatchObject({ findings: 3, deny: 1, warn: 1, waived: 1, files: 1, documents: 1 });
  });
});

describe("formatPath", () => {
  it("renders keys and indexes", () => {
    expect(formatPath(["spec", "template", "spec", "containers", 1])).toBe("spec.template.spec.containers[1]");
    expect(formatPath([0])).toBe("[0]");
    expect(formatPath(["services", "my app", "image"])).toBe('services["my app"].image');
    expect(formatPath([])).toBe("");
  });
});
