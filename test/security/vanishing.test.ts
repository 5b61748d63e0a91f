// Security review class 4: documents and services that vanished from the check. Each case was an unsafe
// workload reported with no finding; each must now be judged (or be an error that names it).
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { runCli } from "../cli/run-cli.js";
import { samplesChecker, tempDir } from "../helpers.js";

const privileged = "image: registry.example.com/app:1.0\n    privileged: true";

async function report(cwd: string, ...paths: string[]): Promise<Report> {
  const { stdout } = await runCli(["check", "--no-config", "-f", "json", ...paths], { cwd });
  return JSON.parse(stdout) as Report;
}
const rulesOf = (r: Report, file?: string) => r.findings.filter((f) => !file || f.file === file).map((f) => `${f.object}:${f.rule}`);

describe("class 4: documents and services that vanish", () => {
  it("judges a pod spec that lists no containers on its pod-level fields, once per pod", async () => {
    const checker = await samplesChecker();
    const pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n";
    const template = [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: d}",
      "spec:",
      "  template:",
      "    spec:",
      "      hostNetwork: true",
      "      containers: []",
      "      volumes: [{name: h, hostPath: {path: /var/run/docker.sock}}]",
    ].join("\n");
    const rules = (text: string) =>
      checker
        .checkText(text, "pod.yaml")
        .findings.map((f) => `${f.object}:${f.rule}:${f.container ?? "-"}`)
        .sort();
    expect(rules(pod)).toEqual(["Pod/p:no-host-namespaces:-"]);
    expect(rules(template)).toEqual([
      "Deployment/d:no-docker-socket:-",
      "Deployment/d:no-host-namespaces:-",
      "Deployment/d:volume-types:-",
    ]);
  });

  it("judges services named __proto__ and constructor", async () => {
    const checker = await samplesChecker();
    const text = `services:\n  __proto__:\n    ${privileged}\n  constructor:\n    ${privileged}\n`;
    const objects = checker
      .checkText(text, "compose.yaml")
      .findings.filter((f) => f.rule === "no-privileged")
      .map((f) => f.object);
    expect(objects.sort()).toEqual(["service __proto__", "service constructor"]);
  });

  it("merges extends as compose-go does: lists append, so a base's cap_add and an extension's both count", async () => {
    const checker = await samplesChecker();
    const text = [
      "services:",
      "  base:",
      "    image: registry.example.com/app:1.0",
      "    cap_add: [SYS_ADMIN]",
      "    cap_drop: [ALL]",
      "  web:",
      "    extends: base",
      "    cap_add: [NET_BIND_SERVICE]",
      "    volumes: ['/var/run/docker.sock:/s']",
      "",
    ].join("\n");
    const web = checker
      .checkText(text, "compose.yaml")
      .findings.filter((f) => f.object === "service web")
      .map((f) => f.rule);
    expect(web).toContain("no-dangerous-capabilities"); // SYS_ADMIN from the base
    expect(web).toContain("no-docker-socket");
    expect(web).not.toContain("drop-all-capabilities"); // the base's drop: [ALL] is kept
  });

  it("follows extends.file, and reports one it cannot follow", async () => {
    const dir = tempDir("extends", {
      "compose.yaml":
        "services:\n  web:\n    extends: {file: base/common.yaml, service: common}\n    image: registry.example.com/app:1.0\n",
      "base/common.yaml": "services:\n  common:\n    privileged: true\n    volumes: ['../../../../var/run:/r']\n",
      "broken.yaml": "services:\n  web:\n    extends: {file: missing.yaml, service: x}\n    image: registry.example.com/app:1.0\n",
    });
    const r = await report(dir, "compose.yaml", "broken.yaml");
    expect(rulesOf(r, "compose.yaml")).toEqual(expect.arrayContaining(["service web:no-privileged", "service web:no-docker-socket"]));
    expect(r.errors).toEqual([
      {
        file: "broken.yaml",
        code: "INPUT_ERROR",
        message: "services.web: extends.file missing.yaml was not followed: no such file or directory",
      },
    ]);
  });

  it("checks the files a Compose file includes, once each, with their own locations", async () => {
    const dir = tempDir("include", {
      "compose.yaml": "include: [extra/compose.yaml]\nservices:\n  web:\n    image: registry.example.com/app:1.0\n",
      "extra/compose.yaml": "include: [../compose.yaml]\nservices:\n  db:\n    image: registry.example.com/db:1.0\n    privileged: true\n",
    });
    const r = await report(dir, "compose.yaml");
    const privilegedFinding = r.findings.find((f) => f.rule === "no-privileged");
    expect(privilegedFinding).toMatchObject({ file: join("extra", "compose.yaml"), line: 5, object: "service db" });
    expect(r.summary.files).toBe(2);
  });

  it("follows symbolic links in a walked tree, and stops at a loop", async () => {
    const dir = tempDir("links", {
      "tree/README.txt": "not an input",
      "real/pod.yaml":
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: 'a:1', securityContext: {privileged: true}}]}\n",
    });
    symlinkSync(join(dir, "real"), join(dir, "tree", "linked"), "dir");
    symlinkSync(join(dir, "tree"), join(dir, "tree", "loop"), "dir");
    symlinkSync(join(dir, "real", "pod.yaml"), join(dir, "tree", "file.yaml"));
    const r = await report(dir, "tree");
    expect(new Set(r.findings.filter((f) => f.rule === "no-privileged").map((f) => f.file))).toEqual(
      new Set([join("tree", "file.yaml"), join("tree", "linked", "pod.yaml")]),
    );
  });

  it("keeps the findings of a document that a stray line breaks", async () => {
    const dir = tempDir("garbage", {
      "pods.yaml":
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: 'a:1', securityContext: {privileged: true}}]}\nthis is not yaml\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec: {containers: [{name: c, image: 'a:1'}]}\n",
    });
    const { code, stdout } = await runCli(["check", "--no-config", "-f", "json", "pods.yaml"], { cwd: dir });
    const r = JSON.parse(stdout) as Report;
    expect(code).toBe(2);
    expect(r.errors).toMatchObject([{ file: "pods.yaml", line: 5, code: "PARSE_ERROR" }]);
    expect(rulesOf(r)).toContain("Pod/p:no-privileged");
  });
});
