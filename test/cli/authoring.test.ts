// shipshape new-rule and shipshape test: a scaffold that passes its own tests and runs as a rule at once, and
// a test command whose failures fail the run.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { ROOT, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

const env = () => ({ XDG_CACHE_HOME: tempDir("cache"), SHIPSHAPE_OPA: join(ROOT, ".tools", "bin", "opa") });

describe("new-rule and test", () => {
  it("scaffolds a rule whose tests pass and whose violating sample is its one finding", async () => {
    const dir = tempDir("new-rule");
    const created = await runCli(["new-rule", "team-latest"], { cwd: dir, env: env() });
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`created ${join(dir, "policy", "team_latest.rego")}`);
    expect(await runCli(["test", "-p", "policy"], { cwd: dir, env: env() })).toMatchObject({ code: 0, stdout: "PASS: 2/2\n" });

    const run = await runCli(["check", "--no-config", "-f", "json", "-p", "policy", "policy/samples"], { cwd: dir, env: env() });
    const own = (JSON.parse(run.stdout) as Report).findings.filter((f) => f.rule === "team-latest");
    expect(own.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      "policy/samples/bad/team-latest.yaml:10:11 container app of Deployment/web runs nginx:latest",
    ]);

    // A failing test fails the run (1); a second scaffold with the same id, or a built-in id, is refused (2).
    const test = join(dir, "policy", "team_latest_test.rego");
    writeFileSync(test, readFileSync(test, "utf8").replace("== 1 with", "== 2 with"));
    const failed = await runCli(["test", "-p", "policy"], { cwd: dir, env: env() });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("test_violating: FAIL");
    expect((await runCli(["new-rule", "team-latest"], { cwd: dir, env: env() })).code).toBe(2);
    expect((await runCli(["new-rule", "no-root-user"], { cwd: dir, env: env() })).stderr).toContain("built-in rule's id");
    expect((await runCli(["new-rule", "Bad_Id"], { cwd: dir, env: env() })).stderr).toContain("kebab case");
  });

  it("runs the example rules' tests, conftest-style ones and helper packages included", async () => {
    const run = await runCli(["test", "-p", join(ROOT, "examples", "custom-rules", "policy")], { env: env() });
    expect(run).toMatchObject({ code: 0, stdout: "PASS: 11/11\n" });
  });
});
