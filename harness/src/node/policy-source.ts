import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseDocument } from "yaml";
import { parseBundle, type PolicyBundle } from "../engine/bundle.js";
import type { Catalog } from "../engine/catalog.js";
import { PolicyError, UsageError } from "../errors.js";
import { readBundledArtifacts } from "./bundled.js";
import { compileCustomRules } from "./custom-rules.js";

/** Where a command's rules come from: the built-in bundle, a prebuilt bundle, or policy paths compiled here. */
export interface PolicySelection {
  /** `--bundle FILE`: a prebuilt bundle (`shipshape build`). */
  bundle?: string;
  /** `-p DIR` (and the configuration's `policies:`): a team's rules, compiled with the built-in ones. */
  policies: string[];
  /** `--opa PATH`. */
  opa?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface SelectedPolicy {
  wasm: Uint8Array;
  catalog: Catalog;
  /** Of the bundle's sources; none for the built-in bundle. */
  hash?: string;
  /** Where it came from, for logs: "built-in", the bundle file, or "compiled" / "cached". */
  origin: string;
}

export async function selectPolicy(selection: PolicySelection): Promise<SelectedPolicy> {
  if (selection.bundle !== undefined && selection.policies.length > 0) {
    throw new UsageError("--bundle already holds its rules: give it or policy paths (-p, policies:), not both");
  }
  if (selection.bundle !== undefined) {
    const file = resolve(selection.cwd, selection.bundle);
    return { ...readBundleFile(file), origin: file };
  }
  if (selection.policies.length > 0) {
    const compiled = await compileCustomRules({
      paths: selection.policies.map((p) => resolve(selection.cwd, p)),
      env: selection.env,
      ...(selection.opa !== undefined && { opa: selection.opa }),
    });
    return { wasm: compiled.wasm, catalog: compiled.catalog, hash: compiled.hash, origin: compiled.cached ? "cached" : "compiled" };
  }
  const { wasm, catalog } = readBundledArtifacts();
  return { wasm, catalog, origin: "built-in" };
}

export function readBundleFile(file: string): PolicyBundle {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw new PolicyError(`cannot read the bundle ${file}: ${(cause as Error).message}`, {}, { cause });
  }
  return parseBundle(bytes, file);
}

/**
 * What a configuration file says about the rules themselves (`policies:`, `namespaces:`), read before the
 * rest: the rest is validated against the catalog those rules make. Paths are relative to the file.
 */
export function policySettingsOf(file: string): { policies: string[]; namespaces?: string[] } {
  let raw: unknown;
  try {
    raw = parseDocument(readFileSync(file, "utf8")).toJS();
  } catch {
    return { policies: [] }; // the full load reports what is wrong with the file
  }
  const { policies, namespaces } = (raw ?? {}) as { policies?: unknown; namespaces?: unknown };
  const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");
  return {
    policies: strings(policies) ? policies.map((p) => resolve(dirname(file), p)) : [],
    ...(strings(namespaces) && { namespaces }),
  };
}
