import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { runCli } from "./run-cli.js";
import { tempDir } from "../helpers.js";

// Every awkward input in one run, beside one good manifest: each gets the specified verdict, nothing hangs,
// nothing throws, and the manifest's finding is still reported.
const aliasBomb = [
  "a: &a [x, x, x, x, x, x, x, x, x, x]",
  ...Array.from({ length: 8 }, (_, i) => {
    const [prev, next] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
    return `${next}: &${next} [${Array(10).fill(`*${prev}`).join(", ")}]`;
  }),
].join("\n");

const files: Record<string, string | Buffer> = {
  "alias-bomb.yaml": aliasBomb,
  "binary.yaml": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
  "deep.json": "[".repeat(200_000) + "]".repeat(200_000),
  "deep.yaml": "a: " + "[".repeat(200_000) + "]".repeat(200_000),
  "empty.yaml": "",
  "empty.json": "",
  "invalid.yaml": "apiVersion: v1\nkind: Pod\nspec: {containers: [\n",
  "latin1.yaml": Buffer.from("name: caf\xe9\n", "latin1"),
  "truncated.json": '[{"Config": {"User": "ro',
  "unrelated.yaml": "replicaCount: 2\nimage:\n  repository: nginx\n",
  "z-pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec:\n  containers:\n    - {name: c, image: 'a:1'}\n",
};

describe("hostile and awkward inputs", () => {
  const dir = tempDir("hostile");
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);

  it("reports each with a clear error or skip, exit 2, and still checks the good file", async () => {
    const started = Date.now();
    const { code, stdout, stderr } = await runCli(["check", "-f", "json", "."], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(20_000); // a hang would be the bug, not a slow machine
    expect(stderr).toBe("");
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as Report;
    const errors = Object.fromEntries(report.errors.map((e) => [e.file, { line: e.line, message: e.message }]));
    expect(errors["alias-bomb.yaml"]?.message).toMatch(/^invalid YAML: an alias expands to more than \d+ nodes/);
    expect(errors["binary.yaml"]?.message).toBe("binary data (the file contains NUL bytes), not JSON or YAML");
    expect(errors["deep.json"]?.message).toMatch(/nests (deeper than 256 levels|too deeply to parse)/);
    expect(errors["deep.yaml"]?.message).toBe("invalid YAML: the document nests too deeply to parse (document 1)");
    expect(errors["empty.json"]?.message).toBe("invalid JSON: the file is empty");
    expect(errors["invalid.yaml"]).toMatchObject({ line: 4 });
    expect(errors["latin1.yaml"]?.message).toBe("the file is not valid UTF-8");
    expect(errors["truncated.json"]).toEqual({ line: 1, message: "invalid JSON: unterminated string" });
    expect(Object.keys(errors).sort()).toEqual([
      "alias-bomb.yaml",
      "binary.yaml",
      "deep.json",
      "deep.yaml",
      "empty.json",
      "invalid.yaml",
      "latin1.yaml",
      "truncated.json",
    ]);
    expect(report.skipped.map((s) => [s.file, s.reason])).toEqual([
      ["empty.yaml", "the file holds no documents"],
      ["unrelated.yaml", "no shape recognises this document"],
    ]);
    expect(report.findings.filter((f) => f.file === "z-pod.yaml").map((f) => f.rule)).toContain("no-root-user");
  });

  it("refuses files over --max-file-size", async () => {
    const { code, stdout } = await runCli(["check", "-f", "json", "--max-file-size", "10", "z-pod.yaml"], { cwd: dir });
    expect(code).toBe(2);
    expect((JSON.parse(stdout) as Report).errors[0]!.message).toMatch(/^file is \d+ bytes, over the limit of 10$/);
  });
});

describe("awkward but valid inputs", () => {
  const pod = (container: string, pod = "") =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${pod}  containers:\n    - name: c\n      image: a:1\n${container}`;
  const cases: Record<string, string | Buffer> = {
    "bom.yaml": "\ufeff" + pod(""),
    "crlf.yaml": pod("      securityContext: {runAsUser: 0}\n").replace(/\n/g, "\r\n"),
    "tabs.yaml": "apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n",
    "non-objects.json": '[1, "two", null]',
    "crd.yaml": "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: x}\nspec: {group: g}\n",
    "unknown-kind.yaml": "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {containers: [{name: c, image: nginx}]}\n",
    "yaml11.yaml": pod("      securityContext: {privileged: yes, runAsNonRoot: on}\n"),
    "numbers.yaml": `services:\n  web:\n    image: app:1.0\n    user: 0\n`,
    "quoted-uid.yaml": pod('      securityContext: {runAsUser: "0"}\n'),
    "duplicate-keys.yaml": pod("").replace("image: a:1", "image: a:1\n      image: a:latest"),
  };

  it("each gets the documented verdict", async () => {
    const dir = tempDir("awkward");
    for (const [name, content] of Object.entries(cases)) writeFileSync(join(dir, name), content);
    const { stdout } = await runCli(["check", "-f", "json", "."], { cwd: dir });
    const report = JSON.parse(stdout) as Report;
    const rules = (file: string) => report.findings.filter((f) => f.file === file).map((f) => f.rule);
    const at = (file: string, rule: string) => report.findings.find((f) => f.file === file && f.rule === rule);

    expect(rules("bom.yaml")).toContain("no-root-user"); // the byte order mark is not part of the document
    expect(at("crlf.yaml", "no-root-user")).toMatchObject({ line: 8, column: 25 }); // CRLF lines count once
    expect(report.errors.find((e) => e.file === "tabs.yaml")).toMatchObject({ code: "PARSE_ERROR", line: 4 });
    expect(report.skipped).toContainEqual({ file: "non-objects.json", document: 0, reason: "no shape recognises this document" });
    expect(rules("crd.yaml")).toEqual([]); // Kubernetes, but no workload
    expect(rules("unknown-kind.yaml")).toEqual([]); // a CRD's custom resource is not a pod spec we know
    expect(rules("yaml11.yaml")).toEqual(expect.arrayContaining(["no-privileged", "no-privilege-escalation"]));
    expect(rules("yaml11.yaml")).not.toContain("no-root-user"); // runAsNonRoot: on is true, as kubectl reads it
    expect(at("numbers.yaml", "no-root-user")?.message).toBe('service web may run as root: its user is "0"');
    expect(at("quoted-uid.yaml", "no-root-user")?.message).toBe("container c of Pod/p may run as root: runAsUser is 0");
    expect(at("duplicate-keys.yaml", "no-latest-tag")?.message).toContain('"a:latest"'); // the last key wins
    expect(report.errors.map((e) => e.file)).toEqual(["tabs.yaml"]);
  });
});
