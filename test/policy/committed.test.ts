// The compiled policy is committed (dist/policy) so that Node alone runs shipshape. When policies/ (and what the
// catalog is built from) match HEAD, the built policy must match HEAD's copy too: a commit that changed the
// rules without the compiled policy fails here (and in .ci/run's clean-clone check).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "buffer", stdio: ["ignore", "pipe", "ignore"] });
const sourcesCommitted = (() => {
  try {
    git(
      "diff",
      "--quiet",
      "HEAD",
      "--",
      "policies",
      "inputs",
      "scripts/catalog.ts",
      "harness/src/engine/catalog.ts",
      "harness/src/engine/catalog-build.ts",
    );
    return true;
  } catch {
    return false; // uncommitted rule changes (or no git): nothing to compare yet
  }
})();

describe.runIf(sourcesCommitted)("dist/policy (committed)", () => {
  it.each(["policy.wasm", "catalog.json"])("%s is what policies/ compiles to", (name) => {
    const built = readFileSync(join(ROOT, "dist", "policy", name));
    const committed = git("show", `HEAD:dist/policy/${name}`);
    expect(Buffer.compare(built, committed), `dist/policy/${name} is stale: run make build and commit it`).toBe(0);
  });
});
