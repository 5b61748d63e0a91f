// --kustomize: the kustomizations under the paths are built with the kustomize on PATH (tools/kustomize,
// pinned; make tools builds it) and the output is checked; findings name the file each object came from.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { ROOT, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";
import { deploymentYaml } from "../support/manifests.js";

const BIN = join(ROOT, ".tools", "bin");

const deployment = deploymentYaml();

const app = {
  "app/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
  "app/base/deployment.yaml": deployment,
  "app/overlays/prod/kustomization.yaml": "resources:\n  - ../../base\npatches:\n  - path: privileged.yaml\n",
  // A strategic-merge patch: the container by name, the field it changes.
  "app/overlays/prod/privileged.yaml": deploymentYaml(["securityContext:", "  privileged: true"]),
  "app/components/extra/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n",
};

const check = async (args: string[], cwd: string, env: Record<string, string>) => {
  const run = await runCli(["check", "--no-config", "-f", "json", ...args], { cwd, env });
  return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout || "null") as Report };
};

describe.runIf(existsSync(join(BIN, "kustomize")))("--kustomize", () => {
  const env = { PATH: `${BIN}:${process.env.PATH ?? ""}` };

  it("builds the overlays (not the bases they use, nor components), checks the output, and names each object's file", async () => {
    const dir = tempDir("kz", app);
    const plain = await check(["."], dir, env);
    expect(plain.report.findings.map((f) => f.rule)).not.toContain("no-privileged"); // the patch alone is skipped
    const built = await check(["--kustomize", "."], dir, env);
    expect(built.report.errors).toEqual([]);
    const rendered = built.report.findings.filter((f) => f.file.endsWith("(kustomize build)"));
    expect(new Set(rendered.map((f) => f.file))).toEqual(new Set([`${join("app", "overlays", "prod")} (kustomize build)`]));
    expect(rendered.map((f) => f.rule)).toContain("no-privileged"); // the overlay's patch applied
    expect(new Set(rendered.map((f) => f.source))).toEqual(new Set([join("app", "base", "deployment.yaml")]));
    // Named directly, a base is built too.
    const base = await check(["--kustomize", "app/base"], dir, env);
    expect(base.report.findings.some((f) => f.file === `${join("app", "base")} (kustomize build)`)).toBe(true);
  });

  it("reports a kustomization that does not build as an error for it, and needs kustomize or kubectl on PATH", async () => {
    const dir = tempDir("kz", { ...app, "broken/kustomization.yaml": "resources:\n  - missing.yaml\n" });
    const run = await check(["--kustomize", "."], dir, env);
    expect(run.code).toBe(2);
    expect(run.report.errors).toEqual([expect.objectContaining({ file: "broken", code: "INPUT_ERROR" })]);
    expect(run.report.errors[0]!.message).toMatch(/^the kustomization does not build: Error: /);
    expect(run.report.errors[0]!.message).toMatch(/missing\.yaml/); // what is wrong, from the kustomization
    expect(run.report.errors[0]!.message).not.toMatch(/shipshape-kustomize-|wrapper|\/tmp\//); // no temporary paths
    expect(run.report.findings.some((f) => f.rule === "no-privileged")).toBe(true); // the others still checked
    const without = await runCli(["check", "--no-config", "--kustomize", "."], { cwd: dir, env: { PATH: "/nonexistent" } });
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("--kustomize needs kustomize");
  });

  it("takes the origin annotations of piped output as each finding's source", async () => {
    const dir = tempDir("kz", {});
    const annotated = deployment.replace(
      "  name: web\n",
      "  name: web\n  annotations:\n    config.kubernetes.io/origin: |\n      path: base/deployment.yaml\n",
    );
    const run = await runCli(["check", "--no-config", "-f", "json", "-"], { cwd: dir, env, stdin: annotated });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.length).toBeGreaterThan(0);
    expect(new Set(report.findings.map((f) => f.source))).toEqual(new Set(["base/deployment.yaml"]));
  });
});
