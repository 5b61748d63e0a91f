import type { Finding } from "../finding.js";
import { countsByRule } from "./by-rule.js";
import type { Formatter } from "./formatter.js";

/** Text for a Markdown table cell: one line, pipes escaped, no HTML from a manifest. */
const cell = (text: string) =>
  text
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/[<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c]!)
    .replace(/\|/g, "\\|");

/** Most findings listed; a large run is summarised by rule and points at the full report. */
const MAX_LISTED = 100;

/**
 * A Markdown summary for a CI job page (GitHub's $GITHUB_STEP_SUMMARY, a merge request comment): the totals,
 * a table by rule, and the failing findings first (up to MAX_LISTED).
 */
export const formatMarkdown: Formatter = (report) => {
  const s = report.summary;
  const passed = s.deny === 0 && s.errors === 0;
  const lines = [
    `## shipshape: ${passed ? "passed" : "failed"}`,
    "",
    `${s.findings} findings (${s.deny} deny, ${s.warn} warn, ${s.waived} waived) in ${s.files} files; ${s.errors} errors, ${s.skipped} skipped.`,
    "",
  ];
  const byRule = countsByRule(report.findings, (c) => c.deny);
  if (byRule.length > 0) {
    lines.push("| rule | deny | warn | waived |", "| --- | ---: | ---: | ---: |");
    for (const [rule, c] of byRule) {
      lines.push(`| \`${rule}\` | ${c.deny} | ${c.warn} | ${c.waived} |`);
    }
    lines.push("");
  }
  const order = (f: Finding) => (f.waived ? 2 : f.level === "deny" ? 0 : 1);
  const listed = report.findings.filter((f) => !f.waived).sort((a, b) => order(a) - order(b));
  if (listed.length > 0) {
    lines.push("| level | where | rule | finding |", "| --- | --- | --- | --- |");
    for (const f of listed.slice(0, MAX_LISTED)) {
      lines.push(`| ${f.level} | \`${cell(f.file)}:${f.line}\` | \`${f.rule}\` | ${cell(f.message)} |`);
    }
    if (listed.length > MAX_LISTED) lines.push("", `… and ${listed.length - MAX_LISTED} more: see the full report.`);
    lines.push("");
  }
  for (const e of report.errors)
    lines.push(`- **error** \`${cell(e.file)}${e.line !== undefined ? `:${e.line}` : ""}\`: ${cell(e.message)}`);
  return lines.join("\n").trimEnd() + "\n";
};
