import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleDocs } from "../../harness/scripts/rule-docs.js";
import { ROOT } from "../helpers.js";

describe("docs/rules", () => {
  const generated = ruleDocs();

  it("has a page for every rule and nothing else (run `make docs` after changing a rule)", () => {
    expect(readdirSync(join(ROOT, "docs", "rules")).sort()).toEqual([...generated.keys()].sort());
  });

  it.each([...generated.keys()])("%s matches the rule's METADATA and samples", (name) => {
    expect(readFileSync(join(ROOT, "docs", "rules", name), "utf8")).toBe(generated.get(name));
  });

  it("shows a violating and a compliant example for every shape of every rule", () => {
    for (const [name, page] of generated) {
      if (name === "README.md") continue;
      for (const shape of ["Kubernetes", "Docker Compose", "docker inspect"]) {
        const section = page.split(`## ${shape}\n`)[1]?.split("\n## ")[0] ?? "";
        if (section.trimStart().startsWith("This shape cannot express the concept")) continue;
        expect(section, `${name} / ${shape}`).toContain("Violating:");
        expect(section, `${name} / ${shape}`).toContain("Compliant:");
      }
    }
  });
});
