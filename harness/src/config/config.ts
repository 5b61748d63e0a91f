import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { LineCounter, parseDocument } from "yaml";
import type { Level, Profile, Rule, Severity } from "../engine/catalog.js";
import { UsageError } from "../errors.js";
import { locateInYaml } from "../inputs/locate.js";
import { AJV_OPTIONS } from "./ajv-options.js";
import { BUNDLED_SCHEMA, validate as validateBundled } from "./bundled-validator.js";
import { configSchemaFor } from "./schema.js";

export interface RuleSettings {
  enabled?: boolean;
  severity?: Severity;
  level?: Level;
  params?: Record<string, unknown>;
}

export interface ConfigWaiver {
  rules: string[];
  /** Glob over file paths, relative to the configuration file's directory (never matches at admission). */
  path?: string;
  /** The owner as findings name it: `Deployment/web`, `service web`. */
  object?: string;
  /** The owner's kind, namespace and name, matched separately (what the admission server knows of an object). */
  kind?: string;
  namespace?: string;
  name?: string;
  container?: string;
  reason: string;
  /** YYYY-MM-DD: the last day the waiver applies. */
  expires?: string;
}

/**
 * Whose in-place waivers count: all (true), none (false), or only those naming the listed rules and/or in the
 * listed namespaces (an admission server's cluster admin allows some self-waivers and no others).
 */
export type InlineWaivers = boolean | { rules?: string[]; namespaces?: string[] };

/** A validated `.shipshape.yaml`. */
export interface Config {
  rules: Record<string, RuleSettings>;
  ignore: string[];
  waivers: ConfigWaiver[];
  /** As configured; undefined when the file does not say (the CLI then honours them, the server does not). */
  inlineWaivers?: InlineWaivers;
  failLevel?: Level;
  /** The rule set (see PROFILES); undefined when the file does not say (restricted: every rule). */
  profile?: Profile;
  /** A team's own rule paths, as written (relative to the file); the CLI compiles them with the built-in rules. */
  policies?: string[];
  /** The conftest namespaces whose rules run (globs); `main` when the file does not say. */
  namespaces?: string[];
}

export const EMPTY_CONFIG: Config = { rules: {}, ignore: [], waivers: [] };

// The bundled rules' schema is compiled ahead of time (bundled-validator.ts): starting Ajv and compiling was
// 50 ms of a cold start. Other catalogs (a team's rules) are compiled on first use, per catalog and for the
// rules a configuration names: compiling the schema of every rule's parameters, with Ajv's meta-schema check and
// code optimiser, cost ~160 ms; for the few rules a file names, without those two, ~40 ms.
const compiled = new WeakMap<Rule[], Map<string, ValidateFunction>>();
/** Whether a catalog's rules give the schema the bundled validator was compiled from (bundled-validator.ts). */
const bundled = new WeakMap<Rule[], boolean>();
function validator(rules: Rule[], raw: unknown): ValidateFunction {
  let isBundled = bundled.get(rules);
  if (isBundled === undefined) bundled.set(rules, (isBundled = JSON.stringify(configSchemaFor(rules)) === BUNDLED_SCHEMA));
  if (isBundled) return validateBundled as ValidateFunction;
  const settings = typeof raw === "object" && raw !== null ? (raw as { rules?: unknown }).rules : undefined;
  const named = new Set(typeof settings === "object" && settings !== null ? Object.keys(settings) : []);
  const used = rules.filter((rule) => named.has(rule.id));
  const key = used.map((rule) => rule.id).join("\0");
  let forCatalog = compiled.get(rules);
  if (!forCatalog) compiled.set(rules, (forCatalog = new Map<string, ValidateFunction>()));
  let validate = forCatalog.get(key);
  if (!validate) forCatalog.set(key, (validate = new Ajv(AJV_OPTIONS).compile(configSchemaFor(used))));
  return validate;
}

/**
 * Parses and validates configuration text. Every problem (bad YAML, a field of the wrong type, an unknown
 * rule id, a date that does not exist) is a UsageError naming the file and line, so the CLI exits 2.
 */
export function parseConfig(text: string, file: string, rules: Rule[]): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line } = lineCounter.linePos(syntax.pos[0]);
    throw new UsageError(`${file}:${line}: invalid configuration: ${syntax.message.split("\n")[0]}`);
  }
  return validateConfig(doc.toJS() ?? {}, (path) => `${file}:${locateInYaml(doc, lineCounter, path).line}`, rules);
}

