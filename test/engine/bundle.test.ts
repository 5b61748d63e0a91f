// The bundle file: the policy's WebAssembly module with the catalog in a custom section. Round trip, the
// engine's own reading of the section, and every way a file can fail to be one.
import { describe, expect, it } from "vitest";
import { parseBundle, serializeBundle, type PolicyBundle } from "../../harness/src/engine/bundle.js";
import { Policy } from "../../harness/src/engine/policy.js";
import { readBundledArtifacts } from "../../harness/src/node/bundled.js";

const { wasm, catalog } = readBundledArtifacts();
const bundle: PolicyBundle = { hash: "a".repeat(64), wasm, catalog };
const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "nginx" }] } };

describe("policy bundles", () => {
  it("round-trips the hash and catalog, and the file is a module the engine compiles as it is", async () => {
    const bytes = serializeBundle(bundle);
    const read = parseBundle(bytes);
    expect(read.hash).toBe(bundle.hash);
    expect(read.catalog).toEqual(catalog);
    const module = await WebAssembly.compile(read.wasm as Uint8Array<ArrayBuffer>);
    expect(WebAssembly.Module.customSections(module, "shipshape.bundle")).toHaveLength(1);
    const fromBundle = (await Policy.load(module)).evaluate(pod);
    const builtIn = (await Policy.load(wasm)).evaluate(pod);
    expect(fromBundle.findings.length).toBeGreaterThan(0);
    expect(fromBundle).toEqual(builtIn);
  });

  it("replaces its own section when a bundle is written again, rather than adding a second one", () => {
    const once = serializeBundle(bundle);
    const twice = serializeBundle({ ...parseBundle(once), hash: "b".repeat(64) });
    expect(twice.length).toBe(once.length);
    expect(parseBundle(twice).hash).toBe("b".repeat(64));
  });

  it("reads sections past 2 MiB (a four-byte size) exactly", () => {
    const big = { ...catalog, rules: Array.from({ length: 8 }, () => catalog.rules).flat() };
    expect(parseBundle(serializeBundle({ ...bundle, catalog: big })).catalog.rules).toHaveLength(big.rules.length);
  });

  it.each([
    [
      "a version 1 (JSON) bundle",
      new TextEncoder().encode('{"format":"shipshape-bundle","version":1}'),
      /version 1 bundle \(JSON\).*rebuild it/,
    ],
    ["text", new TextEncoder().encode("hello"), /is not a shipshape bundle; write one with `shipshape build/],
    ["a plain policy module", wasm, /WebAssembly module but not a shipshape bundle \(no catalog\)/],
    ["a truncated bundle", serializeBundle(bundle).subarray(0, 1000), /is damaged: a section runs past the end/],
  ])("refuses %s with a PolicyError naming the file", (_, bytes, message) => {
    expect(() => parseBundle(bytes, "team.bundle")).toThrow(message);
    expect(() => parseBundle(bytes, "team.bundle")).toThrow(/^team\.bundle /);
  });

  it("refuses a section whose catalog is not JSON, or of another version", () => {
    const withPayload = (text: string) => {
      const good = serializeBundle(bundle);
      const start =
        good.length -
        new TextEncoder().encode(JSON.stringify({ format: "shipshape-bundle", version: 2, hash: bundle.hash, catalog })).length;
      const payload = new TextEncoder().encode(text.padEnd(good.length - start, " "));
      const out = new Uint8Array(good);
      out.set(payload, start);
      return out;
    };
    expect(() => parseBundle(withPayload("{not json"), "x")).toThrow(/x is damaged: its catalog is not JSON/);
    expect(() => parseBundle(withPayload('{"format":"shipshape-bundle","version":3,"hash":"h"}'), "x")).toThrow(/version 3 bundle/);
  });
});
