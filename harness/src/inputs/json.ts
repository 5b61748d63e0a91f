import { parseTree, type ParseError as ParseErrorInfo } from "jsonc-parser";
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
    if (cause instanceof RangeError) {
      return { documents: [], errors: [new ParseError("invalid JSON: the document nests too deeply to parse", { file })] };
    }
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

/**
 * V8's messages carry no position on Node 20, so jsonc-parser (a strict-mode JSON scanner with offsets) finds
 * where the text stops being JSON; it runs only for files that failed to parse.
 */
function jsonError(error: Error, text: string, file: string): ParseError {
  if (text.trim() === "") return new ParseError("invalid JSON: the file is empty", { file });
  const problems: ParseErrorInfo[] = [];
  parseTree(text, problems, { allowTrailingComma: false, disallowComments: true });
  const reason = error.message
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, "")
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/^Unexpected end of JSON input$/, "unexpected end of input");
  const first = problems[0];
  if (!first) return new ParseError(`invalid JSON: ${reason}`, { file });
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let offset = text.indexOf("\n"); offset >= 0; offset = text.indexOf("\n", offset + 1)) lineCounter.addNewLine(offset + 1);
  const { line, col } = lineCounter.linePos(first.offset);
  return new ParseError(`invalid JSON: ${reason}`, { file, line, column: col });
}
