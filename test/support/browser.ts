// A real browser for the tests of what renders: Debian's chromium (installed by .ci/run), driven by
// playwright-core (no browser download). SHIPSHAPE_CHROMIUM names another binary.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export function chromiumPath(): string | undefined {
  const named = process.env.SHIPSHAPE_CHROMIUM;
  if (named) return existsSync(named) ? named : undefined;
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || undefined;
    } catch {
      // not this one
    }
  }
  return undefined;
}

export function launchBrowser(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where chromium's sandbox cannot start. No WebAssembly tier-up: each page
  // load's optimising recompile of policy.wasm cost about 2 s of CPU over the browser tests and tests nothing.
  return chromium.launch({ executablePath: chromiumPath()!, args: ["--no-sandbox", "--disable-gpu", "--js-flags=--no-wasm-tier-up"] });
}
