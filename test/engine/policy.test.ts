import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadPolicy } from "@open-policy-agent/opa-wasm";
import { describe, expect, it } from "vitest";
import { readBundledArtifacts } from "../../harness/src/node/bundled.js";
import { Policy } from "../../harness/src/engine/policy.js";
import { parseText } from "../../harness/src/inputs/parse.js";
import { differential } from "../../harness/scripts/differential.js";
import { INPUTS, ROOT, sampleDocuments, sampleFiles, tempDir } from "../helpers.js";

const opa = join(ROOT, ".tools", "bin", "opa");
const { wasm } = readBundledArtifacts();

describe("Policy (the compiled WASM)", () => {
  it("refuses bytes that are not a policy with a PolicyError", async () => {
    await expect(Policy.load(new Uint8Array([0, 1, 2, 3]))).rejects.toMatchObject({ code: "POLICY_ERROR" });
  });

  it("reports null for a document no shape recognises", async () => {
    const policy = await Policy.load(wasm);
    expect(policy.evaluate({ replicaCount: 2 })).toEqual({ shape: null, findings: [], inline_waivers: [] });
    expect(policy.evaluate("just a string")).toEqual({ shape: null, findings: [], inline_waivers: [] });
  });

  it("keeps its memory flat over many evaluations", async () => {
    const policy = await Policy.load(wasm);
    const [doc] = parseText(readFileSync(join(INPUTS, "kubernetes", "bad", "no-latest-tag.yaml"), "utf8"), "x.yaml").documents;
    for (let i = 0; i < 200; i++) policy.evaluate(doc!.value);
    const warm = policy.memoryBytes;
    for (let i = 0; i < 5_000; i++) policy.evaluate(doc!.value);
    expect(policy.memoryBytes).toBe(warm);
  });

  it("passes rule parameters through data", async () => {
    const policy = await Policy.load(wasm, { params: { "resource-limits": { resources: ["memory"] } } });
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c" }] } };
    const limits = policy.evaluate(pod).findings.filter((f) => f.rule === "resource-limits");
    expect(limits.map((f) => f.message)).toEqual(["container c of Pod/p has no memory limit"]);
  });

  // Policy calls opa_eval itself rather than through the SDK's evaluate; both must give the same answer.
  it("answers as the SDK's own evaluate does, for non-ASCII text, falsy documents and inputs that grow memory", async () => {
    const policy = await Policy.load(wasm);
    const sdk = await loadPolicy(wasm);
    sdk.setData({ shipshape: { params: {} } });
    const pod = (name: string, env: unknown[] = []) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name },
      spec: { containers: [{ name: "c", image: "nginx", env }] },
    });
    const huge = pod(
      "huge",
      Array.from({ length: 10_000 }, (_, i) => ({ name: `API_TOKEN_${i}`, value: "x" })),
    );
    const documents: unknown[] = [pod("ünïcödé-名前-🚀"), pod("escaped-\\ud800-backslash"), null, false, 0, "", huge, pod("after-huge")];
    documents.push(...(await sampleDocuments()).values());
    const before = policy.memoryBytes;
    for (const document of documents) {
      expect(policy.evaluate(document)).toEqual(sdk.evaluate(document, "shipshape/main/report")[0].result);
    }
    expect(policy.memoryBytes).toBeGreaterThan(before);
    expect(policy.evaluate(huge).findings.filter((f) => f.rule === "no-secrets-in-env")).toHaveLength(10_000);
  });

  // OPA's JSON parser refuses the \udxxx escape JSON.stringify writes for a lone surrogate.
  it("evaluates text holding a lone surrogate, which becomes U+FFFD", async () => {
    const policy = await Policy.load(wasm);
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "a\ud800b" }, spec: { containers: [{ name: "c\udfff" }] } };
    const [finding] = policy.evaluate(pod).findings.filter((f) => f.rule === "no-root-user");
    expect(finding?.object).toBe("Pod/a\ufffdb");
    expect(finding?.container).toBe("c\ufffd");
  });

  // The WASM build and OPA's own evaluator must agree on every sample (the WASM runtime lacks some builtins).
  it("agrees with opa eval on every document of every sample", async () => {
    const documents = await sampleDocuments();
    expect([...documents.values()].some((d) => Array.isArray(d) && d.some((i: { Commands?: unknown }) => i.Commands))).toBe(true);
    expect(documents.size).toBeGreaterThan(sampleFiles().length);
    expect(await differential(documents, opa)).toEqual([]);
  });
});

describe("capabilities.json", () => {
  it("makes a builtin the WASM runtime lacks a compile error", () => {
    const dir = tempDir("caps");
    const rule = 'package bad\n\nmsg := sprintf("%v", [1])\n\nnow := time.now_ns()\n';
    writeFileSync(join(dir, "bad.rego"), rule);
    const caps = join(ROOT, "policies", "capabilities.json");
    let stderr = "";
    try {
      execFileSync(opa, ["check", "--capabilities", caps, dir], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(stderr).toContain("undefined function sprintf");
    expect(stderr).toContain("undefined function time.now_ns");
  });
});
