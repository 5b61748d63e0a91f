// The fast YAML reader (js-yaml with positions from its listener) against the full one (the `yaml` library):
// what it reads, it reads to the same values, documents, sources and positions; what it does not read exactly
// (tags, anchors, merge keys, syntax errors) it leaves to the full reader. The shared corpus is compared by
// `npm run yaml-differential` (in .ci/run).
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { parseYamlFast } from "../../harness/src/inputs/yaml-fast.js";
import { compareYamlReaders } from "../../harness/scripts/yaml-compare.js";
import { generatedDocuments } from "../../harness/scripts/generated-corpus.js";
import { INPUTS, sampleFiles } from "../helpers.js";

/** Both readers on `text`: the fast one must take it, and agree with the full one in everything. */
function agree(text: string): void {
  const { fast, problems } = compareYamlReaders(text, "x.yaml");
  expect(problems).toEqual([]);
  expect(fast, "the fast reader left this to the full one").toBe(true);
}

const CASES: Record<string, string> = {
  "YAML 1.1 scalars as kubectl reads them": "a: yes\nb: on\nc: 0777\nd: 0b101\ne: 1_000\nf: 1.5e3\ng: ~\nh: 2001-12-14\ni: '0777'\nj: \"yes\"\nk: -0\n",
  "block scalars": "script: |\n  echo one\n  echo two\nfolded: >-\n  a\n  b\nkeep: |+\n  x\n\nnext: 1\n",
  "flow collections, nested, as values and items": "a: {b: [1, {c: d}], e: []}\nl:\n  - {x: 1}\n  - [y, z]\n  - {}\n",
  "empty values and null spellings": "a:\nb: null\nc: ''\nd:\n  - x\n  -\n    y\n",
  "duplicate keys, the last one winning": "a: 1\nb: 2\na: 3\n",
  "keys that are numbers and booleans": "1: one\ntrue: t\nyes: y\n0x1F: hex\n",
  "documents, empty ones and comments between": "# first\na: 1\n---\n---\n# only a comment\n---\nb: [2]\n...\n---\nc: 3\n",
  "helm's # Source comments": "---\n# Source: chart/templates/a.yaml\napiVersion: v1\nkind: Pod\n---\n# Source: chart/templates/b.yaml\napiVersion: v1\nkind: Service\n",
  "kustomize's origin annotation": "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    config.kubernetes.io/origin: |\n      path: base/pod.yaml\n",
  "CRLF line ends and a byte order mark": "\uFEFFapiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: c\r\n      image: nginx\r\n",
  "non-ASCII text and astral characters": "name: ünïcödé\nemoji: \"🚀 rocket\"\nkey-🚀: v\n",
  "a Compose file, read with compose-go's scalars": "services:\n  web:\n    image: nginx\n    privileged: yes\n    read_only: on\n    ports: [8080:80]\n    cpus: 0.5\n",
  "indentation of sequences under keys, compact and not": "a:\n- 1\n- 2\nb:\n    - c: 1\n      d: 2\n    -   e: 3\n",
  "comments everywhere": "a: 1 # one\n# between\nb: # before value\n  c: 2\nl: # list\n  - x # item\n",
  "a JSON document": '{"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [{"name": "c", "image": "x"}]}}\n',
  "a # after a quote or bracket inside a scalar": 'd: |\n  a channel ("#alerts") or [x]#y\nq: "say \\"#hi"\np: it\'s"#1\n',
  "quoted scalars and flow collections over several lines, indented past their collection":
    "a:\n  b: 'x\n   y'\n  c: [1,\n    2, {d: 3,\n   e: 4}]\nl:\n  - \"p\n\n     q\"\n",
  "quoted keys and multi-line strings": "\"a b\": 1\n'c': 2\nd: \"line one\n  line two\"\ne: plain\n  continued\n",
};

