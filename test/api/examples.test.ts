import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

// The examples/ scripts are documentation that runs: each must work against the built package.
function run(script: string): { code: number; stdout: string } {
  try {
    return { code: 0, stdout: execFileSync(process.execPath, [script], { cwd: ROOT, encoding: "utf8" }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, stdout: failed.stdout };
  }
}

describe("examples/", () => {
  it.each(["examples/check-manifest.mjs", "examples/check-manifest.cjs"])("%s prints located findings", (script) => {
    const { code, stdout } = run(script);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^14:11 (deny )?no-latest-tag container app of Deployment\/web uses image "nginx:latest"/m);
    const lines = stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line).toMatch(/^\d+:\d+ /);
  });

  it("examples/core-api.mjs applies configuration and parameters", () => {
    const { code, stdout } = run("examples/core-api.mjs");
    expect(code).toBe(0);
    expect(stdout).toContain("waived: upstream image, tracked in OPS-42");
    expect(stdout).toContain("✔ 2 findings (0 deny, 1 warn, 1 waived)");
  });
});
