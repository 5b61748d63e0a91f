import { Checker } from "../check/checker.js";
import { readBundledArtifacts } from "../engine/bundled.js";

/** A Checker over the bundle shipped in this package (dist/policy). */
export async function createBundledChecker(params: Record<string, Record<string, unknown>> = {}): Promise<Checker> {
  const { wasm, catalog } = readBundledArtifacts();
  return Checker.create({ wasm, catalog, params });
}
