import type { Level } from "../engine/catalog.js";
import type { FileResult, Finding, InputFailure, SkippedDocument } from "./finding.js";

export interface Summary {
  files: number;
  documents: number;
  findings: number;
  deny: number;
  warn: number;
  waived: number;
  errors: number;
  skipped: number;
  /** Files the configuration's `ignore` kept from being read. */
  ignored: number;
}

/** The machine-readable result of a run (`--format json`, schema version 1). */
export interface Report {
  version: 1;
  tool: { name: "shipshape"; version: string };
  summary: Summary;
  findings: Finding[];
  errors: InputFailure[];
  skipped: SkippedDocument[];
  /** Files not read because the configuration ignores them. */
  ignored: string[];
  /** Rules that did not run (`enabled: false`, or outside the chosen profile): none of their findings are reported. */
  disabledRules: string[];
}

/** What the run left out on purpose, so a report never passes in silence. */
export interface ReportScope {
  disabledRules?: string[];
}

const byLocation = (a: Finding, b: Finding) =>
  a.file.localeCompare(b.file) ||
  a.line - b.line ||
  a.column - b.column ||
  a.rule.localeCompare(b.rule) ||
  a.message.localeCompare(b.message);

export function buildReport(all: FileResult[], toolVersion: string, scope: ReportScope = {}): Report {
  const results = all.filter((r) => !r.ignored);
  const ignored = all.filter((r) => r.ignored).map((r) => r.file);
  const findings = results.flatMap((r) => r.findings).sort(byLocation);
  const errors = results.flatMap((r) => r.errors);
  const skipped = results.flatMap((r) => r.skipped);
  const active = findings.filter((f) => !f.waived);
  return {
    version: 1,
    tool: { name: "shipshape", version: toolVersion },
    summary: {
      files: results.length,
      documents: results.reduce((n, r) => n + r.documents, 0),
      findings: findings.length,
      deny: active.filter((f) => f.level === "deny").length,
      warn: active.filter((f) => f.level === "warn").length,
      waived: findings.length - active.length,
      errors: errors.length,
      skipped: skipped.length,
      ignored: ignored.length,
    },
    findings,
    errors,
    skipped,
    ignored,
    disabledRules: [...(scope.disabledRules ?? [])].sort(),
  };
}

/**
 * docs/spec.md §4: 2 when any input could not be read or parsed, else 1 when an unwaived finding is at or above the
 * fail level (deny by default; `warn` makes warnings fail too), else 0.
 */
export function exitCode(report: Report, failLevel: Level = "deny"): 0 | 1 | 2 {
  if (report.errors.length > 0) return 2;
  const failing = failLevel === "warn" ? report.summary.deny + report.summary.warn : report.summary.deny;
  return failing > 0 ? 1 : 0;
}
