// The CI integrations, run as far as a machine without those services allows: the GitHub Action's check step
// with a fake GITHUB_* environment, the pre-commit hooks' entries on the files their patterns select.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, tempDir } from "../helpers.js";

const BAD_POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: 'a:1'}\n";
const WORKFLOW = "name: ci\non: push\njobs: {build: {runs-on: ubuntu-latest, steps: [{run: make}]}}\n";

interface Step {
  id?: string;
  name?: string;
  run?: string;
  env?: Record<string, string>;
}

describe("GitHub Action (action.yml)", () => {
  const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as { runs: { using: string; steps: Step[] } };
  const steps = action.runs.steps;

  it("annotates, writes SARIF and the job summary from one run, and fails the job only in its last step", () => {
    expect(action.runs.using).toBe("composite");
    const check = steps.find((s) => s.id === "check")!;
    const dir = tempDir("action", { "deploy/pod.yaml": BAD_POD, "out/.keep": "" });
    const env = {
      PATH: process.env.PATH ?? "",
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: join(dir, "out", "output"),
      GITHUB_STEP_SUMMARY: join(dir, "out", "summary.md"),
      SHIPSHAPE_PATHS: "deploy",
      SHIPSHAPE_CONFIG: "",
      SHIPSHAPE_FAIL_LEVEL: "deny",
      SHIPSHAPE_PROFILE: "",
      SHIPSHAPE_BASELINE: "",
      SHIPSHAPE_SARIF: "out/shipshape.sarif",
    };
    const run = spawnSync("bash", ["-e", "-c", check.run!], { cwd: dir, env, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0); // the check step itself succeeds: the SARIF upload comes next
    expect(run.stdout).toMatch(/^::error file=deploy\/pod\.yaml,line=\d+,col=\d+,title=no-root-user/m);
    expect(readFileSync(env.GITHUB_OUTPUT, "utf8")).toBe("exit-code=1\n");
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, "utf8")).toMatch(/^## shipshape: failed/);
    const sarif = JSON.parse(readFileSync(join(dir, "out", "shipshape.sarif"), "utf8"));
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    const result = steps.at(-1)!;
    const exit = spawnSync("bash", ["-e", "-c", result.run!], { env: { SHIPSHAPE_EXIT: "1" } });
    expect(exit.status).toBe(1);
    expect(spawnSync("bash", ["-e", "-c", result.run!], { env: { SHIPSHAPE_EXIT: "0" } }).status).toBe(0);
  });

  it("passes a clean repository", () => {
    const check = steps.find((s) => s.id === "check")!;
    const dir = tempDir("action", { "compose.yaml": readFileSync(join(ROOT, "inputs", "compose", "good", "compose.yaml"), "utf8") });
    const output = join(dir, "output");
    const env = { PATH: process.env.PATH ?? "", GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output, SHIPSHAPE_PATHS: "." };
    const run = spawnSync("bash", ["-e", "-c", check.run!], {
      cwd: dir,
      env: {
        ...env,
        SHIPSHAPE_FAIL_LEVEL: "deny",
        SHIPSHAPE_SARIF: "s.sarif",
        SHIPSHAPE_CONFIG: "",
        SHIPSHAPE_PROFILE: "",
        SHIPSHAPE_BASELINE: "",
      },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(output, "utf8")).toBe("exit-code=0\n");
  });
});

describe("pre-commit hooks (.pre-commit-hooks.yaml)", () => {
  const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Array<{
    id: string;
    entry: string;
    language: string;
    files: string;
    exclude?: string;
  }>;
  const changed = {
    ".github/workflows/ci.yml": WORKFLOW,
    "deploy/pod.yaml": BAD_POD,
    "compose.yaml": "services:\n  web: {image: 'nginx:1.27', privileged: true}\n",
    Dockerfile: "FROM registry.example.com/base:1.0\nUSER 0\n",
    "README.md": "# x\n",
  };
  // What pre-commit does: pass the changed files its `files` pattern selects (and `exclude` does not).
  const run = (hook: (typeof hooks)[number], dir: string) => {
    const files = Object.keys(changed).filter((f) => new RegExp(hook.files).test(f) && !(hook.exclude && new RegExp(hook.exclude).test(f)));
    const [command, ...args] = hook.entry.split(" ");
    expect(command).toBe("shipshape");
    const result = spawnSync("node", [join(ROOT, "bin", "shipshape.js"), ...args, "--no-config", "-f", "json", ...files], {
      cwd: dir,
      encoding: "utf8",
    });
    return { files, status: result.status, report: JSON.parse(result.stdout) as { findings: Array<{ file: string }>; errors: unknown[] } };
  };

  it("selects the right files per hook and fails the commit on their findings, not on other YAML", () => {
    expect(hooks.map((h) => h.id)).toEqual(["shipshape", "shipshape-kubernetes", "shipshape-compose", "shipshape-dockerfile"]);
    for (const hook of hooks) expect(hook.language).toBe("node");
    const dir = tempDir("hooks", changed);
    const all = run(hooks[0]!, dir);
    expect(all.files.sort()).toEqual([".github/workflows/ci.yml", "Dockerfile", "compose.yaml", "deploy/pod.yaml"]);
    expect(all.status).toBe(1);
    expect(all.report.errors).toEqual([]); // the workflow file is skipped, not an error
    expect(new Set(all.report.findings.map((f) => f.file))).toEqual(new Set(["Dockerfile", "compose.yaml", "deploy/pod.yaml"]));
    const byId = Object.fromEntries(hooks.map((h) => [h.id, run(h, dir)]));
    expect(byId["shipshape-kubernetes"]!.files.sort()).toEqual([".github/workflows/ci.yml", "deploy/pod.yaml"]);
    expect(new Set(byId["shipshape-kubernetes"]!.report.findings.map((f) => f.file))).toEqual(new Set(["deploy/pod.yaml"]));
    expect(byId["shipshape-compose"]!.files).toEqual(["compose.yaml"]);
    expect(byId["shipshape-dockerfile"]!.files).toEqual(["Dockerfile"]);
    for (const id of ["shipshape-compose", "shipshape-dockerfile"]) expect(byId[id]!.status).toBe(1);
  });

  it("is installable as pre-commit installs a node hook: npm's bin named shipshape", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
    expect(pkg.bin.shipshape).toBe("bin/shipshape.js");
  });
});

