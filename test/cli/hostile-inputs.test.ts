import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { runCli } from "./run-cli.js";

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
  const dir = mkdtempSync(join(tmpdir(), "shipshape-hostile-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);

  it("reports each with a clear error or skip, exit 2, and still checks the good file", async () => {
    const started = Date.now();
    const { code, stdout, stderr } = await runCli(["check", "-f", "json", "."], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(20_000); // a hang would be the bug, not a slow machine
    expect(stderr).toBe("");
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as Report;
    const errors = Object.fromEntries(report.errors.map((e) => [e.file, { line: e.line, message: e.message }]));
    expect(errors["alias-bomb.yaml"]?.message).toMatch(/^invalid YAML: Excessive alias count indicates a resource exhaustion attack/);
    expect(errors["binary.yaml"]?.message).toBe("binary data (the file contains NUL bytes), not JSON or YAML");
    expect(errors["deep.json"]?.message).toMatch(/nests (deeper than 256 levels|too deeply to parse)/);
    expect(errors["deep.yaml"]?.message).toBe("invalid YAML: the document nests too deeply to parse (document 1)");
    expect(errors["empty.json"]?.message).toBe("invalid JSON: the file is empty");
    expect(errors["invalid.yaml"]).toMatchObject({ line: 4 });
    expect(errors["latin1.yaml"]?.message).toBe("the file is not valid UTF-8");
    expect(errors["truncated.json"]).toEqual({ line: 1, message: "invalid JSON: Unterminated string" });
    expect(Object.keys(errors).sort()).toEqual(
      ["alias-bomb.yaml", "binary.yaml", "deep.json", "deep.yaml", "empty.json", "invalid.yaml", "latin1.yaml", "truncated.json"],
    );
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
