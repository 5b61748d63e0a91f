import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { runCli } from "../cli/run-cli.js";
import { ROOT } from "../helpers.js";

// The webhook's own manifests pass every rule shipshape enforces (or carry a waiver with a reason).
describe("deploy/ (dogfooding)", () => {
  it("passes every rule", async () => {
    const { code, stdout } = await runCli(["check", "--no-config", "-f", "json", "deploy/"], { cwd: ROOT });
    const report = JSON.parse(stdout) as Report;
    expect(report.errors).toEqual([]);
    expect(report.findings.filter((f) => !f.waived)).toEqual([]);
    for (const f of report.findings) expect(f.waiver?.trim()).toBeTruthy();
    expect(code).toBe(0);
    expect(report.summary.documents).toBeGreaterThanOrEqual(8);
  });

  it("ships what the admission issue asks for", () => {
    const text = (file: string) => readFileSync(join(ROOT, "deploy", file), "utf8");
    expect(text("deployment.yaml")).toMatch(/replicas: 2/);
    expect(text("deployment.yaml")).toMatch(/podAntiAffinity/);
    expect(text("webhook.yaml")).toMatch(/failurePolicy: Fail/);
    expect(text("webhook.yaml")).toMatch(/sideEffects: None/);
    expect(text("webhook.yaml")).toMatch(/timeoutSeconds: 5/);
    expect(text("webhook.yaml")).toMatch(/cert-manager.io\/inject-ca-from/);
    expect(text("webhook.yaml")).toMatch(/values: \[kube-system, shipshape-system\]/);
    expect(text("pdb.yaml")).toMatch(/kind: PodDisruptionBudget/);
    expect(text("hpa.yaml")).toMatch(/kind: HorizontalPodAutoscaler/);
    const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
    expect(dockerfile.match(/^FROM \S+@sha256:[0-9a-f]{64}/gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER 10001:10001$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"/m);
  });
});
