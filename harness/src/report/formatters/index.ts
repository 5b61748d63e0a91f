import type { Formatter } from "./formatter.js";
import { formatJson } from "./json.js";
import { formatText } from "./text.js";

/** Output formats by name. */
export const formatters: Readonly<Record<string, Formatter>> = {
  text: formatText,
  json: formatJson,
};

export type { FormatOptions, Formatter } from "./formatter.js";
