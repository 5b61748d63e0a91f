import { loadAll, Schema, Type, type State } from "js-yaml";
import type { DocumentPath, Location, ParsedFile, SourceDocument } from "./document.js";
import { originOf, SOURCE_COMMENT } from "./origin.js";
import { resolveScalar, type YamlDialect } from "./yaml-scalars.js";

/**
 * The fast reader: js-yaml, about ten times faster than the `yaml` library's composer on real manifests, with
 * each node's position taken from its `listener` events. It reads only what it reads exactly as the full reader
 * (yaml.ts) does — plain, quoted and block scalars resolved by the same dialect code, duplicate keys with the
 * last one winning — and gives up, returning undefined, on everything else: any syntax error (the full reader
 * recovers what it can and names the error), tags, anchors and aliases, merge keys, keys that are not scalars,
 * and any shape of events it does not recognise. The full reader then reads the file; a differential test holds
 * the two to the same values and positions on the samples, generated documents and the shared corpus.
 */
export function parseYamlFast(text: string, file: string, dialect?: YamlDialect): ParsedFile | undefined {
  // Merge keys (cheaply ruled out), NUL bytes, and what js-yaml accepts where the full reader finds an error: a CR
  // that ends a line alone, a byte order mark anywhere but first, a tab that starts a line.
  if (text.includes("<<") || text.includes("\0") || /\r(?!\n)|^\t/m.test(text) || text.indexOf("\uFEFF", 1) !== -1) return undefined;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0; // js-yaml strips a byte order mark: its offsets start after it
  // A `#` right after a closing bracket or quote is a comment to js-yaml and an error to the full reader (a comment
  // needs a space before it); inside a scalar (`"#alerts"` in a description) it is text to both.
  const hashes = [...text.matchAll(/[\]}"']#/g)].map((m) => m.index + 1 - bom);
  const scalars: Array<[number, number]> | undefined = hashes.length > 0 ? [] : undefined;
  const first = read(text, dialect ?? "kubernetes", scalars);
  if (!first || (scalars && !hashes.every((offset) => insideScalar(offset, scalars)))) return undefined;
  // The consumer is known only once a document is read: a Compose document (services, no apiVersion) is read
  // again with compose-go's scalars.
  let docs = first;
  if (dialect === undefined && first.some((d) => dialectOfValue(d.value) === "compose")) {
    const compose = read(text, "compose");
    if (!compose || compose.length !== first.length) return undefined;
    docs = first.map((d, i) => (dialectOfValue(compose[i]!.value) === "compose" ? compose[i]! : d));
  }
  const lines = new Lines(text);
  const result: ParsedFile = { documents: [], errors: [] };
  docs.forEach((doc, index) => {
    if (doc.value === null || doc.value === undefined) return; // an empty document between `---` markers
    const source = renderedFrom(text, doc.before + bom, doc.root.start + bom) ?? originOf(doc.value);
    const located: SourceDocument = {
      file,
      index,
      value: doc.value,
      ...(source !== undefined && { source }),
      locate: (path) => locate(doc.root, path, lines, bom),
    };
    result.documents.push(located);
  });
  return result;
}

/** A node as the listener saw it: where it starts, what it became, and (for collections) its children. */
interface Rec {
  start: number;
  end: number;
  value: unknown;
  children: Rec[];
  /** A map's keys (last one wins, as in the value) with their key node's start and their value node. */
  keys?: Map<string, { keyStart: number; value: Rec }>;
}

interface ReadDocument {
  value: unknown;
  root: Rec;
  /** Where the text between the previous document's root and this one's starts (for `# Source:` comments). */
  before: number;
}

class GiveUp extends Error {}

/** What a closed node that is not a sequence keeps of its children: nothing (one shared empty list). */
const NO_CHILDREN: Rec[] = [];

const SCHEMAS: Record<YamlDialect, Schema> = {
  kubernetes: dialectSchema("kubernetes"),
  compose: dialectSchema("compose"),
};

/** No tags but one implicit type that resolves every plain scalar as the dialect's consumer does. */
function dialectSchema(dialect: YamlDialect): Schema {
  const plain = new Type(`tag:shipshape,plain:${dialect}`, {
    kind: "scalar",
    resolve: () => true,
    construct: (text: string) => {
      const value = resolveScalar(text, dialect);
      // JSON has no NaN or infinity: the full reader explains what kubectl makes of it.
      if (dialect === "kubernetes" && typeof value === "number" && !Number.isFinite(value)) throw new GiveUp();
      return value;
    },
  });
  return new Schema({ implicit: [plain], explicit: [] });
}

/** @param scalars when given, receives each scalar's [start, end) offsets, in order (scalars do not nest) */
function read(text: string, dialect: YamlDialect, scalars?: Array<[number, number]>): ReadDocument[] | undefined {
  const docs: ReadDocument[] = [];
  const stack: Rec[] = [];
  let before = 0;
  const listener = (event: "open" | "close", state: State): void => {
    const s = state as State & { tag: string | null; anchor: string | null; kind: string | null; result: unknown };
    if (event === "open") {
      // A tag left from the node before (js-yaml reads `!` before a CR as the tag `!\r`, and then drops it).
      if (s.tag != null && s.tag !== "?" && !s.tag.startsWith("tag:shipshape,plain:")) throw new GiveUp();
      stack.push({ start: s.position, end: s.position, value: undefined, children: [] });
      return;
    }
    const rec = stack.pop()!;
    rec.end = s.position;
    if (s.anchor !== null || (s.tag !== null && !s.tag.startsWith("tag:shipshape,plain:"))) throw new GiveUp();
    rec.value = s.result;
    if (scalars && s.kind === "scalar") scalars.push([rec.start, rec.end]);
    checkContinuationLines(rec, s.kind, stack.at(-1), s.input);
    const only = rec.children.length === 1 ? rec.children[0]! : undefined;
    if (only !== undefined && only.value === s.result && typeof s.result === "object" && s.result !== null) {
      // js-yaml read a flow collection as a would-be block mapping's key and found no `:` after it: the same
      // node, opened twice.
      rec.children = only.children;
      if (only.keys) rec.keys = only.keys;
    } else if (s.kind === "mapping") {
      indexMap(rec, s.input);
    } else if (s.kind === "sequence") {
      checkSeq(rec, s.input);
    }
    if (s.kind !== "sequence") rec.children = NO_CHILDREN;
    const parent = stack.at(-1);
    if (parent) parent.children.push(rec);
    else {
      docs.push({ value: rec.value, root: rec, before });
      before = s.position;
    }
  };
  let values: unknown[];
  try {
    values = loadAll(text, undefined, { schema: SCHEMAS[dialect], json: true, listener });
  } catch {
    return undefined; // a syntax error, or something this reader does not read: the full reader's turn
  }
  if (values.length !== docs.length || values.some((v, i) => v !== docs[i]!.value)) return undefined;
  return docs;
}

/**
 * A quoted scalar or a flow collection that goes on over several lines: js-yaml takes any indentation of the
 * lines after the first, the full reader (as YAML says) only lines indented more than the block collection that
 * holds it. Taken here only when every such line is indented more than that collection's first entry (a
 * sequence's first item, which is stricter than its dash; the node itself when it comes first). A flow
 * collection's lines are checked once, for the outermost; a multi-line quoted scalar inside one, or a multi-line
 * quoted scalar as the whole document, is not ours.
 */
function checkContinuationLines(rec: Rec, kind: string | null, parent: Rec | undefined, input: string): void {
  // A value's node opens where js-yaml starts looking for it: before the space, line break or comment ahead of it.
  const start = contentStart(input, rec.start, rec.end);
  const c = input.charCodeAt(start);
  const quoted = kind === "scalar" && (c === 0x27 || c === 0x22); // ' or "
  if (!quoted && (kind === "scalar" || (c !== 0x5b && c !== 0x7b))) return; // a flow collection: [ or {
  let line = input.indexOf("\n", start);
  if (line === -1 || line >= rec.end) return;
  if (parent === undefined) {
    if (quoted) throw new GiveUp();
    return;
  }
  const open = input.charCodeAt(contentStart(input, parent.start, parent.end === parent.start ? input.length : parent.end));
  if (open === 0x5b || open === 0x7b) {
    if (quoted) throw new GiveUp();
    return;
  }
  const first = parent.children[0] ?? rec;
  const indent = first.start - input.lastIndexOf("\n", first.start - 1) - 1;
  for (; line !== -1 && line < rec.end; line = input.indexOf("\n", line + 1)) {
    if (input.charCodeAt(line + 1) === 0x0a || (input.charCodeAt(line + 1) === 0x0d && input.charCodeAt(line + 2) === 0x0a)) continue; // an empty line
    for (let i = 1; i <= indent + 1; i++) if (input.charCodeAt(line + i) !== 0x20) throw new GiveUp();
  }
}

/** The first offset from `from` that is neither space, a line break nor a comment (or `end`). */
function contentStart(input: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = input.charCodeAt(i);
    if (c === 0x23) {
      const eol = input.indexOf("\n", i); // # a comment, to its line's end
      i = eol === -1 ? end : eol;
    } else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i += 1;
    else break;
  }
  return i;
}

