import type { Formatter } from "./formatter.js";

/** A YAML-safe single-line value for a TAP diagnostic block. */
const quote = (text: string) => JSON.stringify(text);

/**
 * TAP version 14: one test point per finding and per unreadable file. Deny findings are `not ok`; warn
 * findings are `not ok ... # TODO` (reported, not failing); waived findings are `ok ... # SKIP`.
 */
export const formatTap: Formatter = (report) => {
  const points: string[] = [];
  for (const f of report.findings) {
    const description = `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`.replace(/#/g, "\\#");
    const directive = f.waived ? ` # SKIP waived: ${f.waiver ?? ""}` : f.level === "warn" ? " # TODO warn" : "";
    const status = f.waived ? "ok" : "not ok";
    points.push(
      `${status} ${points.length + 1} - ${description}${directive}`,
      "  ---",
      `  rule: ${f.rule}`,
      `  severity: ${f.severity}`,
      `  level: ${f.level}`,
      `  file: ${quote(f.file)}`,
      `  line: ${f.line}`,
      `  column: ${f.column}`,
      `  object: ${quote(f.object)}`,
      `  container: ${quote(f.container)}`,
      "  ...",
    );
  }
  for (const e of report.errors) {
    const where = [e.file, e.line, e.column].filter((p) => p !== undefined).join(":");
    points.push(`not ok ${countPoints(points) + 1} - ${where} ${e.code}: ${e.message}`.replace(/#/g, "\\#"));
  }
  const total = countPoints(points);
  return ["TAP version 14", `1..${total}`, ...points, ""].join("\n");
};

function countPoints(lines: string[]): number {
  return lines.filter((l) => /^(not )?ok \d+ /.test(l)).length;
}
