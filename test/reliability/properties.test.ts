import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { generatedDocuments } from "../../harness/scripts/generated-corpus.js";
import type { FileResult } from "../../harness/src/index.js";
import { runCli } from "../cli/run-cli.js";
import { samplesChecker, tempDir } from "../helpers.js";

// What bad input may cause; a POLICY_ERROR here would mean some input makes the policy itself fail.
const CODES = new Set(["PARSE_ERROR", "INPUT_ERROR"]);

// Whatever the input, the checker returns a well-formed result: located findings, typed errors that name
// the file, no throw.
function wellFormed(result: FileResult): void {
  for (const f of result.findings) {
    expect(f.line).toBeGreaterThan(0);
    expect(f.column).toBeGreaterThan(0);
    expect(typeof f.message).toBe("string");
  }
  for (const e of result.errors) {
    expect(CODES.has(e.code), `${e.code}: ${e.message}`).toBe(true);
    expect(e.file).toBeTruthy();
  }
}

// A hang or a blow-up fails through vitest's own test timeout; no wall-clock budget per run.
const settings = { numRuns: 150 };

describe("property: any input gives a report or a typed error", () => {
  it("arbitrary JSON values, as JSON and as YAML", async () => {
    const checker = await samplesChecker();
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        wellFormed(checker.checkText(JSON.stringify(value) ?? "null", "doc.json"));
        wellFormed(checker.checkText(stringify(value), "doc.yaml"));
      }),
      settings,
    );
  });

  // Strings with lone surrogates (fullUnicode would never make one): JSON.stringify escapes them, and OPA's
  // JSON parser refuses the escape.
  it("names and values holding any UTF-16, lone surrogates included", async () => {
    const checker = await samplesChecker();
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
        (name, value) => {
          const container = { name, image: value, env: [{ name: value, value }] };
          const pod = {
            apiVersion: "v1",
            kind: "Pod",
            metadata: { name: value, labels: { [name]: value } },
            spec: { containers: [container] },
          };
          const result = checker.checkDocument(pod, "pod.json");
          wellFormed(result);
          expect(result.errors).toEqual([]);
          expect(result.findings.length).toBeGreaterThan(0);
        },
      ),
      settings,
    );
  });

  it("arbitrary text and bytes", async () => {
    const checker = await samplesChecker();
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        wellFormed(checker.checkText(text, "doc.yaml"));
        wellFormed(checker.checkText(text, "doc.json"));
      }),
      settings,
    );
  });

  it("real manifests with random mutations, at any depth and size", async () => {
    const checker = await samplesChecker();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 300 }), (seed, depth) => {
        const [doc] = generatedDocuments(1, seed);
        let nested: unknown = doc;
        for (let i = 0; i < depth; i++) nested = { wrap: nested };
        wellFormed(checker.checkDocument(doc, "mutated.json"));
        wellFormed(checker.checkText(JSON.stringify(nested), "nested.json"));
        wellFormed(checker.checkText(stringify(doc), "mutated.yaml"));
      }),
      settings,
    );
  });

  it("breaking one field of a container never hides that container or touches its neighbour", async () => {
    // Container a violates many rules at once, so no single change can clear all of its findings; if a
    // malformed value made the model drop the container, its findings would vanish. b must not change at all.
    const checker = await samplesChecker();
    const a = {
      name: "a",
      image: "nginx:1.27.3",
      securityContext: { privileged: true, capabilities: { add: ["SYS_ADMIN"], drop: [] }, seccompProfile: { type: "Unconfined" } },
      resources: { requests: { cpu: "10m" }, limits: { memory: "64Mi" } },
      env: [{ name: "DB_PASSWORD", value: "hunter2" }],
      ports: [{ containerPort: 22 }],
      volumeMounts: [{ name: "sock", mountPath: "/var/run/docker.sock" }],
      livenessProbe: { tcpSocket: { port: 22 } },
    };
    const b = { name: "b", image: "redis" };
    const pod = (first: unknown) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: { hostPID: true, volumes: [{ name: "sock", hostPath: { path: "/var/run/docker.sock" } }], containers: [first, b] },
    });
    const findingsOf = (doc: unknown, container: string) =>
      checker
        .checkDocument(doc, "pod.json")
        .findings.filter((f) => f.container === container)
        .map((f) => f.message)
        .sort();
    const bBefore = findingsOf(pod(a), "b");
    const leafPaths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      if (path.length > 0 && path[0] !== "name") leafPaths.push(path);
    };
    walk(a, []);
    fc.assert(
      fc.property(fc.constantFrom(...leafPaths), fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })), (path, value) => {
        type Node = Record<string, unknown>;
        const broken = structuredClone(a) as Node;
        const parent = path.slice(0, -1).reduce((node, key) => node[key] as Node, broken);
        if (value === undefined) delete parent[path.at(-1)!];
        else parent[path.at(-1)!] = value;
        expect(findingsOf(pod(broken), "a").length).toBeGreaterThan(0);
        expect(findingsOf(pod(broken), "b")).toEqual(bBefore);
      }),
      { numRuns: 300 },
    );
  });

  it("the CLI exits 0, 1 or 2 with no stack trace, whatever the file holds", async () => {
    const dir = tempDir("fuzz-cli");
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 300 }),
          fc.jsonValue().map((v) => stringify(v)),
        ),
        async (text) => {
          writeFileSync(join(dir, "input.yaml"), text);
          const { code, stderr } = await runCli(["check", "-f", "json", "input.yaml"], { cwd: dir });
          expect([0, 1, 2]).toContain(code);
          expect(stderr).not.toMatch(/\n\s+at /);
        },
      ),
      { numRuns: 60, timeout: 5_000 },
    );
  });
});
