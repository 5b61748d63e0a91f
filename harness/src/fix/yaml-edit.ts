import { diffArrays } from "diff";
import { isMap, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq, type Document, type ToStringOptions } from "yaml";
import type { DocumentPath } from "../inputs/document.js";

/** Why a finding is left as it is: said to the user beside the diff. */
export class NotFixed extends Error {}

/** `spec.template.spec.containers[1]` (a finding's `path`, report/path.ts) back to its segments. */
export function parsePath(text: string): DocumentPath {
  const out: DocumentPath = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_][A-Za-z0-9_-]*)/gy;
  let match;
  while (pattern.lastIndex < text.length && (match = pattern.exec(text))) {
    if (match[1] !== undefined) out.push(Number(match[1]));
    else if (match[2] !== undefined) out.push(JSON.parse(match[2]) as string);
    else out.push(match[3]!);
  }
  if (pattern.lastIndex !== text.length && text.length > 0) throw new NotFixed(`cannot read the path ${text}`);
  return out;
}

/**
 * The map at `path` in the document as written: every step a map key or a sequence index of the source itself.
 * A step through an alias or a merge key (`<<`) is refused: an edit there would change every place that shares
 * the anchor.
 */
export function mapAt(doc: Document, path: DocumentPath): YAMLMap {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (typeof segment === "number") {
      if (!isSeq(node)) throw new NotFixed("the container is not written as a list item here (an anchor, a merge key or generated)");
      node = node.items[segment];
    } else {
      if (!isMap(node)) throw new NotFixed("the container is not written as a mapping here (an anchor, a merge key or generated)");
      node = node.items.find((pair) => isScalar(pair.key) && pair.key.value === segment)?.value;
    }
  }
  if (!isMap(node)) throw new NotFixed("the container is defined through an anchor, a merge key or `extends`: fix it where it is written");
  return node;
}

/** The map under `key`, made (block style) when absent; refused when the key holds something else. */
export function childMap(map: YAMLMap, key: string): YAMLMap {
  const value = map.get(key, true);
  if (value === undefined || (isScalar(value) && value.value === null)) {
    const made = new YAMLMap();
    map.set(key, made);
    return made;
  }
  if (!isMap(value)) throw new NotFixed(`${key} is not a mapping here`);
  return value;
}

/** Sets a plain scalar, keeping an existing scalar node (and its comment) where there is one. */
export function setScalar(map: YAMLMap, key: string, value: string | number | boolean): void {
  const existing = map.get(key, true);
  if (isScalar(existing)) {
    existing.value = value;
    existing.type = Scalar.PLAIN;
    return;
  }
  if (existing !== undefined && existing !== null) throw new NotFixed(`${key} is not a single value here`);
  map.set(key, new Scalar(value));
}

/** A short flow list, `[ALL]`. */
export function flowList(items: Array<string | number>): YAMLSeq {
  const seq = new YAMLSeq();
  // A value with a colon is quoted: plain, `a:b` in a flow list is read differently by different YAML readers.
  for (const item of items) seq.items.push(quotedIfColon(item));
  seq.flow = true;
  return seq;
}

export function quotedIfColon(value: string | number): Scalar {
  const scalar = new Scalar(value);
  if (typeof value === "string" && value.includes(":")) scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** The sequence under `key`, made (flow, as short lists are written) when absent. */
export function childSeq(map: YAMLMap, key: string): YAMLSeq {
  const value = map.get(key, true);
  if (value === undefined || (isScalar(value) && value.value === null)) {
    const made = flowList([]);
    map.set(key, made);
    return made;
  }
  if (isScalar(value) && typeof value.value === "string") {
    const made = flowList([value.value]); // Compose allows one string for a list (tmpfs: /run)
    map.set(key, made);
    return made;
  }
  if (!isSeq(value)) throw new NotFixed(`${key} is not a list here`);
  return value;
}

export const scalarValues = (seq: YAMLSeq): unknown[] => seq.items.map((item) => (isScalar(item) ? item.value : item));

/**
 * The printer's options that reproduce the file best: the same number of lines, and the fewest lines that
 * differ (the printer does not keep everything: two spaces before a comment become one). Tried: indentation
 * 2 and 4, sequences indented under their key or not, flow collections padded or not; no line folding.
 * Undefined when no option keeps the lines as they are.
 */
export function layoutFor(docs: Document[], text: string): ToStringOptions | undefined {
  const lines = text.split("\n");
  let best: { options: ToStringOptions; differing: number } | undefined;
  for (const indent of [2, 4]) {
    for (const indentSeq of [true, false]) {
      for (const flowCollectionPadding of [false, true]) {
        const options: ToStringOptions = { indent, indentSeq, flowCollectionPadding, lineWidth: 0, minContentWidth: 0 };
        const printed = printAll(docs, options).split("\n");
        if (printed.length !== lines.length) continue;
        const differing = printed.filter((line, i) => line !== lines[i]).length;
        if (!best || differing < best.differing) best = { options, differing };
        if (differing === 0) return options;
      }
    }
  }
  return best?.options;
}

export function printAll(docs: Document[], options: ToStringOptions): string {
  return docs.map((doc) => doc.toString(options)).join("");
}

/**
 * The original text with the lines an edit changed, and only those: `before` and `after` are the printer's
 * text of the document before and after the edit (line for line the original's, by layoutFor). Each changed
 * run of lines must be printed exactly as the original has it, else the edit would also rewrite what the user
 * wrote there (undefined: the file is left alone).
 */
export function splice(original: string, before: string, after: string): string | undefined {
  const kept = original.split("\n");
  const printed = before.split("\n");
  const out: string[] = [];
  let at = 0;
  for (const part of diffArrays(printed, after.split("\n"))) {
    if (part.added) {
      // Inserted lines are indented as the printer indents: the line they follow must be indented as written.
      const indent = (line: string | undefined) => /^[ -]*/.exec(line ?? "")![0];
      if (at > 0 && indent(kept[at - 1]) !== indent(printed[at - 1])) return undefined;
      out.push(...part.value);
    } else if (part.removed) {
      for (const line of part.value) {
        if (kept[at] !== line) return undefined;
        at++;
      }
    } else {
      out.push(...kept.slice(at, at + part.value.length));
      at += part.value.length;
    }
  }
  return out.join("\n");
}