describe("the fast YAML reader", () => {
  it.each(Object.entries(CASES))("reads %s as the full reader does", (_, text) => agree(text));

  // JSON too: inputs/json.ts takes a JSON file's positions from the fast reader where it reads the file.
  it("reads every sample, YAML and JSON, as the full reader does", () => {
    const samples = sampleFiles().filter((s) => /\.(ya?ml|json)$/.test(s));
    let fast = 0;
    for (const sample of samples) {
      const outcome = compareYamlReaders(readFileSync(join(INPUTS, sample), "utf8"), sample);
      expect(outcome.problems, sample).toEqual([]);
      if (outcome.fast) fast += 1;
    }
    // Compared, not passed by: all but the few with anchors or merge keys are read by the fast reader.
    expect(fast).toBeGreaterThan(samples.length * 0.9);
  });

  it("reads generated documents as the full reader does, in the yaml library's styles", () => {
    let fast = 0;
    for (const [i, doc] of generatedDocuments(300, 11).entries()) {
      for (const text of [stringify(doc), stringify(doc, { collectionStyle: "flow" }), JSON.stringify(doc, null, i % 3)]) {
        const outcome = compareYamlReaders(text, `generated-${i}.yaml`);
        expect(outcome.problems).toEqual([]);
        if (outcome.fast) fast += 1;
      }
    }
    expect(fast).toBeGreaterThan(900 * 0.9);
  });

  it("reads arbitrary JSON values, in any style, as the full reader does", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom<"any" | "block" | "flow">("any", "block", "flow"), (value, style) => {
        expect(compareYamlReaders(stringify(value, { collectionStyle: style }), "x.yaml").problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  // Damaged YAML: wherever the fast reader still takes a file, the full one must find no error in it either.
  it("agrees with the full reader on samples with random edits", () => {
    const texts = sampleFiles()
      .filter((s) => /\.ya?ml$/.test(s))
      .map((s) => readFileSync(join(INPUTS, s), "utf8"));
    const pieces = [" ", "  ", "\t", "\n", ":", ": ", "- ", "#", "'", '"', "[", "]", "{", "}", ",", "?", "|", ">", "!", "&", "*", "%", "@", "`", "---\n", "...\n", "\r\n", "\u00a0", "\uFEFF", "x"];
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(3), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 4 }),
        (which, edits) => {
          let text = texts[which]!;
          for (const [where, cut, piece] of edits) {
            const at = Math.floor(where * text.length);
            text = text.slice(0, at) + piece + text.slice(at + cut);
          }
          expect(compareYamlReaders(text, "x.yaml").problems).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    ["a merge key", "base: &b {x: 1}\nsvc:\n  <<: *b\n"],
    ["an anchor and alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a local tag", "a: !custom 1\n"],
    ["a syntax error", "a: [1, 2\nb: 3\n"],
    ["an infinity kubectl cannot decode", "apiVersion: v1\nkind: Pod\nx: .inf\n"],
    ["a collection as a key", "? [a, b]\n: 1\n"],
    ["an explicit key (js-yaml's offset is before it)", "? a\n: 1\n"],
    ["a tab for indentation", "a:\n\tb: 1\n"],
    ["a NUL byte", "a: \u0000\n"],
    ["a key longer than 1024 characters", `${"k".repeat(1100)}: 1\n`],
    ["a line ended by CR alone", "a: 1\rb: 2\r"],
    ["a comment right after a closing quote", 'a: "x"#c\n'],
    ["a quoted scalar's next line not indented past its map", "a:\n  b: 'x\n  y'\n"],
    ["a quoted scalar's next line not indented past its sequence", "- - 'x\n y'\n"],
    ["a flow collection's next line not indented past its map", "a:\n  b: {c: 1,\n d: 2}\n"],
    ["an empty node tagged `!` before a CR", "!\r\n...\na: 1\n"],
    ["a comment right after a closing bracket", "a: [1]#c\n"],
  ])("leaves %s to the full reader", (_, text) => {
    expect(parseYamlFast(text, "x.yaml")).toBeUndefined();
  });
});
