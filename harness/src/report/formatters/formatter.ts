import type { Catalog } from "../../engine/catalog.js";
import type { Report } from "../report.js";

export interface FormatOptions {
  catalog: Catalog;
  /** ANSI colour; the CLI turns it on only for a TTY without NO_COLOR (or with FORCE_COLOR, or --color always). */
  color: boolean;
  /** Text: list only failing findings (not warn, not waived) and errors; the summary still counts everything. */
  quiet?: boolean;
  /** Text: one line per finding, without the fix hint. */
  compact?: boolean;
  /**
   * SARIF: a file's path relative to the source root (`%SRCROOT%`, the repository), or undefined when it lies
   * outside it. The CLI passes one for `--sarif-base` (default: the git root, else the working directory), so
   * code scanning attaches alerts to repository files; without one, paths are written as given.
   */
  sourceRoot?: { uri: string; relative: (file: string) => string | undefined };
  /** HTML: the text of the checked files by the name findings give them (the CLI reads those with findings). */
  sources?: Readonly<Record<string, string>>;
  /** HTML: when the run was, as the report says it (the CLI passes the time; tests leave it out). */
  generated?: string;
}

/** Every output format is a pure function of the report. */
export type Formatter = (report: Report, options: FormatOptions) => string;
