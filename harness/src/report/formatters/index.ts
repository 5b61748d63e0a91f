import { UsageError } from "../../errors.js";
import type { Report } from "../report.js";
import type { FormatOptions, Formatter } from "./formatter.js";
import { formatGithub } from "./github.js";
import { formatGitlab } from "./gitlab.js";
import { formatHtml } from "./html.js";
import { formatJson, jsonPieces } from "./json.js";
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

/** Formats written in pieces, never held whole: a long report's one string costs more than building it. */
const pieceFormatters: Readonly<Record<string, (report: Report) => Iterable<string>>> = { json: jsonPieces };

/** The text of formatReport, in pieces where the format has a piecewise writer (json), else in one. */
export function formatPieces(report: Report, format: string, options: FormatOptions): Iterable<string> {
  const pieces = pieceFormatters[format];
  return pieces ? pieces(report) : [formatReport(report, format, options)];
}
