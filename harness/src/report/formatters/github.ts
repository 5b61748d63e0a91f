import type { Formatter } from "./formatter.js";
import { lineSafe } from "./line-safe.js";

// Workflow command escaping, as @actions/core does it, after control characters are made visible: a newline
// from a manifest must not start a workflow command of its own, nor an escape sequence recolour the log.
const data = (text: string) => lineSafe(text.replace(/%/g, "%25"));
const property = (text: string) => data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * GitHub Actions workflow commands: annotations on the file and line of every finding (`error` for deny,
 * `warning` for warn, `notice` for waived) and of every unreadable file, then a summary line.
 */
export const formatGithub: Formatter = (report) => {
  const lines = report.findings.map((f) => {
    const command = f.waived ? "notice" : f.level === "deny" ? "error" : "warning";
    const title = f.waived ? `${f.rule} (waived)` : `${f.rule} (${f.severity})`;
    const from = f.source === undefined ? "" : ` (from ${f.source})`;
    const message = f.waived ? `${f.message}${from} — waived: ${f.waiver ?? ""}` : `${f.message}${from}`;
    const props = `file=${property(f.file)},line=${f.line},col=${f.column},title=${property(title)}`;
    return `::${command} ${props}::${data(message)}`;
  });
  for (const e of report.errors) {
    const where = `file=${property(e.file)}${e.line !== undefined ? `,line=${e.line}` : ""}`;
    lines.push(`::error ${where},title=${property(e.code)}::${data(e.message)}`);
  }
  const s = report.summary;
  lines.push(`shipshape: ${s.findings} findings (${s.deny} deny, ${s.warn} warn, ${s.waived} waived), ${s.errors} errors`);
  return lines.join("\n") + "\n";
};
