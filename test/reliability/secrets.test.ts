import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatters } from "../../harness/src/index.js";
import { runCli } from "../cli/run-cli.js";
import { tempDir } from "../helpers.js";

// Secret values must never reach any output: not in findings, messages, errors or any format.
const SECRET = "Zq7-hunter2-SECRET-VALUE-9f1";

const files = {
  "pod.yaml": `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      image: a:1
      env:
        - {name: DB_PASSWORD, value: "${SECRET}"}
        - {name: API_TOKEN, value: "${SECRET}"}
`,
  "compose.yaml": `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: "${SECRET}"
  api:
    image: api:1
    environment: ["PRIVATE_KEY=${SECRET}"]
`,
  "inspect.json": JSON.stringify([{ Name: "/x", Config: { Env: [`AWS_SECRET_ACCESS_KEY=${SECRET}`], Image: "a:1" }, HostConfig: {} }]),
  // Secrets recognised by their value, in variables whose names say nothing.
  "values.yaml": `apiVersion: v1
kind: Pod
metadata: {name: v}
spec:
  containers:
    - name: c
      image: a:1
      env:
        - name: CONFIG_BLOB
          value: |
            -----BEGIN OPENSSH PRIVATE KEY-----
            ${SECRET}
            -----END OPENSSH PRIVATE KEY-----
        - {name: GH, value: "ghp_${"hunter2".repeat(5)}X"}
`,
  // Broken files that hold the secret: their parse errors must not quote it back.
  "broken.json": `{"SECRET_KEY": "${SECRET}", }`,
  "broken.yaml": `apiVersion: v1\nkind: Pod\nspec:\n  password: "${SECRET}\n  [unclosed\n`,
};

describe("secrets never leak", () => {
  const dir = tempDir("secrets");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

  it.each(Object.keys(formatters))("--format %s never contains a secret value", async (format) => {
    const { code, stdout, stderr } = await runCli(["check", "-f", format, "."], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toContain("no-secrets-in-env");
    expect(stdout + stderr).not.toContain(SECRET);
    expect(stdout + stderr).not.toContain("hunter2");
  });

  it("reports each secret-looking variable by name", async () => {
    const { stdout } = await runCli(["check", "-f", "json", "."], { cwd: dir });
    const names = JSON.parse(stdout)
      .findings.filter((f: { rule: string }) => f.rule === "no-secrets-in-env")
      .map((f: { message: string }) => f.message.split(" ").at(-1))
      .sort();
    expect(names).toEqual(["API_TOKEN", "AWS_SECRET_ACCESS_KEY", "CONFIG_BLOB", "DB_PASSWORD", "GH", "POSTGRES_PASSWORD", "PRIVATE_KEY"]);
  });

  it("names the kind of a secret found by its value, never the value", async () => {
    const { stdout } = await runCli(["check", "-f", "json", "values.yaml"], { cwd: dir });
    const messages = JSON.parse(stdout)
      .findings.filter((f: { rule: string }) => f.rule === "no-secrets-in-env")
      .map((f: { message: string }) => f.message);
    expect(messages).toEqual([
      "container c of Pod/v has a private key in the variable CONFIG_BLOB",
      "container c of Pod/v has a GitHub token in the variable GH",
    ]);
  });
});
