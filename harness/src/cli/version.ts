import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let version: string | undefined;

/** The version in shipshape's package.json, found upward from this module (source, dist/lib or dist/cli). */
export function packageVersion(): string {
  if (version) return version;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "shipshape" && pkg.version) return (version = pkg.version);
    } catch {
      // no package.json here: keep looking
    }
    if (dirname(dir) === dir) return (version = "0.0.0");
  }
}
