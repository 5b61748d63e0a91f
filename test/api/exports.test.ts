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
