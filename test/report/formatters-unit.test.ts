// Each formatter on a hand-built report (conftest's output/<format>_test.go pattern): what a format renders,
// pinned exactly, without the policy, the CLI or the file system, so adding a rule changes none of these.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildReport, formatters, type Report } from "../../harness/src/index.js";
import { jsonPieces } from "../../harness/src/report/formatters/json.js";
import { CATALOG, results } from "./fixtures.js";

const report = buildReport(results(), "0.0.0-test", { disabledRules: ["no-ssh-port"] });

describe("formatters on a hand-built report", () => {
  // html is a page with its own script and style: test/report/html.test.ts checks what it carries, in a browser.
  it.each(Object.keys(formatters).filter((name) => name !== "html"))("%s", (name) => {
    expect(formatters[name]!(report, { catalog: CATALOG, color: false })).toMatchSnapshot();
  });

  it("text, quiet and compact: failing findings only, one line each; the per-rule table still counts all", () => {
    const text = formatters.text!(report, { catalog: CATALOG, color: false, quiet: true, compact: true });
    expect(text).toMatchSnapshot();
    expect(text).not.toContain("fix:");
    expect(text).not.toContain("writable root filesystem");
  });

  it("json in pieces is JSON.stringify's text of the report, piece by piece", () => {
    const pieces = [...jsonPieces(report)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join("")).toBe(JSON.stringify(report, null, 2) + "\n");
  });

  it("json in pieces is JSON.stringify's text for any value, fields left out as it leaves them out", () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.constant(undefined),
      fc.constant(() => 1),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(value, fc.array(value), fc.dictionary(fc.string(), value))), (object) => {
        const report = object as unknown as Report;
        expect([...jsonPieces(report)].join("")).toBe(JSON.stringify(report, null, 2) + "\n");
      }),
      { numRuns: 300 },
    );
  });

  it("text colours only when asked", () => {
    expect(formatters.text!(report, { catalog: CATALOG, color: false })).not.toContain("\u001b[");
    expect(formatters.text!(report, { catalog: CATALOG, color: true })).toContain("\u001b[31m");
  });
});
