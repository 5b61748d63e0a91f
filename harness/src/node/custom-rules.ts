import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { parseTar } from "nanotar";
import { parseBundle, serializeBundle, type PolicyBundle } from "../engine/bundle.js";
import { rulesFromInspect, type Inspected } from "../engine/catalog-build.js";
import { SHAPES, type Catalog, type Rule } from "../engine/catalog.js";
import { PolicyError, UsageError, type ErrorLocation } from "../errors.js";
import { bundledPolicyDir, readBundledArtifacts } from "./bundled.js";
import { conftestWrapper, conftestRuleName, type ConftestRuleRef } from "./conftest-wrapper.js";

export interface CustomRulesOptions {
  /** Directories (searched for *.rego, tests aside) and .rego files: the team's rules. */
  paths: string[];
  /** The OPA binary (`--opa`); else SHIPSHAPE_OPA, else `opa` on PATH. */
  opa?: string;
  env?: NodeJS.ProcessEnv;
  /** Where compiled bundles are kept by content hash; defaults to $XDG_CACHE_HOME/shipshape (~/.cache/shipshape). */
  cacheDir?: string;
}

/** The built-in rules and the given ones, compiled together: from the cache when nothing changed. */
export async function compileCustomRules(options: CustomRulesOptions): Promise<PolicyBundle & { cached: boolean }> {
  const env = options.env ?? process.env;
  const custom = regoFiles(options.paths);
  const hash = sourceHash(builtInDir(), custom);
  const cacheFile = join(options.cacheDir ?? cacheDirOf(env), "bundles", `${hash}.bundle`);
  if (existsSync(cacheFile)) {
    try {
      return { ...parseBundle(readFileSync(cacheFile), cacheFile), cached: true };
    } catch {
      // a damaged cache entry is rebuilt
    }
  }
  const opa = findOpa(options.opa, env);
  const bundle = await compile(opa, builtInSources(), custom, hash);
  mkdirSync(dirname(cacheFile), { recursive: true });
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temporary, serializeBundle(bundle));
  renameSync(temporary, cacheFile); // atomic: a concurrent run reads the old file or the new one, never half
  return { ...bundle, cached: false };
}

export interface Sources {
  dir: string;
  files: string[];
  capabilities: string;
}

/** The rule sources this package ships (policies/, tests aside), beside dist/. */
export function builtInSources(): Sources {
  const dir = builtInDir();
  return { dir, files: regoFiles([dir]), capabilities: join(dir, "capabilities.json") };
}

function builtInDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "policies");
    if (existsSync(join(candidate, "main.rego"))) return candidate;
    if (dirname(dir) === dir) throw new PolicyError("the built-in rule sources (policies/) are missing from this installation");
    dir = dirname(dir);
  }
}

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);

/** Every .rego file under the paths (test files aside), sorted; a path that holds none is a usage error. */
function regoFiles(paths: string[]): string[] {
  const out = new Set<string>();
  for (const path of paths) {
    const found: string[] = [];
    const visit = (p: string) => {
      let stat;
      try {
        stat = statSync(p);
      } catch {
        throw new UsageError(`policy path ${path} does not exist`);
      }
      if (stat.isDirectory()) {
        for (const name of readdirSync(p).sort()) if (!SKIPPED_DIRS.has(name) && !name.startsWith(".")) visit(join(p, name));
      } else if (p.endsWith(".rego") && !p.endsWith("_test.rego")) {
        found.push(resolve(p));
      }
    };
    visit(path);
    if (found.length === 0) throw new UsageError(`policy path ${path} holds no .rego files (test files aside)`);
    for (const f of found) out.add(f);
  }
  return [...out].sort();
}

/**
 * The cache key. The built-in rules enter it as what they compile to (dist/policy: the policy and its catalog,
 * which a test and CI keep equal to policies/) rather than as their sixty source files: walking and hashing
 * those was most of a cached run's extra cost. (Working on policies/ itself, `make build` refreshes the key.)
 * The capabilities decide what a team's rules may call. Custom files by absolute path: the catalog and
 * compile errors name them.
 */
function sourceHash(builtIn: string, custom: string[]): string {
  const hash = createHash("sha256");
  hash.update(`shipshape-bundle 2\0${readFileSync(join(builtIn, "capabilities.json"), "utf8")}\0`);
  const compiled = bundledPolicyDir();
  hash.update(readFileSync(join(compiled, "policy.wasm")));
  hash.update(readFileSync(join(compiled, "catalog.json")));
  for (const file of custom) hash.update(`${file}\0${readFileSync(file, "utf8")}\0`);
  return hash.digest("hex");
}