/** Whether an offset lies inside some scalar's text (after its first character, before its end). */
function insideScalar(offset: number, scalars: Array<[number, number]>): boolean {
  let low = 0;
  let high = scalars.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (scalars[mid]![0] < offset) low = mid;
    else high = mid - 1;
  }
  const scalar = scalars[low];
  return scalar !== undefined && scalar[0] < offset && offset < scalar[1];
}

/**
 * A map's children are key, value, key, value...; anything else (a flow map's `{a}`) is not ours to read. After a
 * block map's last value js-yaml opens one more node where it looks for another key (at a `---`, say) and finds
 * none: an empty node at the end, dropped.
 */
function indexMap(rec: Rec, input: string): void {
  const children = rec.children.length % 2 === 1 && rec.children.at(-1)!.value === null ? rec.children.slice(0, -1) : rec.children;
  const map = rec.value as Record<string, unknown>;
  if (children.length % 2 !== 0) throw new GiveUp();
  const keys = new Map<string, { keyStart: number; value: Rec }>();
  for (let i = 0; i < children.length; i += 2) {
    const key = children[i]!.value;
    if (typeof key !== "string" && typeof key !== "number" && typeof key !== "boolean") throw new GiveUp();
    const name = String(key);
    // An implicit key is at most 1024 characters (YAML 1.2, 7.4.1): the full reader says so, js-yaml does not.
    if (name === "__proto__" || !startsAtContent(children[i]!, input) || children[i]!.end - children[i]!.start > 1024) throw new GiveUp();
    keys.set(name, { keyStart: children[i]!.start, value: children[i + 1]! });
  }
  let own = 0;
  for (const name in map) {
    own += 1;
    if (!Object.is(map[name], keys.get(name)?.value.value)) throw new GiveUp();
  }
  if (keys.size !== own) throw new GiveUp();
  rec.keys = keys;
}

