import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfigFile } from "../../harness/src/node/config-file.js";
import { tempDir } from "../helpers.js";

describe("findConfigFile", () => {
  it("finds the nearest configuration upward, and remembers each directory it passed", () => {
    const root = tempDir("config-file");
    const deep = join(root, "a", "b", "c");
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(root, "a", ".shipshape.yaml"), "rules: {}\n");
    const seen = new Map<string, string | undefined>();
    const found = join(root, "a", ".shipshape.yaml");
    expect(findConfigFile(deep, seen)).toBe(found);
    expect([...seen.keys()]).toEqual([deep, join(root, "a", "b"), join(root, "a")]);
    // A sibling below a directory already passed stops there: one lookup for its own directory.
    mkdirSync(join(root, "a", "b", "d"));
    expect(findConfigFile(join(root, "a", "b", "d"), seen)).toBe(found);
    expect(seen.get(join(root, "a", "b", "d"))).toBe(found);
    expect(findConfigFile(deep)).toBe(found); // without a map: the same answer
  });
});
