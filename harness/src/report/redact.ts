import { isMap, isScalar, isSeq, parseAllDocuments, visit, type Pair, type Scalar } from "yaml";

/**
 * Source text for a report to show, with secrets masked: the value of a secret-named variable (a map key, a
 * Kubernetes `{name, value}` entry, a `NAME=value` item or Dockerfile `ENV`/`ARG`) and any value that is a
 * secret by its format (a private key, a cloud or service token). Masked characters become `•`, newlines
 * stay, so every line keeps its number. The names and formats are those of policies/lib/secrets.rego, which
 * decides what the rules call a secret; a test holds the two to the same verdicts.
 */
export function redactSource(text: string): string {
  const ranges: Array<[number, number]> = [];
  // Where YAML (and JSON) does not parse cleanly (a Dockerfile, a broken file), by the lines' look as well.
  if (!collectYamlSecrets(text, ranges)) collectAssignments(text, ranges);
  collectTokens(text, ranges);
  return mask(text, ranges);
}

const SECRET_WORDS = [
  "PASSWORD",
  "PASSWD",
  "SECRET",
  "TOKEN",
  "API_KEY",
  "APIKEY",
  "PRIVATE_KEY",
  "PRIVATEKEY",
  "ACCESS_KEY",
  "ACCESSKEY",
  "CREDENTIAL",
];

/** policies/lib/secrets.rego's secret_name: a name that says it holds a secret (not where or which one). */
export function secretName(name: string): boolean {
  const upper = name.toUpperCase();
  if (["_FILE", "_PATH", "_NAME", "_REF"].some((suffix) => upper.endsWith(suffix))) return false;
  if (upper.includes("ALLOW_EMPTY") || upper.includes("RANDOM_")) return false;
  return SECRET_WORDS.some((word) => upper.includes(word));
}

/** policies/lib/secrets.rego's value_kind: a value that is a secret whatever it is called. */
export function secretValue(value: string): boolean {
  if (value.includes("PRIVATE KEY") && value.includes("BEGIN")) return true;
  const text = value.trim();
  const prefixed = (min: number, prefixes: string[]) => text.length >= min && prefixes.some((p) => text.startsWith(p));
  return (
    (text.length === 20 && /^(AKIA|ASIA)[A-Z0-9]{16}$/.test(text)) ||
    prefixed(36, ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"]) ||
    prefixed(24, ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xapp-"]) ||
    prefixed(24, ["sk_live_", "rk_live_"]) ||
    (text.length === 39 && text.startsWith("AIza")) ||
    prefixed(30, ["eyJ"])
  );
}

/** YAML and JSON: values by the name of their key, of their `name:` sibling, of their `NAME=` prefix, or by form. */
function collectYamlSecrets(text: string, ranges: Array<[number, number]>): boolean {
  let documents;
  try {
    documents = parseAllDocuments(text, { logLevel: "silent", uniqueKeys: false });
  } catch {
    return false;
  }
  if (!Array.isArray(documents)) return false;
  // A scalar's characters, its quotes aside; `from` skips a `NAME=` prefix.
  const scalarRange = (node: Scalar, from = 0) => {
    if (!node.range) return;
    let [start, end] = [node.range[0], node.range[1]];
    if ((text[start] === '"' || text[start] === "'") && text[end - 1] === text[start]) [start, end] = [start + 1, end - 1];
    ranges.push([from > 0 ? text.indexOf("=", start) + 1 : start, end]);
  };
  for (const doc of documents) {
    visit(doc, {
      Pair(_, pair: Pair) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        // A scalar only: a secret-named key over a collection is a reference (`secretKeyRef: {name, key}`).
        if (key !== undefined && secretName(key) && isScalar(pair.value)) scalarRange(pair.value);
      },
      Map(_, map) {
        const get = (name: string) => map.items.find((p) => isScalar(p.key) && p.key.value === name);
        const name = get("name")?.value;
        const value = get("value")?.value;
        if (isScalar(name) && typeof name.value === "string" && secretName(name.value) && isScalar(value)) scalarRange(value);
      },
      Scalar(_, scalar) {
        if (typeof scalar.value !== "string" || !scalar.range) return;
        const assignment = /^([A-Za-z_][A-Za-z0-9_.-]*)=/.exec(scalar.value);
        if (assignment && secretName(assignment[1]!)) scalarRange(scalar, assignment[0].length);
        else if (secretValue(scalar.value)) scalarRange(scalar);
      },
    });
  }
  return documents.every((doc) => doc.errors.length === 0) && documents.some((doc) => isMap(doc.contents) || isSeq(doc.contents));
}

/** Any text (Dockerfiles, YAML that does not parse): `NAME=value`, `NAME: value` and `ENV NAME value` lines. */
function collectAssignments(text: string, ranges: Array<[number, number]>): void {
  const value = `("[^"\\n]*"|'[^'\\n]*'|[^\\s"',}\\]{[][^\\s"',}\\]]*)`;
  const assignment = new RegExp(
    `(?:^|[\\s"'[{,(-])([A-Za-z_][A-Za-z0-9_.-]*)([ \\t]*[=:][ \\t]*|(?<=^[ \\t]*(?:ENV|ARG)[ \\t]+[A-Za-z_][A-Za-z0-9_.-]*)[ \\t]+)${value}`,
    "gm",
  );
  for (const match of text.matchAll(assignment)) {
    if (!secretName(match[1]!)) continue;
    const start = match.index + match[0].length - match[3]!.length;
    ranges.push([start, start + match[3]!.length]);
  }
}

/** Private key blocks and tokens by their prefixes, wherever they stand. */
function collectTokens(text: string, ranges: Array<[number, number]>): void {
  for (const block of text.matchAll(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g)) {
    ranges.push([block.index, block.index + block[0].length]);
  }
  const tokens =
    /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|\bgh[pousr]_[A-Za-z0-9]{32,}|\bgithub_pat_[A-Za-z0-9_]{20,}|\bxox[bpars]-[A-Za-z0-9-]{19,}|\bxapp-[A-Za-z0-9-]{19,}|\b[sr]k_live_[A-Za-z0-9]{16,}|\bAIza[A-Za-z0-9_-]{35}\b|\beyJ[A-Za-z0-9_-]{27,}(?:\.[A-Za-z0-9_-]*){0,2}/g;
  for (const token of text.matchAll(tokens)) ranges.push([token.index, token.index + token[0].length]);
}

/** Every character in the ranges becomes `•`, line breaks aside (UTF-16 offsets, as the yaml library gives). */
function mask(text: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return text;
  const out = text.split("");
  for (const [start, end] of ranges) {
    for (let i = Math.max(0, start); i < Math.min(end, out.length); i++) if (out[i] !== "\n" && out[i] !== "\r") out[i] = "•";
  }
  return out.join("");
}
