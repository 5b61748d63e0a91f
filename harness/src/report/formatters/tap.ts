import type { Formatter } from "./formatter.js";
import { lineSafe } from "./line-safe.js";

/** A YAML-safe single-line value for a TAP diagnostic block. */
const quote = (value: string) => JSON.stringify(lineSafe(value));

/** A description or directive text: one line, and no `#` that would start a directive of its own. */
const text = (value: string) => lineSafe(value).replace(/#/g, "\\#");

/**
 * TAP version 14: one test point per finding and per unreadable file, numbered 1..n. Deny findings are
 * `not ok`; warn findings are `not ok ... # TODO` (reported, not failing); waived findings are `ok ... # SKIP`.
 */
export const formatTap: Formatter = (report) => {
  const points: string[] = [];
  let n = 0;
  for (const f of report.findings) {
    const description = text(`${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`);
    const directive = f.waived ? ` # SKIP waived: ${text(f.waiver ?? "")}` : f.level === "warn" ? " # TODO warn" : "";
    const status = f.waived ? "ok" : "not ok";
    points.push(
      `${status} ${++n} - ${description}${directive}`,
      "  ---",
      `  rule: ${f.rule}`,
      `  severity: ${f.severity}`,
      `  level: ${f.level}`,
      `  file: ${quote(f.file)}`,
      `  line: ${f.line}`,
      `  column: ${f.column}`,
      `  object: ${quote(f.object)}`,
      ...(f.container === undefined ? [] : [`  container: ${quote(f.container)}`]),
      "  ...",
    );
  }
  for (const e of report.errors) {
    const where = [e.file, e.line, e.column].filter((p) => p !== undefined).join(":");
    points.push(`not ok ${++n} - ${text(`${where} ${e.code}: ${e.message}`)}`);
  }
  return ["TAP version 14", `1..${n}`, ...points, ""].join("\n");
};
