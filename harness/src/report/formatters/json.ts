import type { Report } from "../report.js";
import type { Formatter } from "./formatter.js";

/** docs/spec.md §4: the report itself, schema version 1 (docs/json-output.md), as JSON.stringify(report, null, 2). */
export const formatJson: Formatter = (report) => [...jsonPieces(report)].join("");

/**
 * The JSON report's text in pieces: the report's fields and each item of its lists one at a time, so a writer
 * never holds the whole text (49 MB for the 14,000-document benchmark corpus, whose one string then cost more to
 * allocate and encode than to build). Tests hold the joined pieces to JSON.stringify's text.
 */
export function* jsonPieces(report: Report): Generator<string> {
  yield* pieces(report, "", 2);
  yield "\n";
}

/** JSON.stringify(value, null, 2) at `indent`, split into pieces down to `depth` levels of arrays and objects. */
function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth === 0 || value === null || typeof value !== "object" || "toJSON" in value) {
    const text = JSON.stringify(value, null, 2) ?? "null"; // undefined, a function: null, as in an array
    yield indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((item): [string | undefined, unknown] => [undefined, item])
    : Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    yield `${open}${close}`;
    return;
  }
  yield `${open}\n`;
  for (const [i, [key, item]] of entries.entries()) {
    yield key === undefined ? inner : `${inner}${JSON.stringify(key)}: `;
    yield* pieces(item, inner, depth - 1);
    yield i < entries.length - 1 ? ",\n" : "\n";
  }
  yield `${indent}${close}`;
}
