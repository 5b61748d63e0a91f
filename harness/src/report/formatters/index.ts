import { UsageError } from "../../errors.js";
import type { Report } from "../report.js";
import type { FormatOptions, Formatter } from "./formatter.js";
import { formatGithub } from "./github.js";
import { formatGitlab } from "./gitlab.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatTap } from "./tap.js";
import { formatText } from "./text.js";

/** Output formats by name. */
export const formatters: Readonly<Record<string, Formatter>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  tap: formatTap,
  github: formatGithub,
  gitlab: formatGitlab,
  markdown: formatMarkdown,
  html: formatHtml,
};

export type { FormatOptions, Formatter } from "./formatter.js";

/** Renders a report in the named format; an unknown name is a UsageError listing the formats. */
export function formatReport(report: Report, format: string, options: FormatOptions): string {
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`unknown format "${format}" (expected ${Object.keys(formatters).join(", ")})`);
  return formatter(report, options);
}
