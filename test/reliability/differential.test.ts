import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareDocument } from "../../harness/src/inputs/compose/prepare.js";
import { differential } from "../../harness/scripts/differential.js";
import { generatedDocuments } from "../../harness/scripts/generated-corpus.js";
import { tempDir } from "../helpers.js";

describe("WASM vs opa eval (differential)", () => {
  it("finds the same findings for 500 generated documents", async () => {
    const documents = new Map(generatedDocuments(500, 7).map((doc, i) => [`generated#${i}`, prepareDocument(doc)]));
    expect(documents.size).toBe(500);
    expect(await differential(documents)).toEqual([]);
  });

  it("reports a difference when the evaluators disagree", async () => {
    // A stand-in for opa that claims one extra finding, to prove the comparison can fail.
    const dir = tempDir("fake-opa");
    const fake = join(dir, "opa");
    const extra = { rule: "x", level: "deny", message: "m", object: "o", container: "c", path: [], field: [], inline_waiver: null };
    const output = { result: [{ expressions: [{ value: { one: { shape: "kubernetes", findings: [extra] } } }] }] };
    writeFileSync(fake, `#!/bin/sh\ncat <<'JSON'\n${JSON.stringify(output)}\nJSON\n`);
    chmodSync(fake, 0o755);
    const pod = { apiVersion: "v1", kind: "Service", metadata: { name: "s" } };
    const differences = await differential(new Map([["one", pod]]), fake);
    expect(differences.map((d) => d.id)).toEqual(["one"]);
  });
});
