import type { Formatter } from "./formatter.js";

/** docs/spec.md §4: the report itself, schema version 1 (docs/json-output.md). */
export const formatJson: Formatter = (report) => JSON.stringify(report, null, 2) + "\n";
