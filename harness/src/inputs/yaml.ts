import { LineCounter, parseAllDocuments, type Document, type YAMLError } from "yaml";
import { ParseError } from "../errors.js";
import type { ParsedFile, SourceDocument } from "./document.js";
import { locateInYaml } from "./locate.js";
import { originOf, SOURCE_COMMENT } from "./origin.js";
import { parseYamlFast } from "./yaml-fast.js";
import { readNodes, type ReadLimits } from "./yaml-read.js";
import type { YamlDialect } from "./yaml-scalars.js";

/** Limits that keep hostile YAML (alias bombs) bounded. */
export interface YamlLimits extends ReadLimits {
  /** Alias expansions allowed per document (yaml's own guard against billion-laughs documents). */
  maxAliasCount: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxAliasCount: 10_000, maxAliasNodes: 100_000 };

/**
 * Parses every document of a YAML stream with source positions. Scalars are read as the document's consumer
 * reads them (kubectl: YAML 1.1; compose-go: YAML 1.2 with Go's integers; see yaml-scalars.ts); a tag shipshape
 * does not understand is an error for that document. Merge keys (`<<`) are resolved; duplicate keys are accepted
 * with the last one winning, as kubectl's loader does. A document with a syntax error becomes a ParseError naming
 * its line, and whatever the parser recovered of it is still checked, so one stray line costs no findings; the
 * other documents of the file are checked as usual.
 */
export function parseYaml(text: string, file: string, limits: YamlLimits = DEFAULT_YAML_LIMITS, dialect?: YamlDialect): ParsedFile {
  return parseYamlFast(text, file, dialect) ?? parseYamlFull(text, file, limits, dialect);
}

/** The full reader (the `yaml` library), for what the fast one (yaml-fast.ts) leaves to it. */
export function parseYamlFull(text: string, file: string, limits: YamlLimits = DEFAULT_YAML_LIMITS, dialect?: YamlDialect): ParsedFile {
  const lineCounter = new LineCounter();
  let parsed: unknown;
  try {
    // logLevel "error": a collection used as a key (`{{ .Release.Name }}: x`) is a parse of its own, not a warning on stderr.
    parsed = parseAllDocuments(text, { lineCounter, merge: true, uniqueKeys: false, prettyErrors: false, logLevel: "error" });
  } catch (cause) {
    return { documents: [], errors: [new ParseError(parserFailure(cause), { file }, { cause })] };
  }
  const result: ParsedFile = { documents: [], errors: [] };
  if (!Array.isArray(parsed)) return result; // an empty stream: no documents at all
  (parsed as Document.Parsed[]).forEach((doc: Document.Parsed, index) => {
    const error = doc.errors[0];
    if (error) result.errors.push(yamlError(error, lineCounter, file, index));
    if (error && tooDeep(error)) return; // nothing useful was recovered
    let value: unknown;
    try {
      const problem = readNodes(doc, dialect, limits);
      if (problem) {
        if (!error) result.errors.push(new ParseError(`invalid YAML: ${problem.message} (document ${index + 1})`, { file, ...position(lineCounter, problem.offset) }));
        return;
      }
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (cause) {
      if (error) return; // the syntax error already explains it
      const line = lineCounter.linePos(doc.range[0]).line;
      result.errors.push(new ParseError(`${parserFailure(cause)} (document ${index + 1})`, { file, line }, { cause }));
      return;
    }
    if (value === null || value === undefined) return; // an empty document between `---` markers
    result.documents.push(sourceDocument(file, index, value, doc, lineCounter));
  });
  return result;
}

function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function sourceDocument(file: string, index: number, value: unknown, doc: Document, lineCounter: LineCounter): SourceDocument {
  const source = renderedFrom(doc) ?? originOf(value);
  return { file, index, value, ...(source !== undefined && { source }), locate: (path) => locateInYaml(doc, lineCounter, path) };
}

/** `# Source: <template>` above a document (helm template's output): the file to edit for a finding in it. */
function renderedFrom(doc: Document): string | undefined {
  const comments = [doc.commentBefore, (doc.contents as { commentBefore?: string | null } | null)?.commentBefore];
  for (const comment of comments) {
    const match = SOURCE_COMMENT.exec(comment ?? "");
    if (match) return match[1];
  }
  return undefined;
}

/** A parser exception as a sentence: the parser recurses, so absurd nesting exhausts the stack. */
function parserFailure(cause: unknown): string {
  if (cause instanceof RangeError) return "invalid YAML: the document nests too deeply to parse";
  const message = (cause as Error).message ?? "";
  if (/alias/i.test(message)) return "invalid YAML: excessive alias count (the document expands too much)";
  return "invalid YAML: the document cannot be read";
}

/**
 * The parser's messages quote source text (a token, an alias name), which may be part of a secret; reports
 * carry a sentence chosen by the error's code and its position instead, never the text itself.
 */
const SENTENCES: Partial<Record<YAMLError["code"], string>> = {
  ALIAS_PROPS: "an alias cannot have an anchor or a tag",
  BAD_ALIAS: "an alias names no anchor defined before it",
  BAD_DIRECTIVE: "an unknown or malformed directive",
  BAD_DQ_ESCAPE: "an invalid escape in a double-quoted string",
  BAD_INDENT: "bad indentation",
  BAD_PROP_ORDER: "an anchor or tag in the wrong place",
  BAD_SCALAR_START: "a plain value cannot start with this character",
  BLOCK_AS_IMPLICIT_KEY: "a block collection cannot be an implicit key",
  BLOCK_IN_FLOW: "a block collection inside a flow collection",
  DUPLICATE_KEY: "a duplicate key",
  KEY_OVER_1024_CHARS: "an implicit key longer than 1024 characters",
  MISSING_CHAR: "a missing character (a `:` after a key, or a closing quote or bracket)",
  MULTILINE_IMPLICIT_KEY: "implicit keys need to be on a single line",
  MULTIPLE_ANCHORS: "a node with more than one anchor",
  MULTIPLE_DOCS: "more than one document where one was expected",
  MULTIPLE_TAGS: "a node with more than one tag",
  NON_STRING_KEY: "a key that is not a string",
  RESOURCE_EXHAUSTION: "the document expands too much",
  TAB_AS_INDENT: "a tab used for indentation",
  UNEXPECTED_TOKEN: "unexpected content (a stray line or a missing `key:`)",
  BAD_COLLECTION_TYPE: "a collection of the wrong type for its tag",
};

const tooDeep = (error: YAMLError) => /Maximum call stack/.test(error.message);

function yamlError(error: YAMLError, lineCounter: LineCounter, file: string, index: number): ParseError {
  const sentence = tooDeep(error) ? "the document nests too deeply to parse" : (SENTENCES[error.code] ?? "a syntax error");
  return new ParseError(`invalid YAML: ${sentence} (document ${index + 1})`, { file, ...position(lineCounter, error.pos[0]) });
}
