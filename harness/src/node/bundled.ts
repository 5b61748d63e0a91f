import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PolicyError } from "../errors.js";
import { parseCatalog, type Catalog } from "../engine/catalog.js";
import type { ShellSource } from "../inputs/shell.js";

/** The bundle built by `make build` (dist/policy), found from wherever this module runs: dist/ or source. */
export function bundledPolicyDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "dist", "policy");
    if (existsSync(join(candidate, "policy.wasm"))) return candidate;
    if (dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  throw new PolicyError("the policy bundle (dist/policy/policy.wasm) is missing: run `make build`");
}

export interface BundledArtifacts {
  wasm: Uint8Array;
  catalog: Catalog;
  /** The shell parser Dockerfile commands are read with (dist/shell, beside dist/policy). */
  shell: ShellSource;
}

const read = new Map<string, BundledArtifacts>();

/** The bundle's files, read once per process. */
export function readBundledArtifacts(dir: string = bundledPolicyDir()): BundledArtifacts {
  let artifacts = read.get(dir);
  if (!artifacts) read.set(dir, (artifacts = readArtifacts(dir)));
  return artifacts;
}

/** Each part is read on first use: a run with its own bundle needs only the shell parser from here. */
function readArtifacts(dir: string): BundledArtifacts {
  const once = <T>(read: () => T): (() => T) => {
    let value: T | undefined;
    return () => {
      try {
        return (value ??= read());
      } catch (cause) {
        throw new PolicyError(`cannot read the policy bundle in ${dir}: ${(cause as Error).message}`, {}, { cause });
      }
    };
  };
  const shellDir = join(dir, "..", "shell");
  const wasm = once(() => readFileSync(join(dir, "policy.wasm")));
  const catalog = once(() => parseCatalog(JSON.parse(readFileSync(join(dir, "catalog.json"), "utf8"))));
  const shell = once(() => ({
    runtime: readFileSync(join(shellDir, "web-tree-sitter.wasm")),
    grammar: readFileSync(join(shellDir, "tree-sitter-bash.wasm")),
  }));
  return {
    get wasm() {
      return wasm();
    },
    get catalog() {
      return catalog();
    },
    get shell() {
      return shell();
    },
  };
}
