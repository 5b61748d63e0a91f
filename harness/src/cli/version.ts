import { createRequire } from "node:module";

/** The package version; package.json is three levels up from both harness/src/cli and dist/lib/cli. */
export function packageVersion(): string {
  try {
    return (createRequire(import.meta.url)("../../../package.json") as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}
