// A deterministic generator of awkward documents: the inputs/ samples with random mutations (fields deleted,
// set to null, given another type, booleans flipped, images swapped). The differential test and the fuzz
// tests use it; the same seed always gives the same documents.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseText } from "../src/inputs/parse.js";

const INPUTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "inputs");

/** mulberry32: a small, fast, seedable PRNG (not for cryptography). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every document of every inputs/ sample, parsed. */
export function sampleDocuments(): unknown[] {
  const docs: unknown[] = [];
  for (const shape of readdirSync(INPUTS, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const verdict of ["good", "bad"]) {
      const dir = join(INPUTS, shape.name, verdict);
      for (const name of readdirSync(dir)) {
        docs.push(...parseText(readFileSync(join(dir, name), "utf8"), name).documents.map((d) => d.value));
      }
    }
  }
  return docs;
}

type Path = Array<string | number>;

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      paths(child, path, out);
    }
  }
  return out;
}

const REPLACEMENTS: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  "",
  "yes",
  "0",
  "root",
  "nginx:latest",
  "sha256:abc",
  [],
  {},
  ["ALL"],
  "/var/run/docker.sock",
  "x".repeat(10_000),
  { nested: { deeper: [1, { a: null }] } },
  "${VAR:-latest}",
];

function mutate(value: unknown, next: () => number): unknown {
  const copy = structuredClone(value);
  const all = paths(copy);
  if (all.length === 0) return copy;
  const path = all[Math.floor(next() * all.length)]!;
  type Node = Record<string | number, unknown>;
  const parent = path.slice(0, -1).reduce<Node>((node, key) => node[key] as Node, copy as Node);
  const key = path.at(-1)!;
  const choice = next();
  if (choice < 0.3) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (choice < 0.8) {
    parent[key] = structuredClone(REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)]);
  } else if (typeof parent[key] === "boolean") {
    parent[key] = !parent[key];
  } else {
    parent[key] = [parent[key]]; // a value wrapped where a scalar was expected
  }
  return copy;
}

// The samples parsed once per process (every document returned is a mutated copy, never one of these).
let parsedSamples: unknown[] | undefined;

/** `count` documents, each a sample with 1 to 4 mutations. */
export function generatedDocuments(count: number, seed = 1): unknown[] {
  const next = random(seed);
  const samples = (parsedSamples ??= sampleDocuments());
  return Array.from({ length: count }, () => {
    let doc = samples[Math.floor(next() * samples.length)];
    const mutations = 1 + Math.floor(next() * 4);
    for (let i = 0; i < mutations; i++) doc = mutate(doc, next);
    return doc;
  });
}
