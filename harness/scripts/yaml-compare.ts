import { isDeepStrictEqual } from "node:util";
import type { DocumentPath } from "../src/inputs/document.js";
import { parseYamlFast } from "../src/inputs/yaml-fast.js";
import { parseYamlFull } from "../src/inputs/yaml.js";
import type { YamlDialect } from "../src/inputs/yaml-scalars.js";

/** Every path in a value, and one absent field under each map (where locate stops at its ancestor). */
function paths(value: unknown, prefix: DocumentPath = [], out: DocumentPath[] = []): DocumentPath[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) paths(child, [...prefix, key], out);
    out.push([...prefix, "no-such-field"]);
  }
  return out;
}

/**
 * Reads `text` with both readers; when the fast one takes it, every difference from the full one (documents,
 * values, sources, errors, positions) is a problem.
 */
export function compareYamlReaders(text: string, file: string, dialect?: YamlDialect): { fast: boolean; problems: string[] } {
  const fast = parseYamlFast(text, file, dialect);
  if (!fast) return { fast: false, problems: [] };
  const full = parseYamlFull(text, file, undefined, dialect);
  const problems: string[] = [];
  if (full.errors.length > 0) problems.push(`${file}: the full reader reports ${full.errors[0]!.message}, the fast one nothing`);
  if (fast.documents.length !== full.documents.length) {
    problems.push(`${file}: ${fast.documents.length} documents (fast) vs ${full.documents.length} (full)`);
    return { fast: true, problems };
  }
  fast.documents.forEach((doc, i) => {
    const other = full.documents[i]!;
    const where = `${file}#${other.index}`;
    if (doc.index !== other.index) problems.push(`${where}: index ${doc.index} (fast)`);
    if (doc.source !== other.source) problems.push(`${where}: source ${doc.source} (fast) vs ${other.source}`);
    if (!isDeepStrictEqual(doc.value, other.value)) {
      problems.push(`${where}: values differ`);
      return;
    }
    for (const path of paths(doc.value)) {
      const a = doc.locate(path);
      const b = other.locate(path);
      if (a.line !== b.line || a.column !== b.column) {
        problems.push(`${where} ${JSON.stringify(path)}: ${a.line}:${a.column} (fast) vs ${b.line}:${b.column}`);
        break;
      }
    }
  });
  return { fast: true, problems };
}
