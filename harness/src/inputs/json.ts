import { LineCounter, parseDocument } from "yaml";
import { ParseError } from "../errors.js";
import type { ParsedFile } from "./document.js";
import { locateInYaml } from "./locate.js";

/**
 * JSON takes the fast path (JSON.parse); source positions are worked out only when a finding needs one, by
 * parsing the same text once more as YAML (JSON is YAML 1.2), so clean files never pay for them.
 */
export function parseJson(text: string, file: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (cause) {
    return { documents: [], errors: [jsonError(cause as Error, text, file)] };
  }
  let located: { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } | undefined;
  return {
    documents: [
      {
        file,
        index: 0,
        value,
        locate(path) {
          if (!located) {
            const lineCounter = new LineCounter();
            located = { doc: parseDocument(text, { lineCounter, uniqueKeys: false }), lineCounter };
          }
          return locateInYaml(located.doc, located.lineCounter, path);
        },
      },
    ],
    errors: [],
  };
}

function jsonError(error: Error, text: string, file: string): ParseError {
  // V8 says "... at position N" (Node 20) or "(line L column C)" (Node 22+).
  const lineColumn = /line (\d+) column (\d+)/.exec(error.message);
  const position = /position (\d+)/.exec(error.message);
  let where: { line?: number; column?: number } = {};
  if (lineColumn) {
    where = { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  } else if (position) {
    const before = text.slice(0, Number(position[1]));
    const lines = before.split("\n");
    where = { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
  } else if (text.trim() === "") {
    return new ParseError("invalid JSON: the file is empty", { file });
  }
  const reason = error.message.replace(/ in JSON at position \d+.*$/, "").replace(/^Unexpected end of JSON input$/, "unexpected end of input");
  return new ParseError(`invalid JSON: ${reason}`, { file, ...where });
}