export function cacheDirOf(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith("/") ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), ".cache");
  return join(base, "shipshape");
}

const HOW_TO_GET_OPA =
  "custom rules are compiled with OPA, which was not found: install it (https://www.openpolicyagent.org/docs/#running-opa, " +
  "or `go install github.com/open-policy-agent/opa@latest`) and put it on PATH, or name it with --opa PATH or SHIPSHAPE_OPA; " +
  "or compile once where OPA is (`shipshape build -p DIR -o rules.bundle`) and run with --bundle rules.bundle";

/** `--opa`, else SHIPSHAPE_OPA, else `opa` on PATH. */
export function findOpa(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  const named = explicit ?? env.SHIPSHAPE_OPA;
  if (named) {
    if (!existsSync(named)) throw new UsageError(`the OPA binary ${named} does not exist`);
    return named;
  }
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, "opa");
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  throw new UsageError(HOW_TO_GET_OPA);
}

/** sprintf is the SDK's (sprintf-js): allowed in a team's rules, which conftest policies use everywhere. */
const SPRINTF = {
  name: "sprintf",
  decl: { args: [{ type: "string" }, { type: "array", dynamic: { type: "any" } }], result: { type: "string" }, type: "function" },
};

async function compile(opa: string, builtIn: Sources, custom: string[], hash: string): Promise<PolicyBundle> {
  const work = mkdtempSync(join(tmpdir(), "shipshape-build-"));
  try {
    const { conftestRules, packages } = await parseAll(opa, custom);
    // Before OPA's own complaint ("package annotation redeclared"), which does not say what to do.
    const builtInPackages = new Map(readBundledArtifacts().catalog.rules.map((r) => [r.package, r.id]));
    for (const [file, pkg] of packages) {
      const id = builtInPackages.get(pkg);
      if (id) throw new PolicyError(`${file}:1: package ${pkg} is the built-in rule ${id}'s: choose another id`, { file, line: 1 });
    }
    const sources = [...builtIn.files, ...custom];
    const entrypoints = ["shipshape/main/report"];
    if (conftestRules.length > 0) {
      const wrapper = join(work, "shipshape_conftest.rego");
      writeFileSync(wrapper, conftestWrapper(conftestRules));
      sources.push(wrapper);
      entrypoints.push("shipshape/conftest/results");
    }
    const capabilities = JSON.parse(readFileSync(builtIn.capabilities, "utf8")) as { builtins: Array<{ name: string }> };
    if (!capabilities.builtins.some((b) => b.name === SPRINTF.name)) capabilities.builtins.push(SPRINTF);
    const capabilitiesFile = join(work, "capabilities.json");
    writeFileSync(capabilitiesFile, JSON.stringify(capabilities));
    const output = join(work, "bundle.tar.gz");
    const args = ["build", "-t", "wasm", ...entrypoints.flatMap((e) => ["-e", e]), "--capabilities", capabilitiesFile, "-o", output];
    await run(opa, [...args, ...sources], "compile");
    const wasm = parseTar(gunzipSync(readFileSync(output))).find((f) => f.name.replace(/^\//, "") === "policy.wasm")?.data;
    if (!wasm) throw new PolicyError("opa build wrote no policy.wasm");
    // inspect takes one path: the bundle just built, whose entries name the files as given (absolute).
    const inspected = ownEntries(JSON.parse(await run(opa, ["inspect", "-a", "-f", "json", output], "inspect")) as Inspected, custom);
    return { hash, wasm, catalog: catalogOf(readBundledArtifacts().catalog, inspected, conftestRules) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The built-in catalog and the team's rules. A built-in id was refused before compiling (its package is the id's). */
function catalogOf(builtIn: Catalog, inspected: Inspected, conftestRules: ConftestRuleRef[]): Catalog {
  const { rules, problems } = rulesFromInspect(inspected, { builtIn: false, readFile: (f) => readFileSync(f, "utf8") });
  if (problems.length > 0) {
    const [first] = problems;
    throw new PolicyError(`a custom rule's METADATA is incomplete:\n  ${problems.join("\n  ")}`, locationIn(first!));
  }
  const conftest = conftestRules.map((ref): Rule => {
    const failure = !ref.rule.startsWith("warn");
    return {
      id: conftestRuleName(ref),
      title: `conftest rule data.${ref.namespace}.${ref.rule}`,
      severity: "medium",
      level: failure ? "deny" : "warn",
      description: `A conftest-style ${failure ? "failure" : "warning"} rule (${ref.file}): each string or {msg} it holds for a document is a finding.`,
      shapes: [...SHAPES],
      profile: "baseline",
      remediation: {},
      references: [],
      links: [],
      parameters: {},
      examples: {},
      package: ref.namespace,
      origin: "conftest",
    };
  });
  const own = rules.map((rule) => ({ ...rule, origin: "custom" as const }));
  return { version: 1, rules: [...builtIn.rules, ...own, ...conftest].sort((a, b) => a.id.localeCompare(b.id)) };
}

/** What inspect says of the custom files alone (the bundle holds the built-in ones too). */
function ownEntries(inspected: Inspected, custom: string[]): Inspected {
  const own = new Set(custom.map((f) => f.replace(/^\/+/, "")));
  const mine = (file: string | undefined) => file !== undefined && own.has(file.replace(/^\/+/, ""));
  return {
    namespaces: Object.fromEntries(
      Object.entries(inspected.namespaces ?? {})
        .map(([ns, files]): [string, string[]] => [ns, files.filter(mine)])
        .filter(([, files]) => files.length > 0),
    ),
    annotations: (inspected.annotations ?? []).filter((a) => mine(a.location?.file)),
  };
}

/** `file:line: ...` at the start of a message, as a location. */
function locationIn(message: string): ErrorLocation {
  const match = /^(\S+?\.rego):(\d+)/m.exec(message);
  return match ? { file: match[1]!, line: Number(match[2]) } : {};
}

interface ParsedModule {
  package?: { path?: Array<{ value: string }> };
  rules?: Array<{ head?: { name?: string; ref?: Array<{ value: unknown }> } }>;
}

const CONFTEST_RULE = /^(deny|violation|warn)(_[a-zA-Z0-9]+)*$/;

/**
 * Each file's package, and the conftest-style rules (deny, warn_*, violation_*) of packages outside
 * shipshape.*, from each file's AST.
 */
async function parseAll(opa: string, files: string[]): Promise<{ conftestRules: ConftestRuleRef[]; packages: Map<string, string> }> {
  const parsed = await Promise.all(
    files.map(async (file) => ({ file, module: JSON.parse(await run(opa, ["parse", "--format", "json", file], "parse")) as ParsedModule })),
  );
  const seen = new Map<string, ConftestRuleRef>();
  const packages = new Map<string, string>();
  for (const { file, module } of parsed) {
    const namespace = (module.package?.path ?? [])
      .slice(1)
      .map((p) => p.value)
      .join(".");
    packages.set(file, namespace);
    if (namespace === "shipshape" || namespace.startsWith("shipshape.")) continue;
    for (const rule of module.rules ?? []) {
      const name = rule.head?.name ?? (rule.head?.ref?.length === 1 ? String(rule.head.ref[0]!.value) : undefined);
      if (!name || !CONFTEST_RULE.test(name)) continue;
      const ref = { namespace, rule: name, file };
      if (!seen.has(conftestRuleName(ref))) seen.set(conftestRuleName(ref), ref);
    }
  }
  const conftestRules = [...seen.values()].sort((a, b) => conftestRuleName(a).localeCompare(conftestRuleName(b)));
  return { conftestRules, packages };
}

/** Runs opa; its complaint (which names the file and line) becomes the error. */
function run(opa: string, args: string[], what: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(opa, args, { maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
      if (!error) return resolvePromise(stdout);
      const complaint = readable((stderr || stdout || error.message).trim()).replace(/^error: /, "");
      reject(new PolicyError(`cannot ${what} the custom rules: ${complaint}`, locationIn(complaint), { cause: error }));
    });
  });
}

/** `opa parse --format json` reports errors as JSON: as text, like the other commands' (`file:row: code: message`). */
function readable(complaint: string): string {
  try {
    const { errors } = JSON.parse(complaint) as {
      errors?: Array<{ message?: string; code?: string; location?: { file?: string; row?: number } }>;
    };
    if (!Array.isArray(errors) || errors.length === 0) return complaint;
    return errors.map((e) => `${e.location?.file ?? "?"}:${e.location?.row ?? 0}: ${e.code ?? "error"}: ${e.message ?? ""}`).join("\n");
  } catch {
    return complaint;
  }
}
