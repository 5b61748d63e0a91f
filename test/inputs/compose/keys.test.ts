import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { looksLikeCompose, SERVICE_KEYS, TOP_LEVEL_KEYS } from "../../../harness/src/inputs/compose/keys.js";
import { ROOT } from "../../helpers.js";

// The harness decides what to prepare as Compose, the policy what is Compose: the same key sets in both.
describe("Compose keys", () => {
  it("are the same sets in the harness and in policies/lib/compose.rego", () => {
    const opa = join(ROOT, ".tools", "bin", "opa");
    const query = "[data.shipshape.lib.compose._top_level_keys, data.shipshape.lib.compose._service_keys]";
    const output = execFileSync(opa, ["eval", "-f", "json", "--ignore", "capabilities.json", "-d", join(ROOT, "policies"), query], { encoding: "utf8" });
    const [top, service] = (JSON.parse(output) as { result: Array<{ expressions: Array<{ value: [string[], string[]] }> }> }).result[0]!.expressions[0]!.value;
    expect([...top].sort()).toEqual([...TOP_LEVEL_KEYS].sort());
    expect([...service].sort()).toEqual([...SERVICE_KEYS].sort());
  });

  it("make a Compose file only when every key is Compose's or an x- extension", () => {
    expect(looksLikeCompose({ services: { web: { image: "a", "x-k": 1 } }, "x-top": {} })).toBe(true);
    expect(looksLikeCompose({ services: null })).toBe(true);
    expect(looksLikeCompose({ services: { web: null } })).toBe(true);
    expect(looksLikeCompose({ replicaCount: 1, services: { web: { image: "a" } } })).toBe(false);
    expect(looksLikeCompose({ services: { web: { type: "ClusterIP", port: 80 } } })).toBe(false);
    expect(looksLikeCompose({ services: ["web"] })).toBe(false);
    expect(looksLikeCompose({ apiVersion: "v1", services: {} })).toBe(false);
  });
});
