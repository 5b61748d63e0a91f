import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBundledArtifacts } from "../../harness/src/node.js";
import { ROOT } from "../helpers.js";

describe("docs/pod-security-standards.md", () => {
  const text = readFileSync(join(ROOT, "docs", "pod-security-standards.md"), "utf8");
  const baseline = text.slice(text.indexOf("## Baseline"), text.indexOf("## Restricted"));
  const named = (section: string) => new Set([...section.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!));
  const { catalog } = readBundledArtifacts();
  const ids = new Set(catalog.rules.map((r) => r.id));

  it("names only rules that exist", () => {
    for (const id of named(text.slice(text.indexOf("## Baseline")))) {
      if (/^[a-z]+(-[a-z]+)+$/.test(id) && !["runAsNonRoot", "allowed"].includes(id)) expect(ids, id).toContain(id);
    }
  });

  it("lists every rule of the baseline profile under a baseline control, and those rules only", () => {
    const inBaseline = [...named(baseline)].filter((id) => ids.has(id)).sort();
    expect(inBaseline).toEqual(
      catalog.rules
        .filter((r) => r.profile === "baseline")
        .map((r) => r.id)
        .sort(),
    );
  });
});
