// --helm: charts under the paths are rendered with the helm on PATH (tools/helm, pinned; make tools builds it)
// and the output is checked; findings name the template they come from.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { ROOT, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

const BIN = join(ROOT, ".tools", "bin");

const chart = {
  "web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n",
  "web/values.yaml": "image: nginx:1.27\nprivileged: false\n",
  "web/templates/deployment.yaml": [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    "  name: {{ .Release.Name }}",
    "spec:",
    "  template:",
    "    spec:",
    "      containers:",
    "        - name: web",
    "          image: {{ .Values.image | quote }}",
    "          securityContext:",
    "            privileged: {{ .Values.privileged }}",
    "",
  ].join("\n"),
  "values-prod.yaml": "privileged: true\n",
};

describe.runIf(existsSync(join(BIN, "helm")))("--helm", () => {
  const env = { PATH: `${BIN}:${process.env.PATH ?? ""}` };

  it("renders the charts under the paths, checks what they render to, and names each template", async () => {
    const dir = tempDir("helm", chart);
    const plain = JSON.parse((await runCli(["check", "--no-config", "-f", "json", "."], { cwd: dir, env })).stdout) as Report;
    expect(plain.findings).toEqual([]); // the walk skips the templates
    const run = await runCli(["check", "--no-config", "-f", "json", "--helm", "."], { cwd: dir, env });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.errors).toEqual([]);
    const rendered = report.findings.filter((f) => f.file === "web (helm template)");
    expect(rendered.length).toBeGreaterThan(0);
    expect(new Set(rendered.map((f) => f.source))).toEqual(new Set(["web/templates/deployment.yaml"]));
    expect(rendered.map((f) => f.rule)).not.toContain("no-privileged");
    const prod = JSON.parse(
      (await runCli(["check", "--no-config", "-f", "json", "--helm", "--helm-values", "values-prod.yaml", "."], { cwd: dir, env })).stdout,
    ) as Report;
    expect(prod.findings.map((f) => f.rule)).toContain("no-privileged");
  });

  it("reports a chart that does not render as an error for that chart, and needs helm on PATH", async () => {
    const dir = tempDir("helm", { ...chart, "web/templates/bad.yaml": '{{ include "missing" . }}\n' });
    const run = await runCli(["check", "--no-config", "-f", "json", "--helm", "."], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect((JSON.parse(run.stdout) as Report).errors[0]).toMatchObject({ file: "web", code: "INPUT_ERROR" });
    const without = await runCli(["check", "--no-config", "--helm", "."], { cwd: dir, env: { PATH: "/nonexistent" } });
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("--helm needs helm on PATH");
  });
});
