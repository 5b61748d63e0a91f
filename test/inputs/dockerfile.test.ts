import { describe, expect, it } from "vitest";
import { isDockerfileName, parseDockerfile } from "../../harness/src/inputs/dockerfile.js";
import { syntaxOf } from "../../harness/src/inputs/parse.js";

const instructions = (text: string) => parseDockerfile(text, "Dockerfile").documents[0]!.value as Array<Record<string, unknown>>;

describe("Dockerfile recognition", () => {
  it.each(["Dockerfile", "Containerfile", "app.Dockerfile", "app.dockerfile", "Dockerfile.prod", "Containerfile.dev", "build/Dockerfile"])(
    "%s is a Dockerfile",
    (name) => {
      expect(isDockerfileName(name)).toBe(true);
      expect(syntaxOf(name)).toBe("dockerfile");
    },
  );

  it.each(["dockerfile.yaml", "Dockerfiles/x.yaml", "my-Dockerfile-notes.md", "compose.yaml"])("%s is not", (name) => {
    expect(syntaxOf(name)).not.toBe("dockerfile");
  });
});

describe("parseDockerfile where there is no Node", () => {
  // Browsers have no Buffer, which dockerfile-ast 0.7's byte-order-mark test used: every Dockerfile failed.
  it("parses without Buffer, and still skips a byte order mark", () => {
    const buffer = globalThis.Buffer;
    try {
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      expect(parseDockerfile("FROM alpine:3.20\nUSER 10001\n", "Dockerfile").errors).toEqual([]);
      expect(instructions("\uFEFFFROM alpine:3.20\n")[0]).toMatchObject({ Cmd: "from" });
    } finally {
      globalThis.Buffer = buffer;
    }
  });
});

describe("parseDockerfile", () => {
  it("gives conftest's instruction shape: Cmd, Flags, Value, JSON, Stage", () => {
    const [from, run, copy, cmd] = instructions('FROM --platform=linux/amd64 node:20 AS build\nRUN npm ci\nCOPY --from=build /a /b\nCMD ["node", "x.js"]\n');
    expect(from).toEqual({ Cmd: "from", SubCmd: "", Flags: ["--platform=linux/amd64"], JSON: false, Stage: 0, Value: ["node:20", "AS", "build"] });
    expect(run).toMatchObject({ Cmd: "run", Value: ["npm ci"], JSON: false });
    expect(copy).toMatchObject({ Cmd: "copy", Flags: ["--from=build"], Value: ["/a", "/b"] });
    expect(cmd).toMatchObject({ Cmd: "cmd", Value: ["node", "x.js"], JSON: true });
  });

  it("joins continuation lines, drops comments between them, and honours # escape=", () => {
    const text = "# escape=`\nFROM alpine:3.20\nRUN apk add curl && `\n    # why\n    rm -rf /var/cache/apk/*\n";
    expect(instructions(text)[1]).toMatchObject({ Cmd: "run", Value: ["apk add curl &&     rm -rf /var/cache/apk/*"] });
    const backslash = "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add \\\n  curl\n";
    expect(instructions(backslash)[1]).toMatchObject({ Flags: ["--mount=type=cache,target=/var/cache/apk"], Value: ["apk add   curl"] });
  });

  it("keeps heredoc bodies apart, as BuildKit runs them", () => {
    const [, run] = instructions("FROM alpine:3.20\nRUN <<EOF\napk add openssh\nrc-update add sshd\nEOF\nUSER 1\n");
    expect(run).toMatchObject({ Value: ["<<EOF"], Heredocs: [{ Name: "EOF", Content: "apk add openssh\nrc-update add sshd" }] });
  });

  it("reads ENV and LABEL as name, value, = triples, HEALTHCHECK in both forms, and ONBUILD triggers", () => {
    const text = 'FROM a:1\nENV A=1 B="two words"\nENV OLD style value\nHEALTHCHECK CMD ["/bin/check"]\nHEALTHCHECK --interval=5s CMD curl -f http://x/\nHEALTHCHECK NONE\nONBUILD RUN make\n';
    const [, env, old, exec, shell, none, onbuild] = instructions(text);
    expect(env!.Value).toEqual(["A", "1", "=", "B", "two words", "="]);
    expect(old!.Value).toEqual(["OLD", "style value", "="]);
    expect(exec).toMatchObject({ JSON: true, Value: ["CMD", "/bin/check"] });
    expect(shell).toMatchObject({ JSON: false, Flags: ["--interval=5s"], Value: ["CMD", "curl -f http://x/"] });
    expect(none!.Value).toEqual(["NONE"]);
    expect(onbuild).toMatchObject({ Cmd: "onbuild", SubCmd: "run", Value: ["make"] });
  });

  it("numbers stages by FROM, ARGs before the first FROM included in stage 0", () => {
    expect(instructions("ARG V=1\nFROM a:${V} AS one\nRUN x\nFROM one\nUSER 1\n").map((i) => i.Stage)).toEqual([0, 0, 0, 1, 1]);
  });

  it("locates an instruction, and an argument of one", () => {
    const { documents } = parseDockerfile("FROM a:1\n\nEXPOSE 8080 22\nENV  A=1 TOKEN=x\n", "Dockerfile");
    const doc = documents[0]!;
    expect(doc.locate([1])).toEqual({ line: 3, column: 1 });
    expect(doc.locate([1, "Value", 1])).toEqual({ line: 3, column: 13 });
    expect(doc.locate([2, "Value", 3])).toEqual({ line: 4, column: 10 });
  });

  it("refuses what BuildKit refuses: an unknown instruction, no FROM", () => {
    expect(parseDockerfile("FROM a:1\nRUNN x\n", "Dockerfile").errors.map((e) => [e.line, e.message])).toEqual([[2, "invalid Dockerfile: unknown instruction RUNN"]]);
    expect(parseDockerfile("RUN x\n", "Dockerfile").errors.map((e) => e.message)).toEqual(["invalid Dockerfile: no FROM instruction"]);
    expect(parseDockerfile("# only a comment\n", "Dockerfile")).toEqual({ documents: [], errors: [] });
  });
});
