import type { Catalog } from "../../engine/catalog.js";
import type { Report } from "../report.js";

export interface FormatOptions {
  catalog: Catalog;
  /** ANSI colour; the CLI turns it on only for a TTY without NO_COLOR. */
  color: boolean;
}

/** Every output format is a pure function of the report. */
export type Formatter = (report: Report, options: FormatOptions) => string;