/**
 * A configuration given as an object in the shape of `.shipshape.yaml` (or as its YAML text), validated the
 * same way; for library users who keep their settings elsewhere.
 */
export function loadConfig(input: string | Record<string, unknown>, rules: Rule[], name = "configuration"): Config {
  if (typeof input === "string") return parseConfig(input, name, rules);
  return validateConfig(input, (path) => (path.length > 0 ? `${name} at ${path.join(".")}` : name), rules);
}

function validateConfig(raw: unknown, at: (path: Array<string | number>) => string, rules: Rule[]): Config {
  const validate = validator(rules, raw);
  if (!validate(raw)) {
    const error = validate.errors![0]!;
    const path = pointerToPath(error.instancePath);
    throw new UsageError(`${at(path)}: invalid configuration: ${describe(error, rules)}`);
  }
  const known = new Set(rules.map((r) => r.id));
  const config = raw as {
    rules?: Record<string, RuleSettings>;
    ignore?: string[];
    waivers?: Array<Omit<ConfigWaiver, "rules"> & { rule?: string; rules?: string[] }>;
    "inline-waivers"?: InlineWaivers;
    "fail-level"?: Level;
    profile?: Profile;
    policies?: string[];
    namespaces?: string[];
  };
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) throw new UsageError(`${at(["rules", id])}: unknown rule "${id}" in configuration`);
  }
  const inline = config["inline-waivers"];
  if (typeof inline === "object") {
    (inline.rules ?? []).forEach((id, i) => {
      if (!known.has(id)) throw new UsageError(`${at(["inline-waivers", "rules", i])}: unknown rule "${id}" in inline-waivers`);
    });
  }
  const waivers = (config.waivers ?? []).map(({ rule, rules: ids, ...rest }, i) => {
    const waiver: ConfigWaiver = { ...rest, rules: ids ?? [rule!] };
    for (const id of waiver.rules) {
      if (!known.has(id)) throw new UsageError(`${at(["waivers", i])}: unknown rule "${id}" in waiver`);
    }
    if (waiver.expires && !isRealDate(waiver.expires)) {
      throw new UsageError(`${at(["waivers", i, "expires"])}: "${waiver.expires}" is not a date (YYYY-MM-DD)`);
    }
    return waiver;
  });
  return {
    rules: config.rules ?? {},
    ignore: config.ignore ?? [],
    waivers,
    ...(inline !== undefined && { inlineWaivers: inline }),
    ...(config["fail-level"] && { failLevel: config["fail-level"] }),
    ...(config.profile && { profile: config.profile }),
    ...(config.policies && { policies: config.policies }),
    ...(config.namespaces && { namespaces: config.namespaces }),
  };
}

/** Rule parameters for the policy's data document, from the per-rule settings. */
export function paramsOf(config: Config): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(config.rules)
      .filter(([, settings]) => settings.params)
      .map(([id, settings]) => [id, settings.params!]),
  );
}

function pointerToPath(pointer: string): Array<string | number> {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describe(error: ErrorObject, rules: Rule[]): string {
  const where = error.instancePath === "" ? "the configuration" : error.instancePath.slice(1).replace(/\//g, ".");
  const parameterOf = /^\/rules\/([^/]+)\/params$/.exec(error.instancePath)?.[1];
  if (error.keyword === "additionalProperties" && parameterOf !== undefined) {
    const names = Object.keys(rules.find((r) => r.id === parameterOf)?.parameters ?? {});
    const known = names.length > 0 ? `its parameters: ${names.join(", ")}` : "it has no parameters";
    return `unknown parameter "${String(error.params.additionalProperty)}" of ${parameterOf} (${known})`;
  }
  if (error.keyword === "additionalProperties") {
    return `unknown field "${String(error.params.additionalProperty)}" in ${where}`;
  }
  if (error.keyword === "enum") return `${where} must be one of ${(error.params.allowedValues as string[]).join(", ")}`;
  if (error.keyword === "oneOf") return `${where} needs exactly one of "rule" or "rules"`;
  return `${where} ${error.message ?? "is invalid"}`;
}

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
