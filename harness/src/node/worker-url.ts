import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where a worker script is: beside the calling module when built (dist/lib/<dir>/<name>.js, or the bundled CLI's
 * dist/cli/<name>.js); from the source tree (tests, tsx), the built copy under dist/lib.
 */
export function workerUrl(callerUrl: string, dir: string, name: string): URL {
  const here = dirname(fileURLToPath(callerUrl));
  for (const candidate of [join(here, `${name}.js`), join(here, "..", "..", "..", "dist", "lib", dir, `${name}.js`)]) {
    if (existsSync(candidate)) return new URL(`file://${candidate}`);
  }
  throw new Error(`dist/lib/${dir}/${name}.js is missing: run \`make build\``);
}
