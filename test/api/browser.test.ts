import { build } from "esbuild";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

describe("the core entry in a browser", () => {
  it("bundles for the browser platform without Node built-ins", async () => {
    const result = await build({
      entryPoints: [join(ROOT, "harness", "src", "index.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith("node:") || /\/src\/node(\/|\.ts)/.test(i))).toEqual([]);
  });
});
