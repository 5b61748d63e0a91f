/**
 * How the real consumers resolve YAML scalars, so that a spelling cannot hide a value from shipshape that the
 * consumer would see. Kubernetes manifests are decoded by sigs.k8s.io/yaml over go-yaml v2 (YAML 1.1:
 * `yes`/`on`/`y` are booleans, `0b0`, `0_0` and `0777` are integers); Compose files by compose-go over go-yaml
 * v4 (YAML 1.2 booleans, but Go's integer syntax all the same). Both decode `!!binary` to the string it encodes.
 * This module ports go-yaml's `resolve` (resolve.go / resolver.go); tools/oracle checks it against the Go code.
 */

/** Which consumer's reading to follow. */
export type YamlDialect = "kubernetes" | "compose";

/** A scalar the consumer would refuse to decode, or a tag shipshape does not understand. */
export class ScalarError extends Error {}

const TAG = "tag:yaml.org,2002:";
const STR = `${TAG}str`;
const INT = `${TAG}int`;
const FLOAT = `${TAG}float`;
const BOOL = `${TAG}bool`;
const NULL = `${TAG}null`;
const TIMESTAMP = `${TAG}timestamp`;
const BINARY = `${TAG}binary`;

/** Tags whose scalars go through resolution; `!!binary` and `!` (non-specific) are handled apart. */
const RESOLVABLE = new Set([STR, INT, FLOAT, BOOL, NULL, TIMESTAMP]);

const COMMON: Record<string, unknown> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
  "": null,
  "~": null,
  null: null,
  Null: null,
  NULL: null,
  ".nan": NaN,
  ".NaN": NaN,
  ".NAN": NaN,
  ".inf": Infinity,
  ".Inf": Infinity,
  ".INF": Infinity,
  "+.inf": Infinity,
  "+.Inf": Infinity,
  "+.INF": Infinity,
  "-.inf": -Infinity,
  "-.Inf": -Infinity,
  "-.INF": -Infinity,
};

/** go-yaml v2's map adds the YAML 1.1 booleans; v4's adds negative zero. */
const MAPS: Record<YamlDialect, Map<string, unknown>> = {
  kubernetes: new Map(
    Object.entries({
      ...COMMON,
      ...Object.fromEntries(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"].map((s) => [s, true])),
      ...Object.fromEntries(["n", "N", "no", "No", "NO", "off", "Off", "OFF"].map((s) => [s, false])),
    }),
  ),
  compose: new Map(Object.entries({ ...COMMON, "-0": -0, "-0.0": -0 })),
};

/** The first character hints at the type, as go-yaml's resolveTable does. */
function hint(text: string): "S" | "D" | "M" | "." | undefined {
  if (text === "") return "M";
  const c = text[0]!;
  if (c === "+" || c === "-") return "S";
  if (c >= "0" && c <= "9") return "D";
  if ("yYnNtTfFoO~<".includes(c)) return "M";
  if (c === ".") return ".";
  return undefined;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt(s, 0, 64) (signed) or ParseUint(s, 0, 64) (unsigned), on a string without underscores. */
function goParseInt(s: string, signed: boolean): number | undefined {
  const match = (signed ? /^([+-]?)(.*)$/ : /^()(.*)$/).exec(s)!;
  const sign = match[1] === "-" ? -1n : 1n;
  const body = match[2]!;
  let digits: string;
  let base: number;
  if (/^0[xX]/.test(body)) [digits, base] = [body.slice(2), 16];
  else if (/^0[oO]/.test(body)) [digits, base] = [body.slice(2), 8];
  else if (/^0[bB]/.test(body)) [digits, base] = [body.slice(2), 2];
  else if (body.length > 1 && body[0] === "0") [digits, base] = [body.slice(1), 8];
  else [digits, base] = [body, 10];
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base]!;
  if (!valid.test(digits)) return undefined;
  const prefix = { 2: "0b", 8: "0o", 10: "", 16: "0x" }[base]!;
  const value = sign * BigInt(prefix + digits);
  if (signed ? value < INT64_MIN || value > INT64_MAX : value > UINT64_MAX) return undefined;
  return Number(value);
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's strconv.ParseFloat for the decimal forms go-yaml hands it; out of range is an error there. */
function goParseFloat(s: string): number | undefined {
  if (!YAML_STYLE_FLOAT.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

/** go-yaml's quick test and formats for timestamps (YYYY-M-D, with an optional time). */
function timestamp(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, sep, h, mi, se, frac, zone] = m;
  if (sep !== undefined && sep !== " " && zone === undefined) return undefined; // the T forms need a zone
  if (sep === " " && zone !== undefined) return undefined; // the space form has none
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(se ?? 0));
  const date = new Date(ms);
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d) || Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(se ?? 0) > 59) {
    return undefined;
  }
  const offset = zone && zone !== "Z" ? (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) : 0;
  return new Date(ms - offset * 60_000 + Number(`0${frac ?? ""}`) * 1000);
}

