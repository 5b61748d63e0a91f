// Security review class 7: resource blow-ups and hangs. Every input is bounded: special files are refused
// before they are read, standard input stops at the size limit, objects with absurd numbers of containers are
// refused, and documents that hold no containers are not evaluated at all.
import { execFileSync, spawnSync } from "node:child_process";
import { openSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { Policy } from "../../harness/src/engine/policy.js";
import type { Report } from "../../harness/src/index.js";
import { runCli } from "../cli/run-cli.js";
import { ROOT, samplesChecker, tempDir } from "../helpers.js";

const POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: 'a:1'}]}\n";

describe("class 7: resource blow-ups and hangs", () => {
  it("refuses a named pipe and a device as inputs instead of blocking or reading forever", async () => {
    const dir = tempDir("special", { "pod.yaml": POD });
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    const { code, stdout } = await runCli(["check", "--no-config", "-f", "json", "pipe.yaml", "/dev/zero", "pod.yaml"], { cwd: dir });
    const report = JSON.parse(stdout) as Report;
    expect(code).toBe(2);
    expect(report.errors.map((e) => [e.file, e.message])).toEqual([
      ["pipe.yaml", "not a regular file (a named pipe)"],
      ["/dev/zero", "not a regular file (a device)"],
    ]);
    expect(report.findings.some((f) => f.file === "pod.yaml")).toBe(true);
  });

  it("stops reading standard input at the size limit", () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, "bin", "shipshape.js"), "check", "--no-config", "--max-file-size", "65536", "-f", "json", "-"],
      {
        stdio: [openSync("/dev/zero", "r"), "pipe", "pipe"],
        encoding: "utf8",
        timeout: 20_000,
      },
    );
    expect(run.status).toBe(2);
    expect((JSON.parse(run.stdout) as Report).errors).toEqual([
      { file: "<stdin>", code: "INPUT_ERROR", message: "standard input is over the limit of 65536 bytes" },
    ]);
  });

  it("refuses an object with more containers than allowed, and checks the other objects", async () => {
    const checker = await samplesChecker();
    const containers = Array.from({ length: 1_001 }, (_, i) => ({ name: `c${i}`, image: "a:1" }));
    const huge = { apiVersion: "v1", kind: "Pod", metadata: { name: "huge" }, spec: { containers } };
    const list = {
      apiVersion: "v1",
      kind: "List",
      items: [huge, { apiVersion: "v1", kind: "Pod", metadata: { name: "ok" }, spec: { containers: [{ name: "c", image: "a:1" }] } }],
    };
    const result = checker.checkText(JSON.stringify(list, null, 1), "list.json");
    expect(result.errors.map((e) => e.message)).toEqual(["the object holds 1001 containers, more than the 1000 allowed"]);
    expect(result.errors[0]!.line).toBe(5); // the item, not the file
    expect(new Set(result.findings.map((f) => f.object))).toEqual(new Set(["Pod/ok"]));
  });

  it("evaluates the items of a List one by one, with their paths, as one document would be", async () => {
    const checker = await samplesChecker();
    const pods = Array.from({ length: 3 }, (_, i) =>
      JSON.parse(
        JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: `p${i}` }, spec: { containers: [{ name: "c", image: "a:1" }] } }),
      ),
    );
    const one = (pod: unknown) => checker.checkDocument(pod, "x").findings.map((f) => `${f.rule} ${f.object} ${f.path}`);
    const expected = pods.flatMap((pod, i) => one(pod).map((line) => line.replace(" spec.", ` items[${i}].spec.`)));
    const asList = checker
      .checkDocument({ apiVersion: "v1", kind: "List", items: pods }, "x")
      .findings.map((f) => `${f.rule} ${f.object} ${f.path}`);
    expect(asList.sort()).toEqual(expected.sort());
  });

  it("does not evaluate Kubernetes objects that hold no containers", async () => {
    const checker = await samplesChecker();
    const evaluate = vi.spyOn(Policy.prototype, "evaluate");
    const configMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { big: "x".repeat(1_000_000) } };
    expect(checker.checkDocument(configMap, "cm.json")).toMatchObject({ findings: [], errors: [], skipped: [] });
    expect(evaluate).not.toHaveBeenCalled();
    checker.checkDocument(JSON.parse(JSON.stringify({ ...configMap, kind: "Pod", spec: { containers: [{ name: "c" }] } })), "pod.json");
    expect(evaluate).toHaveBeenCalledTimes(1);
    evaluate.mockRestore();
  });
});
