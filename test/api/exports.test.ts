import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as core from "../../harness/src/index.js";
import * as node from "../../harness/src/node.js";

// The public API changes only on purpose: update these lists (and the README's API section) together.
describe("exported names", () => {
  it("core entry (shipshape/core, and shipshape in browsers)", () => {
    expect(Object.keys(core).sort()).toEqual([
      "Checker",
      "InputError",
      "ParseError",
      "PolicyError",
      "ShipshapeError",
      "UsageError",
      "buildReport",
      "exitCode",
      "formatReport",
      "formatters",
      "imageConfigsOf",
      "loadConfig",
      "parseCatalog",
      "parseConfig",
    ]);
  });

  it("Node entry (shipshape) adds the bundled policy and the file system", () => {
    const added = Object.keys(node)
      .filter((name) => !(name in core))
      .sort();
    expect(added).toEqual([
      "bundledPolicyDir",
      "checkDockerContainers",
      "checkFiles",
      "createBundledChecker",
      "findConfigFile",
      "loadConfigFile",
      "readBundledArtifacts",
    ]);
  });
});

// The README's "Library API" table names every export, so it cannot drift from the code again.
describe("README's Library API table", () => {
  it("names every exported value of both entries", async () => {
    const { ROOT } = await import("../helpers.js");
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const table = readme.split("## Library API")[1]!.split("\n## ")[0]!;
    const named = new Set([...table.matchAll(/`([A-Za-z]+)[(`.]/g)].map((m) => m[1]!));
    const missing = [...new Set([...Object.keys(core), ...Object.keys(node)])].filter((name) => !named.has(name));
    expect(missing, "add them to the README's Library API table").toEqual([]);
  });
});
