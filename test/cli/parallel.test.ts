import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { tempDir } from "../helpers.js";

describe("check --jobs", () => {
  it("gives the same report, in the same order, on worker threads as on one", async () => {
    const dir = tempDir("jobs");
    for (let i = 0; i < 60; i++) {
      const image = i % 3 ? `nginx:1.${i}` : "nginx";
      writeFileSync(
        join(dir, `pod-${String(i).padStart(2, "0")}.yaml`),
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers:\n    - {name: c, image: "${image}"}\n`,
      );
    }
    writeFileSync(join(dir, "zz-broken.yaml"), "a: [\n");
    const serial = await runCli(["check", "-f", "json", "-j", "1", "."], { cwd: dir });
    const parallel = await runCli(["check", "-f", "json", "-j", "3", "."], { cwd: dir });
    expect(parallel.code).toBe(2);
    expect(parallel.stdout).toBe(serial.stdout);
    expect((await runCli(["check", "-j", "0", "."], { cwd: dir })).code).toBe(2);
  });
});
