import { Checker, type CheckerOptions } from "../check/checker.js";
import { readBundledArtifacts } from "../node/bundled.js";

/** A Checker over the bundle shipped in this package (dist/policy). */
export async function createBundledChecker(options: Omit<CheckerOptions, "wasm" | "catalog" | "shell"> = {}): Promise<Checker> {
  const { wasm, catalog, shell } = readBundledArtifacts();
  return Checker.create({ ...options, wasm, catalog, shell });
}