/** Go's json encoding of a time.Time (RFC 3339 with nanoseconds trimmed), in UTC as compose-go holds it. */
function goTime(date: Date, source: string): string {
  const zone = /(Z|[+-]\d{2}:\d{2})$/.exec(source)?.[1];
  const frac = /\.(\d{1,9})/.exec(source)?.[1]?.replace(/0+$/, "");
  const shift = zone && zone !== "Z" ? (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) : 0;
  const local = new Date(date.getTime() + shift * 60_000).toISOString().slice(0, 19);
  return `${local}${frac ? `.${frac}` : ""}${!zone || zone === "Z" ? "Z" : zone}`;
}

/**
 * The value of a plain (or explicitly tagged) scalar as the consumer decodes it; a tag that cannot hold the
 * text (`!!int abc`) throws, as go-yaml does.
 */
export function resolveScalar(text: string, dialect: YamlDialect, tag = ""): unknown {
  const [resolvedTag, value] = resolveGo(text, dialect, tag);
  if (tag === "" || tag === resolvedTag || tag === STR) return value;
  if (tag === FLOAT && resolvedTag === INT) return value;
  throw new ScalarError(`a ${short(resolvedTag)} value cannot be decoded as ${short(tag)}`);
}

function short(tag: string): string {
  return tag.startsWith(TAG) ? `!!${tag.slice(TAG.length)}` : tag;
}

function resolveGo(text: string, dialect: YamlDialect, tag: string): [string, unknown] {
  const kind = hint(text);
  if (kind === undefined || tag === STR) return [STR, text];
  if (MAPS[dialect].has(text)) {
    const mapped = MAPS[dialect].get(text);
    return [mapped === null ? NULL : typeof mapped === "boolean" ? BOOL : FLOAT, mapped];
  }
  if (kind === ".") {
    const value = goParseFloat(text);
    if (value !== undefined) return [FLOAT, value];
  } else if (kind === "D" || kind === "S") {
    if (tag === "" || tag === TIMESTAMP) {
      const date = timestamp(text);
      // go-yaml v2 hands Kubernetes a timestamp back as its text; v4 gives compose-go a time.Time.
      if (date) return [TIMESTAMP, dialect === "kubernetes" ? text : goTime(date, text)];
    }
    const plain = text.replaceAll("_", "");
    const int = goParseInt(plain, true) ?? goParseInt(plain, false);
    if (int !== undefined) return [INT, int];
    const float = goParseFloat(plain);
    if (float !== undefined) return [FLOAT, float];
  }
  return [STR, text];
}

/** `!!binary`: strict standard base64 (line breaks ignored), decoded to the string Go would hold. */
export function decodeBinary(text: string): string {
  const compact = text.replace(/[\r\n]/g, "");
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new ScalarError("!!binary holds invalid base64");
  const bytes = Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

export const TAGS = { STR, BINARY, RESOLVABLE } as const;
