import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Pair } from "yaml";
import type { DocumentPath } from "./document.js";
import type { Location } from "./document.js";

/** Any node of the parse tree, or nothing. */
type MaybeNode = unknown;

function startOf(node: MaybeNode): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return typeof key.value === "symbol" ? "<<" : String(key.value); // yaml represents merge keys as a symbol
}

/** Each alias's node, found once: yaml's Alias.resolve walks the whole document to find its anchor. */
const resolved = new WeakMap<object, unknown>();

function resolve(node: unknown, doc: Document): unknown {
  if (!isAlias(node)) return node;
  if (!resolved.has(node)) resolved.set(node, node.resolve(doc));
  return resolved.get(node);
}

/** The pair for `key` in a map, looking through `<<` merge keys as the YAML merge does (own keys win). */
function findPair(map: unknown, key: string, doc: Document, depth = 0): Pair | undefined {
  if (!isMap(map) || depth > 8) return undefined;
  const own = map.items.findLast((pair) => keyText(pair.key) === key);
  if (own) return own;
  for (const pair of map.items) {
    if (keyText(pair.key) !== "<<") continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const found = findPair(resolve(source, doc), key, doc, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Where `path` stands in a YAML (or JSON) document: the key of the last field found, or the start of the last
 * sequence item found. A path that leaves the source (a field that is absent) stops at its deepest ancestor,
 * which is the container or service itself when nothing below it exists.
 */
export function locateInYaml(doc: Document, lineCounter: LineCounter, path: DocumentPath): Location {
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = findPair(node, String(segment), doc);
      if (!pair) break;
      offset = startOf(pair.key) ?? offset;
      node = resolve(pair.value, doc);
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) break;
      offset = startOf(item) ?? offset;
      node = resolve(item, doc);
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
