import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport, Checker, readBundledArtifacts } from "../../harness/src/node.js";
import { INPUTS } from "../helpers.js";
import { runCli } from "../cli/run-cli.js";

const { wasm, catalog, shell } = readBundledArtifacts();
const deployment = readFileSync(join(INPUTS, "kubernetes", "bad", "healthcheck-required.yaml"), "utf8");

describe("Checker (library API)", () => {
  it("gives the same report as the CLI's JSON output for the same input", async () => {
    const file = join(INPUTS, "kubernetes", "bad", "healthcheck-required.yaml");
    const checker = await Checker.create({ wasm, catalog });
    const fromLibrary = buildReport([checker.checkText(deployment, file)], "0.1.0");
    const fromCli = JSON.parse((await runCli(["check", "--no-config", "-f", "json", file])).stdout);
    expect({ ...fromCli, tool: undefined }).toEqual({ ...fromLibrary, tool: undefined });
  });

  it("reads Dockerfile commands with the shell parser it is given, and refuses to judge them without one", async () => {
    const dockerfile = "FROM registry.example.com/base:1.4.2\nRUN apk add openssh\nUSER 1\nCMD serve\n";
    const withShell = (await Checker.create({ wasm, catalog, shell })).checkText(dockerfile, "Dockerfile");
    expect(withShell.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(["no-ssh-server", "clean-package-cache", "exec-form-entrypoint"]),
    );
    const without = (await Checker.create({ wasm, catalog })).checkText(dockerfile, "Dockerfile");
    expect(without.findings).toEqual([]);
    expect(without.errors).toMatchObject([{ code: "POLICY_ERROR", file: "Dockerfile", line: 2 }]);
    await expect(
      Checker.create({ wasm, catalog, shell: { runtime: shell.runtime, grammar: new Uint8Array([0, 1]) } }),
    ).rejects.toMatchObject({
      code: "POLICY_ERROR",
    });
  });

  it("loads the shell parser on demand when asked to, and says which files need it", async () => {
    const dockerfile = "FROM registry.example.com/base:1.4.2\nRUN apk add openssh\nUSER 1\nCMD serve\n";
    const checker = await Checker.create({ wasm, catalog, shell, shellOnDemand: true });
    expect(checker.needsShell("Dockerfile")).toBe(true);
    expect(checker.needsShell("build/api.dockerfile")).toBe(true);
    expect(checker.needsShell("build.txt", { syntax: "dockerfile" })).toBe(true);
    expect(checker.needsShell("deploy.yaml")).toBe(false);
    expect(checker.needsShell("-", { shape: "kubernetes" })).toBe(false);
    expect(checker.checkText(dockerfile, "Dockerfile").errors).toMatchObject([{ code: "POLICY_ERROR", line: 2 }]);
    await checker.loadShell();
    await checker.loadShell(); // once is enough; again changes nothing
    const loaded = checker.checkText(dockerfile, "Dockerfile");
    expect(loaded.errors).toEqual([]);
    expect(loaded.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["no-ssh-server", "clean-package-cache"]));
    const forced = await Checker.create({ wasm, catalog, shell, shellOnDemand: true, inputType: "dockerfile" });
    expect(forced.needsShell("anything.txt")).toBe(true);
  });

  it("reads runAsNonRoot as the restricted standard's letter by default and as the kubelet does under baseline", async () => {
    const file = join(INPUTS, "kubernetes", "bad", "no-root-user-restricted.yaml");
    const text = readFileSync(file, "utf8");
    const restricted = (await Checker.create({ wasm, catalog })).checkText(text, file);
    expect(restricted.findings.filter((f) => f.rule === "no-root-user").map((f) => f.container)).toEqual(["api", "metrics"]);
    const config = { profile: "baseline", rules: { "no-root-user": { enabled: true } } } as const;
    const baseline = (await Checker.create({ wasm, catalog, config })).checkText(text, file);
    expect(baseline.findings.filter((f) => f.rule === "no-root-user")).toEqual([]);
  });

  it("takes configuration as YAML text or an object, validated, plus extra rule parameters", async () => {
    const fromText = await Checker.create({ wasm, catalog, config: "rules:\n  healthcheck-required: {enabled: false}\n" });
    expect(fromText.checkText(deployment, "d.yaml").findings).toEqual([]);
    const withParams = await Checker.create({ wasm, catalog, params: { "resource-limits": { resources: ["memory"] } } });
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c" }] } };
    const limits = withParams.checkDocument(pod, "pod.json").findings.filter((f) => f.rule === "resource-limits");
    expect(limits.map((f) => f.message)).toEqual(["container c of Pod/p has no memory limit"]);
    await expect(Checker.create({ wasm, catalog, config: { rules: { nope: {} } } })).rejects.toMatchObject({
      code: "USAGE_ERROR",
      message: 'configuration at rules.nope: unknown rule "nope" in configuration',
    });
  });

  it("checks an already-parsed object with a declared shape", async () => {
    const checker = await Checker.create({ wasm, catalog });
    const odd = { apiVersion: "x", kind: "Thing", services: { web: { image: "nginx" } } };
    expect(checker.checkDocument(odd, "odd.json").findings).toEqual([]);
    expect(() => checker.checkDocument(odd, "odd.json", { shape: "compose" })).not.toThrow();
    expect(checker.checkDocument(odd, "odd.json", { shape: "compose" }).errors[0]?.code).toBe("POLICY_ERROR");
    await checker.prepare("compose");
    const forced = checker.checkDocument(odd, "odd.json", { shape: "compose" });
    expect(forced.findings.map((f) => f.object)).toContain("service web");
  });

  it("loads the policy from a URL", async () => {
    const { createServer } = await import("node:http");
    const server = createServer((_, res) => res.end(Buffer.from(wasm)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const checker = await Checker.create({ wasm: `http://127.0.0.1:${port}/policy.wasm`, catalog });
      expect(checker.checkText(deployment, "d.yaml").findings.length).toBeGreaterThan(0);
    } finally {
      server.close();
    }
    await expect(Checker.create({ wasm: "http://127.0.0.1:1/none.wasm", catalog })).rejects.toMatchObject({ code: "POLICY_ERROR" });
  });

  // checkText is synchronous, so calls cannot interleave in the WASM instance; what can go wrong is state
  // left behind by one call (the heap, the parser) changing the next one's answer.
  it("gives the same result call after call, whatever was checked in between", async () => {
    const checker = await Checker.create({ wasm, catalog });
    const files = ["no-root-user.yaml", "no-latest-tag.yaml", "resource-limits.yaml", "read-only-rootfs.yaml"];
    const texts = files.map((f) => readFileSync(join(INPUTS, "kubernetes", "bad", f), "utf8"));
    const expected = texts.map((t, i) => checker.checkText(t, files[i]!));
    for (let i = 0; i < 200; i++) {
      expect(checker.checkText(texts[(i * 7) % texts.length]!, files[(i * 7) % files.length]!)).toEqual(
        expected[(i * 7) % expected.length],
      );
    }
  });
});
