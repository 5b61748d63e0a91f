import { rulesById } from "../../engine/catalog.js";
import type { Finding } from "../finding.js";
import { countsByRule, type RuleCounts } from "./by-rule.js";
import type { Formatter } from "./formatter.js";
import { lineSafe } from "./line-safe.js";

const ANSI = { red: 31, yellow: 33, dim: 2, bold: 1, underline: 4 } as const;
type Style = keyof typeof ANSI;

/**
 * Human output, grouped by file like ESLint's stylish format: `line:column  level  severity  rule  message`,
 * a hint how to fix it, and a summary line.
 */
export const formatText: Formatter = (report, { catalog, color, quiet = false, compact = false }) => {
  const paint = (style: Style, text: string) => (color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const rules = rulesById(catalog);
  const ruleWidth = Math.max(0, ...catalog.rules.map((r) => r.id.length), ...report.findings.map((f) => f.rule.length)) + 1;
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    if (quiet && (finding.waived || finding.level !== "deny")) continue;
    byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  }

  for (const [file, findings] of byFile) {
    lines.push(paint("underline", lineSafe(file)));
    for (const f of findings) {
      const level = f.waived ? paint("dim", "waived") : f.level === "deny" ? paint("red", "deny  ") : paint("yellow", "warn  ");
      lines.push(
        `  ${`${f.line}:${f.column}`.padEnd(8)} ${level} ${f.severity.padEnd(8)} ${f.rule.padEnd(ruleWidth)} ${lineSafe(f.message)}${
          f.source === undefined ? "" : paint("dim", ` (from ${lineSafe(f.source)})`)
        }`,
      );
      if (compact) continue;
      const hint = rules.get(f.rule)?.remediation[f.shape];
      const indent = " ".repeat(19);
      if (f.waived) {
        lines.push(paint("dim", `${indent}waived: ${lineSafe(f.waiver ?? "")}`));
        continue;
      }
      if (f.waiver) lines.push(paint("yellow", `${indent}note: ${lineSafe(f.waiver)}`));
      if (hint) lines.push(paint("dim", `${indent}fix: ${hint.replace(/\s+/g, " ").trim()}`));
    }
    lines.push("");
  }
  for (const error of report.errors) {
    const where = [error.file, error.line, error.column].filter((part) => part !== undefined && part !== "").join(":");
    lines.push(`${paint("red", "error")} ${lineSafe(`${where}: ${error.message}`)}`);
  }
  if (report.errors.length > 0) lines.push("");

  // Which rules the findings come from, most first: the shape of a large run at a glance.
  const total = (c: RuleCounts) => c.deny + c.warn + c.waived;
  const byRule = countsByRule(report.findings, total);
  if (byRule.length > 1) {
    for (const [rule, c] of byRule) {
      const parts = [c.deny && `${c.deny} deny`, c.warn && `${c.warn} warn`, c.waived && `${c.waived} waived`].filter(Boolean);
      lines.push(`  ${rule.padEnd(ruleWidth)} ${String(total(c)).padStart(6)}  ${parts.join(", ")}`);
    }
    lines.push("");
  }

  const s = report.summary;
  const counts = `${s.findings} finding${s.findings === 1 ? "" : "s"} (${s.deny} deny, ${s.warn} warn, ${s.waived} waived)`;
  const scope = `in ${s.files} file${s.files === 1 ? "" : "s"}, ${s.documents} document${s.documents === 1 ? "" : "s"}`;
  const extra = `${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.skipped} skipped`;
  const mark = s.deny > 0 || s.errors > 0 ? paint("red", "✖") : "✔";
  lines.push(paint("bold", `${mark} ${counts} ${scope}; ${extra}`));
  // What the configuration left out is said, so a run that checks nothing cannot look like a clean pass.
  if (report.ignored.length > 0) {
    const shown = report.ignored.slice(0, 10).map(lineSafe).join(", ");
    lines.push(
      paint(
        "yellow",
        `  ${report.ignored.length} file${report.ignored.length === 1 ? "" : "s"} ignored by configuration: ${shown}${report.ignored.length > 10 ? ", …" : ""}`,
      ),
    );
  }
  if (report.disabledRules.length > 0) lines.push(paint("yellow", `  rules disabled by configuration: ${report.disabledRules.join(", ")}`));
  return lines.join("\n") + "\n";
};
