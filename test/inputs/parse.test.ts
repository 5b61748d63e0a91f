import { describe, expect, it } from "vitest";
import { parseText, syntaxOf } from "../../harness/src/inputs/parse.js";

describe("parseText", () => {
  it("parses every document of a YAML stream and skips empty ones", () => {
    const parsed = parseText("a: 1\n---\n---\nb: 2\n", "x.yaml");
    expect(parsed.errors).toEqual([]);
    expect(parsed.documents.map((d) => [d.index, d.value])).toEqual([
      [0, { a: 1 }],
      [2, { b: 2 }],
    ]);
  });

  it("reports a YAML syntax error with its line, and checks what the parser recovered and the good documents", () => {
    const parsed = parseText("a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n", "x.yaml");
    expect(parsed.documents.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(parsed.documents.map((d) => d.value)).toContainEqual({ a: 1 });
    expect(parsed.documents.map((d) => d.value)).toContainEqual({ d: 4 });
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ code: "PARSE_ERROR", file: "x.yaml" });
    expect(parsed.errors[0]!.line).toBeGreaterThanOrEqual(3);
    expect(parsed.errors[0]!.message).toMatch(/^invalid YAML: .*\(document 2\)$/);
  });

  it("resolves merge keys and lets the last duplicate key win", () => {
    const parsed = parseText("base: &b {x: 1, z: 2}\nsvc:\n  <<: *b\n  z: 3\ndup: 1\ndup: 2\n", "x.yml");
    expect(parsed.errors).toEqual([]);
    expect(parsed.documents[0]!.value).toEqual({ base: { x: 1, z: 2 }, svc: { x: 1, z: 3 }, dup: 2 });
  });

  it("refuses an alias bomb with a clear error instead of expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      levels.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    const parsed = parseText(levels.join("\n") + "\n", "bomb.yaml");
    expect(parsed.documents).toEqual([]);
    // Located at the first alias that takes the expansion past the limit.
    expect(parsed.errors[0]).toMatchObject({ code: "PARSE_ERROR", file: "bomb.yaml", line: 6 });
    expect(parsed.errors[0]!.message).toMatch(/alias/i);
  });

  it("reports invalid JSON with line and column", () => {
    const parsed = parseText('{\n  "a": 1,\n  "b": }\n', "x.json");
    expect(parsed.documents).toEqual([]);
    expect(parsed.errors[0]).toMatchObject({ code: "PARSE_ERROR", file: "x.json", line: 3, column: 8 });
  });

  it("reports an empty JSON file", () => {
    expect(parseText("", "x.json").errors[0]!.message).toBe("invalid JSON: the file is empty");
  });

  it("accepts a UTF-8 byte order mark in JSON", () => {
    expect(parseText('\ufeff{"a": 1}', "x.json").documents[0]!.value).toEqual({ a: 1 });
  });

  it("guesses JSON or YAML for stdin", () => {
    expect(parseText('[{"a": 1}]', "<stdin>").documents[0]!.value).toEqual([{ a: 1 }]);
    expect(parseText("a: 1", "<stdin>").documents[0]!.value).toEqual({ a: 1 });
  });

  it("knows file syntaxes by extension", () => {
    expect([syntaxOf("a.JSON"), syntaxOf("a.yml"), syntaxOf("a.yaml"), syntaxOf("a.txt")]).toEqual([
      "json",
      "yaml",
      "yaml",
      undefined,
    ]);
  });
});

describe("locate", () => {
  const yamlText = [
    "apiVersion: v1", // 1
    "kind: Pod", // 2
    "spec:", // 3
    "  containers:", // 4
    "    - name: a", // 5
    "      image: x", // 6
    "    - name: b", // 7
    "      securityContext:", // 8
    "        runAsUser: 0", // 9
  ].join("\n");

  it("finds a field's key", () => {
    const [doc] = parseText(yamlText, "p.yaml").documents;
    expect(doc!.locate(["spec", "containers", 1, "securityContext", "runAsUser"])).toEqual({ line: 9, column: 9 });
    expect(doc!.locate(["spec", "containers", 0, "image"])).toEqual({ line: 6, column: 7 });
  });

  it("falls back to the deepest existing ancestor for an absent field", () => {
    const [doc] = parseText(yamlText, "p.yaml").documents;
    expect(doc!.locate(["spec", "containers", 0, "securityContext", "runAsNonRoot"])).toEqual({ line: 5, column: 7 });
    expect(doc!.locate(["spec", "containers", 1, "securityContext", "runAsNonRoot"])).toEqual({ line: 8, column: 7 });
  });

  it("finds fields that come from a merge key at their anchor", () => {
    const text = "x-base: &base\n  user: root\nservices:\n  web:\n    <<: *base\n    image: a:1\n";
    const [doc] = parseText(text, "c.yaml").documents;
    expect(doc!.locate(["services", "web", "user"])).toEqual({ line: 2, column: 3 });
    expect(doc!.locate(["services", "web", "read_only"])).toEqual({ line: 4, column: 3 });
  });

  it("locates in JSON", () => {
    const [doc] = parseText('[\n  {\n    "Config": {"User": ""}\n  }\n]\n', "i.json").documents;
    expect(doc!.locate([0, "Config", "User"])).toEqual({ line: 3, column: 16 });
    expect(doc!.locate([0, "HostConfig", "Memory"])).toEqual({ line: 2, column: 3 });
  });
});