describe("GitLab CI (docs/ci.md)", () => {
  it("the documented job writes the JUnit and code quality reports GitLab reads", () => {
    const doc = readFileSync(join(ROOT, "docs", "ci.md"), "utf8");
    const snippet = /```yaml\n(# \.gitlab-ci\.yml[\s\S]*?)```/.exec(doc)![1]!;
    const job = (parse(snippet) as Record<string, { script: string[]; artifacts: { reports: Record<string, string> } }>).shipshape!;
    expect(job.artifacts.reports).toEqual({ junit: "shipshape-junit.xml", codequality: "shipshape-codequality.json" });
    const dir = tempDir("gitlab", { "deploy/pod.yaml": BAD_POD });
    const script = job.script.filter((line) => line.includes("shipshape check")).join("\n");
    const run = spawnSync("bash", ["-c", script.replace(/npx shipshape/g, `node ${join(ROOT, "bin", "shipshape.js")}`)], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    const quality = JSON.parse(readFileSync(join(dir, "shipshape-codequality.json"), "utf8")) as Array<Record<string, unknown>>;
    expect(quality[0]).toMatchObject({
      check_name: expect.any(String),
      severity: expect.any(String),
      location: { path: "deploy/pod.yaml" },
    });
    expect(readFileSync(join(dir, "shipshape-junit.xml"), "utf8")).toContain("<testsuites");
  });
});
