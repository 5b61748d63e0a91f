import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writable, writeTextFile } from "../../harness/src/cli/io.js";
import { tempDir } from "../helpers.js";

describe("writing a report in pieces", () => {
  it("joins short pieces and cuts long ones to 64 KiB, losing nothing", () => {
    const short = Array.from({ length: 50_000 }, (_, i) => `${i},`);
    const long = "x".repeat(200_000);
    const out = [...writable([...short, long, "end"])];
    expect(out.join("")).toBe(short.join("") + long + "end");
    expect(Math.max(...out.map((p) => p.length))).toBeLessThanOrEqual(1 << 16);
    expect(out.length).toBeLessThan(20); // from 50,002 pieces in
  });

  it("never cuts a surrogate pair in two", () => {
    const text = "a" + "🚀".repeat(100_000); // the pairs fall across every cut
    const out = [...writable([text])];
    expect(out.length).toBeGreaterThan(1);
    for (const piece of out) expect(piece).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/u);
    expect(out.join("")).toBe(text);
  });

  it("writes the pieces to a file, replacing what it held", () => {
    const file = join(tempDir("io"), "report.json");
    writeTextFile(file, ["old text that is longer"]);
    writeTextFile(file, ["é", "🚀".repeat(40_000), "\n"]);
    expect(readFileSync(file, "utf8")).toBe("é" + "🚀".repeat(40_000) + "\n");
  });
});
