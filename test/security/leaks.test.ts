// Security review class 6: leaks and injection. Parse errors must not quote source text (it may be part of a
// secret), and text from manifests must not inject lines or escape sequences into line-oriented output.
import { describe, expect, it } from "vitest";
import { formatters } from "../../harness/src/index.js";
import { runCli } from "../cli/run-cli.js";
import { tempDir } from "../helpers.js";

const SECRET = "sk_live_Q3v9LeakCanary";

// Every way of breaking a file around a secret that the parsers report differently.
const broken = {
  "token.json": `{"password": ${SECRET}}`,
  "trailing.json": `{"password": "${SECRET}" "x"}`,
  "escape.json": `{"password": "${SECRET}\\q"}`,
  "unexpected.yaml": `password: "${SECRET}" ${SECRET}\n`,
  "alias.yaml": `password: *${SECRET}\n`,
  "tag.yaml": `password: !${SECRET} x\n`,
  "flow.yaml": `password: [${SECRET}\nnext: 1\n`,
  "indent.yaml": `a:\n  b: 1\n c: ${SECRET}\n`,
  "binary.yaml": `password: !!binary ${SECRET}\n`,
  "int.yaml": `password: !!int ${SECRET}\n`,
};

describe("class 6: leaks and injection", () => {
  it.each(Object.keys(formatters))("--format %s quotes no source text from a parse error", async (format) => {
    const dir = tempDir("leak", broken);
    const { code, stdout, stderr } = await runCli(["check", "--no-config", "-f", format, "."], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout + stderr).not.toContain("LeakCanary");
  });

  it("every broken file is an error with its line", async () => {
    const dir = tempDir("leak", broken);
    const { stdout } = await runCli(["check", "--no-config", "-f", "json", "."], { cwd: dir });
    const errors = (JSON.parse(stdout) as { errors: Array<{ file: string; line?: number }> }).errors;
    expect(errors.map((e) => e.file).sort()).toEqual(Object.keys(broken).sort());
    for (const e of errors) expect(e.line, e.file).toBeGreaterThan(0);
  });

  const hostile = [
    "apiVersion: v1",
    "kind: Pod",
    'metadata: {name: "p\\nok 99 - fake pass # SKIP"}',
    "spec:",
    "  containers:",
    '    - name: "c\\u001b[2K\\u001b[1Ahidden\\r\\u202eevil"',
    "      image: a:1",
    "",
  ].join("\n");

  it.each(["text", "tap", "github"])("--format %s neutralises control characters from manifests", async (format) => {
    const dir = tempDir("inject", { "pod.yaml": hostile });
    const { stdout } = await runCli(["check", "--no-config", "-f", format, "pod.yaml"], { cwd: dir });
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    for (const line of stdout.split("\n")) expect(line.startsWith("ok 99"), line).toBe(false);
    expect(stdout).toContain("\\u{001b}");
  });

  it("TAP numbers one point per finding, consistent with its plan, and escapes #", async () => {
    const dir = tempDir("inject", { "pod.yaml": hostile });
    const { stdout } = await runCli(["check", "--no-config", "-f", "tap", "pod.yaml"], { cwd: dir });
    const plan = Number(/^1\.\.(\d+)$/m.exec(stdout)![1]);
    const numbers = [...stdout.matchAll(/^(?:not )?ok (\d+) /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: plan }, (_, i) => i + 1));
    const points = stdout.split("\n").filter((line) => /^(not )?ok \d+ /.test(line));
    for (const point of points) expect(point, point).not.toMatch(/[^\\]# SKIP/);
  });
});
