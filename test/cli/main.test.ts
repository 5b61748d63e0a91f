import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { INPUTS, ROOT, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

const ROOT_POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: a:1\n";

describe("shipshape check", () => {
  it("exits 0 on the good samples", async () => {
    const { code, stdout } = await runCli(["check", join(INPUTS, "kubernetes", "good"), join(INPUTS, "compose", "good")]);
    expect(stdout).toMatch(/✔ 0 findings \(0 deny, 0 warn, 0 waived\) in 4 files, 4 documents; 0 errors, 0 skipped/);
    expect(code).toBe(0);
  });

  it("exits 1 with every finding located on the bad samples, as JSON", async () => {
    const { code, stdout } = await runCli(["check", "--format", "json", INPUTS]);
    const report = JSON.parse(stdout) as Report;
    expect(code).toBe(1);
    expect(report.version).toBe(1);
    expect(report.summary.deny).toBeGreaterThan(0);
    expect(report.errors).toEqual([]);
    const rootPod = report.findings.filter((f) => f.file.endsWith(join("kubernetes", "bad", "no-root-user.yaml")));
    expect(rootPod).toEqual([
      expect.objectContaining({
        rule: "no-root-user",
        severity: "high",
        level: "deny",
        line: 11,
        column: 25,
        object: "Pod/root-pod",
        container: "app",
        path: "spec.containers[0]",
        shape: "kubernetes",
        waived: false,
      }),
    ]);
  });

  it("reports a broken file with its line, exits 2, and still reports the other files", async () => {
    const dir = tempDir("cli", { "a-broken.yaml": "a: [1, 2\nb: 3\n", "b-pod.yaml": ROOT_POD, "c-broken.json": '{"a": }' });
    const { code, stdout } = await runCli(["check", "-f", "json", dir]);
    const report = JSON.parse(stdout) as Report;
    expect(code).toBe(2);
    expect(report.errors.map((e) => [e.file, e.code, e.line])).toEqual([
      [join(dir, "a-broken.yaml"), "PARSE_ERROR", 2],
      [join(dir, "c-broken.json"), "PARSE_ERROR", 1],
    ]);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set([join(dir, "b-pod.yaml")]));
    expect(report.summary.files).toBe(3);
  });

  it("names a missing path as an error and checks the rest", async () => {
    const dir = tempDir("cli", { "pod.yaml": ROOT_POD });
    const { code, stdout } = await runCli(["check", join(dir, "nope.yaml"), dir]);
    expect(code).toBe(2);
    expect(stdout).toContain(`error ${join(dir, "nope.yaml")}: no such file or directory`);
    expect(stdout).toContain("no-root-user");
  });

  it("skips documents no shape recognises without failing", async () => {
    const dir = tempDir("cli", { "values.yaml": "replicaCount: 2\nimage: {repository: nginx}\n" });
    const { code, stdout } = await runCli(["check", "-f", "json", dir]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Report).skipped).toEqual([
      { file: join(dir, "values.yaml"), document: 0, reason: "no shape recognises this document" },
    ]);
  });

  it("reads stdin with a file name", async () => {
    const { code, stdout } = await runCli(["check", "-", "--stdin-filename", "pod.yaml"], { stdin: ROOT_POD });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^pod\.yaml$/m);
  });

  it("interpolates Compose variables from the environment over .env", async () => {
    const compose = "services:\n  web:\n    image: nginx:${TAG:-latest}\n";
    const dir = tempDir("cli", { "compose.yaml": compose, ".env": "TAG=latest\n" });
    const fromDotenv = JSON.parse((await runCli(["check", "-f", "json", dir])).stdout) as Report;
    expect(fromDotenv.findings.some((f) => f.rule === "no-latest-tag")).toBe(true);
    const fromEnv = JSON.parse((await runCli(["check", "-f", "json", dir], { env: { TAG: "1.27.3" } })).stdout) as Report;
    expect(fromEnv.findings.some((f) => f.rule === "no-latest-tag")).toBe(false);
  });

  it("colours text only on a TTY without NO_COLOR", async () => {
    const path = join(INPUTS, "compose", "bad", "read-only-rootfs.yaml");
    expect((await runCli(["check", path], { tty: true })).stdout).toContain("\u001b[");
    expect((await runCli(["check", path], { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain("\u001b[");
    expect((await runCli(["check", path])).stdout).not.toContain("\u001b[");
  });

  it("fails warn-level findings only with --fail-level warn", async () => {
    const { code } = await runCli(["check", "--fail-level", "warn", join(INPUTS, "docker", "good")]);
    expect(code).toBe(0);
    expect((await runCli(["check", "--fail-level", "info", INPUTS])).code).toBe(2);
  });

  it.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["check"], /check needs at least one path/],
    [["check", "--format", "xml", "x"], /--format must be one of text, json, sarif, junit, tap, github/],
    [["check", "--bogus", "x"], /unknown option "--bogus"$/m],
    [["check", "--formt", "json", "x"], /unknown option "--formt" \(did you mean --format\?\)/],
    [["check", "-f"], /-f, --format FORMAT needs a value/],
    [["rules", "--format"], /needs a value/],
  ])("rejects %j with exit 2", async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe("shipshape rules", () => {
  it("lists every rule with severity and level", async () => {
    const { code, stdout } = await runCli(["rules", "--format", "json"]);
    expect(code).toBe(0);
    const rules = JSON.parse(stdout) as Array<{ id: string; severity: string; level: string; title: string }>;
    const catalog = JSON.parse(readFileSync(join(ROOT, "dist", "policy", "catalog.json"), "utf8")) as { rules: Array<{ id: string }> };
    expect(rules.map((r) => r.id)).toEqual(catalog.rules.map((r) => r.id).sort());
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(["no-root-user", "no-privileged", "trusted-registries"]));
    for (const rule of rules) expect(rule.title.length).toBeGreaterThan(0);
  });

  it("says which shapes each rule judges: the image-build rules judge Dockerfiles only", async () => {
    const { stdout } = await runCli(["rules", "--format", "json"]);
    const shapes = Object.fromEntries((JSON.parse(stdout) as Array<{ id: string; shapes: string[] }>).map((r) => [r.id, r.shapes]));
    const build = ["exec-form-entrypoint", "no-secrets-in-image", "no-ssh-server", "clean-package-cache"];
    for (const id of [...build, "builder-pattern", "no-remote-add", "no-curl-pipe-shell", "minimal-base-image"]) {
      expect(shapes[id]).toEqual(["dockerfile"]);
    }
    expect(shapes["no-root-user"]).toEqual(["kubernetes", "compose", "docker", "dockerfile"]);
    const text = await runCli(["rules"]);
    expect(text.stdout).toMatch(/^no-ssh-server +high +deny +restricted +dockerfile +No SSH server in the image$/m);
    expect(text.stdout).toMatch(/^no-privileged +critical +deny +baseline +kubernetes,compose,docker +/m);
  });

  it("a reader that stops early ends the run quietly: no stack trace", () => {
    // Hundreds of kilobytes of JSON into a reader that takes ten bytes and closes the pipe.
    const command = `"${process.execPath}" "${join(ROOT, "bin", "shipshape.js")}" check -f json "${INPUTS}" | head -c 10 > /dev/null`;
    const run = spawnSync("sh", ["-c", command], { encoding: "utf8" });
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(run.stderr).toBe("");
  });

  it("explain shows a Dockerfile rule's fix with its samples", async () => {
    const { code, stdout } = await runCli(["explain", "exec-form-entrypoint"]);
    expect(code).toBe(0);
    expect(stdout).toContain("judges dockerfile");
    expect(stdout).toContain('How to fix (dockerfile): Write `CMD ["node", "server.js"]` (exec form).');
    expect(stdout).toContain("Violating (inputs/dockerfile/bad/exec-form-entrypoint.Dockerfile):");
    expect(stdout).toContain("    CMD node server.js");
    expect(stdout).toContain('    CMD ["node", "server.js"]');
  });
});

describe("shipshape COMMAND --help", () => {
  it.each(["check", "rules", "explain", "serve"])("%s --help lists its options and exits 0", async (command) => {
    const { code, stdout } = await runCli([command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: shipshape ${command}`));
    expect(stdout).toContain("-h, --help");
  });
});
