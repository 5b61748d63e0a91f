import type { Formatter } from "./formatter.js";

// GitLab's code quality severities for shipshape's.
const SEVERITY = { critical: "critical", high: "major", medium: "minor", low: "info" } as const;

/**
 * GitLab code quality (the `codequality` report artifact, a subset of Code Climate's format): one issue per
 * unwaived finding, with a fingerprint that survives edits elsewhere in the file (rule, file, object, container,
 * path), so merge requests show what is new. Waived findings are left out: the format has no suppressions.
 */
export const formatGitlab: Formatter = (report) => {
  const issues = report.findings
    .filter((f) => !f.waived)
    .map((f) => ({
      description: `${f.rule}: ${f.message}`,
      check_name: f.rule,
      fingerprint: fingerprint([f.rule, f.file, f.object, f.container ?? "", f.path, f.message].join("\u0000")),
      severity: SEVERITY[f.severity],
      location: { path: f.file, lines: { begin: f.line } },
    }));
  return JSON.stringify(issues, null, 2) + "\n";
};

/** A 128-bit FNV-1a hash as hex: stable, dependency-free, and runs in browsers (no node:crypto). */
function fingerprint(text: string): string {
  let hash = 0x6c62272e07bb014262b821756295c58dn;
  const prime = 0x0000000001000000000000000000013bn;
  const mask = (1n << 128n) - 1n;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * prime) & mask;
  return hash.toString(16).padStart(32, "0");
}
