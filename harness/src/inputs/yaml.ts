import { LineCounter, parseAllDocuments, type Document } from "yaml";
import { ParseError } from "../errors.js";
import type { ParsedFile, SourceDocument } from "./document.js";
import { locateInYaml } from "./locate.js";

/** Limits that keep hostile YAML (alias bombs) bounded. */
export interface YamlLimits {
  /** Alias expansions allowed per document (yaml's own guard against billion-laughs documents). */
  maxAliasCount: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxAliasCount: 10_000 };

/**
 * Parses every document of a YAML stream with source positions. Merge keys (`<<`) are resolved; duplicate keys
 * are accepted with the last one winning, as kubectl's and PyYAML's loaders do. A document with a syntax error
 * becomes a ParseError naming its line; the other documents of the file are still returned.
 */
export function parseYaml(text: string, file: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): ParsedFile {
  const lineCounter = new LineCounter();
  let parsed: Document.Parsed[] | unknown;
  try {
    parsed = parseAllDocuments(text, { lineCounter, merge: true, uniqueKeys: false, prettyErrors: false });
  } catch (cause) {
    return { documents: [], errors: [new ParseError(parserFailure(cause), { file }, { cause })] };
  }
  const result: ParsedFile = { documents: [], errors: [] };
  if (!Array.isArray(parsed)) return result; // an empty stream: no documents at all
  (parsed as Document.Parsed[]).forEach((doc: Document.Parsed, index) => {
    const error = doc.errors[0];
    if (error) {
      result.errors.push(yamlError(error.message, lineCounter.linePos(error.pos[0]), file, index));
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (cause) {
      const line = lineCounter.linePos(doc.range[0]).line;
      result.errors.push(new ParseError(`${parserFailure(cause)} (document ${index + 1})`, { file, line }, { cause }));
      return;
    }
    if (value === null || value === undefined) return; // an empty document between `---` markers
    result.documents.push(sourceDocument(file, index, value, doc, lineCounter));
  });
  return result;
}

function sourceDocument(file: string, index: number, value: unknown, doc: Document, lineCounter: LineCounter): SourceDocument {
  return { file, index, value, locate: (path) => locateInYaml(doc, lineCounter, path) };
}

/** A parser exception as a sentence: the parser recurses, so absurd nesting exhausts the stack. */
function parserFailure(cause: unknown): string {
  if (cause instanceof RangeError) return "invalid YAML: the document nests too deeply to parse";
  return `invalid YAML: ${(cause as Error).message}`;
}

function yamlError(message: string, pos: { line: number; col: number } | undefined, file: string, index?: number): ParseError {
  const firstLine = /Maximum call stack/.test(message)
    ? "the document nests too deeply to parse"
    : (message.split("\n")[0] ?? message);
  const where = index === undefined ? "" : ` (document ${index + 1})`;
  return new ParseError(`invalid YAML: ${firstLine}${where}`, { file, ...(pos && { line: pos.line, column: pos.col }) });
}
