// Directory walks over real repositories: Helm chart templates and Kustomize patches are not manifests, so a
// walk skips them with the reason (counted) instead of failing the run on parse errors or judging fragments.
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { runCli } from "../cli/run-cli.js";
import { tempDir } from "../helpers.js";

const deployment = (name: string, extra = "") =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  template:\n    spec:\n      containers: [{name: app, image: "nginx:1.27"${extra}}]\n`;

const repository = {
  "chart/Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n",
  "chart/values.yaml": "image: {repository: nginx, tag: '1.27'}\n",
  "chart/templates/deployment.yaml": deployment('{{ include "web.fullname" . }}').replace("nginx:1.27", "{{ .Values.image.repository }}"),
  "chart/templates/service.yaml":
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n  {{- with .Values.labels }}\n  labels: {}\n  {{- end }}\n",
  "kust/kustomization.yaml": "resources: [deploy.yaml]\npatches:\n  - path: patch.yaml\npatchesStrategicMerge: [./merge.yaml]\n",
  "kust/deploy.yaml": deployment("app", ", securityContext: {privileged: true}"),
  "kust/patch.yaml": deployment("app"),
  "kust/merge.yaml": deployment("app"),
  "other/job.yaml":
    "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {{ .Release.Name }}\n  {{- if .Values.x }}\n  labels: {}\n  {{- end }}\n",
};

async function check(dir: string, ...paths: string[]) {
  const { code, stdout, stderr } = await runCli(["check", "--no-config", "-f", "json", ...paths], { cwd: dir });
  return { code, stderr, report: JSON.parse(stdout) as Report };
}

describe("directory walks over charts and kustomizations", () => {
  it("skips chart templates, kustomize patches and template files with a reason, and checks the manifests", async () => {
    const dir = tempDir("walk", repository);
    const { code, stderr, report } = await check(dir, ".");
    expect(report.errors).toEqual([]);
    expect(stderr).toBe("");
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    expect(reasons["chart/templates/deployment.yaml"]).toMatch(/^a Helm chart template/);
    expect(reasons["chart/templates/service.yaml"]).toMatch(/^a Helm chart template/);
    expect(reasons["kust/patch.yaml"]).toMatch(/^a Kustomize patch/);
    expect(reasons["kust/merge.yaml"]).toMatch(/^a Kustomize patch/);
    expect(reasons["other/job.yaml"]).toMatch(/^holds template actions/);
    // The manifests are judged; the exit code reflects them.
    expect(report.findings.filter((f) => f.rule === "no-privileged").map((f) => f.file)).toEqual(["kust/deploy.yaml"]);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(["kust/deploy.yaml"]));
    expect(code).toBe(1);
  });

  it("still reports a template named on the command line as the parse error it is", async () => {
    const dir = tempDir("walk", repository);
    const { code, report } = await check(dir, "other/job.yaml");
    expect(code).toBe(2);
    expect(report.errors[0]).toMatchObject({ file: "other/job.yaml", code: "PARSE_ERROR" });
  });
});

describe("rendered output (helm template | shipshape check -)", () => {
  it("names the template each finding comes from, from the # Source: comments", async () => {
    const rendered = [
      "---",
      "# Source: web/templates/serviceaccount.yaml",
      "apiVersion: v1",
      "kind: ServiceAccount",
      "metadata: {name: web}",
      "---",
      "# Source: web/templates/deployment.yaml",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: web}",
      "spec:",
      "  template:",
      "    spec:",
      "      containers: [{name: web, image: 'nginx:1.27', securityContext: {privileged: true}}]",
      "",
    ].join("\n");
    const { stdout } = await runCli(["check", "--no-config", "-f", "json", "-"], { stdin: rendered });
    const report = JSON.parse(stdout) as Report;
    expect(report.findings.length).toBeGreaterThan(0);
    expect(new Set(report.findings.map((f) => f.source))).toEqual(new Set(["web/templates/deployment.yaml"]));
    const text = await runCli(["check", "--no-config", "-"], { stdin: rendered });
    expect(text.stdout).toContain("runs privileged (from web/templates/deployment.yaml)");
  });
});
