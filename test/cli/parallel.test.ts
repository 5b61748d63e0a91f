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

describe("checkFilesParallel", () => {
  it("builds every worker's checker from the checker's own options: parameters, limits and today included", async () => {
    const { createBundledChecker, checkFiles } = await import("../../harness/src/node.js");
    const { checkFilesParallel } = await import("../../harness/src/node/parallel.js");
    const dir = tempDir("jobs-options");
    const deep = (n: number): unknown => (n === 0 ? "x" : { a: deep(n - 1) });
    for (let i = 0; i < 8; i++) {
      const pod = {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: `p${i}`, labels: i === 0 ? deep(40) : {} },
        spec: { containers: [{ name: "c", image: "a:1" }] },
      };
      writeFileSync(join(dir, `pod-${i}.json`), JSON.stringify(pod));
    }
    const checker = await createBundledChecker({
      params: { "resource-limits": { resources: ["memory"] } },
      maxDepth: 20,
      today: "2030-01-01",
      config: { waivers: [{ rule: "no-root-user", reason: "until 2029", expires: "2029-12-31" }] },
    });
    const serial = checkFiles(checker, ["."], { cwd: dir });
    const parallel = await checkFilesParallel(checker, ["."], { cwd: dir }, 2);
    expect(parallel).toEqual(serial);
    const all = serial.flatMap((r) => r.findings);
    expect(all.filter((f) => f.rule === "resource-limits").every((f) => f.message.includes("memory"))).toBe(true);
    expect(all.find((f) => f.rule === "no-root-user")?.waiver).toBe("expired waiver (2029-12-31): until 2029");
    expect(serial[0]!.errors.map((e) => e.message)).toEqual(["the document nests deeper than 20 levels"]);
  });
});