/** A sequence's children are its items, one each (an empty `-` item has no node of its own: not ours). */
function checkSeq(rec: Rec, input: string): void {
  const items = rec.value as unknown[];
  if (rec.children.length !== items.length) throw new GiveUp();
  for (let i = 0; i < items.length; i++) if (!Object.is(items[i], rec.children[i]!.value) || !startsAtContent(rec.children[i]!, input)) throw new GiveUp();
}

/**
 * js-yaml opens some nodes before the space in front of them (an explicit `? key`): their offset is not the
 * node's, so such a file is not ours to read.
 */
function startsAtContent(rec: Rec, input: string): boolean {
  const c = input.charCodeAt(rec.start);
  return c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09;
}

/** What yaml-read.ts's dialectOf decides, from the value: a Compose file has services and no apiVersion. */
function dialectOfValue(value: unknown): YamlDialect {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "kubernetes";
  return "services" in value && !("apiVersion" in value) ? "compose" : "kubernetes";
}

/** As locate.ts's locateInYaml: the key of the last field found, or the start of the last item found. */
function locate(root: Rec, path: DocumentPath, lines: Lines, bom: number): Location {
  let node: Rec = root;
  let offset = root.start;
  for (const segment of path) {
    if (node.keys) {
      const entry = node.keys.get(String(segment));
      if (!entry) break;
      offset = entry.keyStart;
      node = entry.value;
    } else if (Array.isArray(node.value) && typeof segment === "number") {
      const item = node.children[segment];
      if (item === undefined) break;
      offset = item.start;
      node = item;
    } else {
      break;
    }
  }
  return lines.position(offset + bom);
}

/** Line and column (both from 1) of an offset, as the `yaml` library's LineCounter gives them. */
class Lines {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  position(offset: number): Location {
    const starts = (this.starts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** `# Source: <template>` in the comments above a document (helm template's output), as yaml.ts reads it. */
function renderedFrom(text: string, from: number, to: number): string | undefined {
  return SOURCE_COMMENT.exec(text.slice(from, to))?.[1];
}
