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

export function readBundledArtifacts(dir: string = bundledPolicyDir()): BundledArtifacts {
  try {
    const shell = join(dir, "..", "shell");
    return {
      wasm: readFileSync(join(dir, "policy.wasm")),
      catalog: parseCatalog(JSON.parse(readFileSync(join(dir, "catalog.json"), "utf8"))),
      shell: { runtime: readFileSync(join(shell, "web-tree-sitter.wasm")), grammar: readFileSync(join(shell, "tree-sitter-bash.wasm")) },
    };
  } catch (cause) {
    throw new PolicyError(`cannot read the policy bundle in ${dir}: ${(cause as Error).message}`, {}, { cause });
  }
}
