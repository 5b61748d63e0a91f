import type { Formatter } from "./formatter.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
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
};

export type { FormatOptions, Formatter } from "./formatter.js";
