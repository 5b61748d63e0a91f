import { parseTree, printParseErrorCode, type ParseError as ParseErrorInfo } from "jsonc-parser";
import { LineCounter, parseDocument } from "yaml";
import { ParseError } from "../errors.js";
import type { DocumentPath, Location, ParsedFile } from "./document.js";
import { locateInYaml } from "./locate.js";
import { parseYamlFast } from "./yaml-fast.js";

/**
 * JSON takes the fast path (JSON.parse); source positions are worked out only when a finding needs one, by
 * parsing the same text once more as YAML (JSON is YAML 1.2), so clean files never pay for them. The fast YAML
 * reader takes most JSON (the `yaml` library's parse was 300 ms of a 2,000-file docker inspect corpus).
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
  let locate: ((path: DocumentPath) => Location) | undefined;
  return {
    documents: [
      {
        file,
        index: 0,
        value,
        locate: (path) => (locate ??= locator(text, file))(path),
      },
    ],
    errors: [],
  };
}

/** Positions in JSON text, read as YAML: by the fast reader where it takes the text, else by the full one. */
function locator(text: string, file: string): (path: DocumentPath) => Location {
  const fast = parseYamlFast(text, file)?.documents;
  if (fast?.length === 1) {
    const only = fast[0]!;
    return (path) => only.locate(path);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  return (path) => locateInYaml(doc, lineCounter, path);
}

/**
 * V8's messages carry no position on Node 20 and quote the text around the error (possibly part of a secret),
 * so jsonc-parser (a strict-mode JSON scanner with offsets) finds where the text stops being JSON and names
 * the problem with a fixed sentence; it runs only for files that failed to parse.
 */
function jsonError(_error: Error, text: string, file: string): ParseError {
  if (text.trim() === "") return new ParseError("invalid JSON: the file is empty", { file });
  const problems: ParseErrorInfo[] = [];
  parseTree(text, problems, { allowTrailingComma: false, disallowComments: true });
  const first = problems[0];
  if (!first) return new ParseError("invalid JSON: the document cannot be read", { file });
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let offset = text.indexOf("\n"); offset >= 0; offset = text.indexOf("\n", offset + 1)) lineCounter.addNewLine(offset + 1);
  const { line, col } = lineCounter.linePos(first.offset);
  return new ParseError(`invalid JSON: ${sentence(printParseErrorCode(first.error))}`, { file, line, column: col });
}

/** jsonc-parser's error names as sentences ("CloseBraceExpected" -> "close brace expected"). */
function sentence(code: string): string {
  if (code === "UnexpectedEndOfString") return "unterminated string";
  if (code === "InvalidSymbol") return "unexpected character";
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
