// Dockerfiles as an input shape, through the CLI: recognised by name in walks and when named, from stdin by
// --stdin-filename or --input-type, with the target stage chosen by --dockerfile-target.
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { INPUTS, samplesChecker, tempDir } from "../helpers.js";
import { runCli } from "./run-cli.js";

const NO_USER = 'FROM registry.example.com/base:1.4.2\nCOPY app /app\nCMD ["/app"]\n';

describe("shipshape check on Dockerfiles", () => {
  it("reports no-root-user at the final FROM of a Dockerfile with no USER, exit 1", async () => {
    const dir = tempDir("df", { Dockerfile: NO_USER });
    const { code, stdout } = await runCli(["check", "--no-config", "-f", "json", "Dockerfile"], { cwd: dir });
    expect(code).toBe(1);
    const finding = (JSON.parse(stdout) as Report).findings.find((f) => f.rule === "no-root-user");
    expect(finding).toMatchObject({ file: "Dockerfile", line: 1, column: 1, shape: "dockerfile", object: "Dockerfile stage 0" });
  });

  it("reports nothing on a hardened multi-stage Dockerfile", async () => {
    const { code, stdout } = await runCli([
      "check",
      "--config",
      join(INPUTS, ".shipshape.yaml"),
      "-f",
      "json",
      join(INPUTS, "dockerfile", "good", "Dockerfile"),
    ]);
    expect((JSON.parse(stdout) as Report).findings).toEqual([]);
    expect(code).toBe(0);
  });

  it("walks directories for every Dockerfile name", async () => {
    const files = {
      Dockerfile: NO_USER,
      "Containerfile.dev": NO_USER,
      "web.dockerfile": NO_USER,
      "svc/api.Dockerfile": NO_USER,
      "notes.txt": "x",
    };
    const dir = tempDir("df-walk", files);
    const report = JSON.parse((await runCli(["check", "--no-config", "-f", "json", "."], { cwd: dir })).stdout) as Report;
    expect([...new Set(report.findings.map((f) => f.file))].sort()).toEqual([
      "Containerfile.dev",
      "Dockerfile",
      "svc/api.Dockerfile",
      "web.dockerfile",
    ]);
  });

  it("reads stdin as a Dockerfile by --stdin-filename or --input-type", async () => {
    for (const args of [
      ["--stdin-filename", "Dockerfile"],
      ["--input-type", "dockerfile"],
    ]) {
      const { code, stdout } = await runCli(["check", "--no-config", "-f", "json", ...args, "-"], { stdin: NO_USER });
      expect(code).toBe(1);
      expect((JSON.parse(stdout) as Report).findings.map((f) => f.rule)).toContain("no-root-user");
    }
  });

  it("judges the stage --dockerfile-target names instead of the last", async () => {
    const text = "FROM registry.example.com/base:1.4.2 AS app\nUSER 10001\nFROM app AS debug\nUSER root\n";
    const dir = tempDir("df-target", { Dockerfile: text });
    const rules = async (...args: string[]) =>
      (JSON.parse((await runCli(["check", "--no-config", "-f", "json", ...args, "Dockerfile"], { cwd: dir })).stdout) as Report).findings
        .filter((f) => f.rule === "no-root-user")
        .map((f) => f.object);
    expect(await rules()).toEqual(["Dockerfile stage debug"]);
    expect(await rules("--dockerfile-target", "app")).toEqual([]);
  });

  it("never crashes on arbitrary text named Dockerfile: findings or a located parse error", async () => {
    const checker = await samplesChecker();
    const lines = fc.constantFrom(
      "FROM a:1",
      "FROM",
      "RUN x \\",
      "RUN <<EOF",
      "EOF",
      "USER",
      "ENV A",
      'CMD ["a"',
      "# escape=`",
      "ARG X=${Y",
      "HEALTHCHECK",
      "",
      "\t",
      "FROM $X AS",
      "ONBUILD",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(lines, fc.string()), { maxLength: 12 }), (parts) => {
        const result = checker.checkText(parts.join("\n"), "Dockerfile");
        for (const e of result.errors) expect(["PARSE_ERROR", "INPUT_ERROR"]).toContain(e.code);
        for (const f of result.findings) expect(f.line).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the image-build rules", () => {
  // Builder stages may install toolchains and leave caches: only the target's stages ship.
  const builder = [
    "FROM registry.example.com/golang:1.23@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31 AS build",
    "RUN apt-get update && apt-get install -y build-essential upx && pip install cmake",
    "COPY . /src",
    "RUN cd /src && CGO_ENABLED=0 go build -o /out/app . && upx /out/app",
  ].join("\n");
  const targets = {
    scratch: "FROM scratch",
    distroless:
      "FROM registry.example.com/distroless/static-debian12:nonroot@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
  };

  it.each(Object.entries(targets))("report nothing on a %s target that copies a static binary", async (_, from) => {
    const text = `${builder}\n\n${from}\nCOPY --from=build /out/app /app\nUSER 65532\nHEALTHCHECK CMD ["/app", "health"]\nENTRYPOINT ["/app"]\n`;
    const { findings, errors } = (await samplesChecker()).checkText(text, "Dockerfile");
    expect(errors).toEqual([]);
    expect(findings).toEqual([]);
  });

  it("judge the builder stage's commands once they ship: the same build in one stage", async () => {
    const single = `${builder.replace(" AS build", "")}\nUSER 65532\nHEALTHCHECK CMD ["/out/app", "health"]\nENTRYPOINT ["/out/app"]\n`;
    const { findings } = (await samplesChecker()).checkText(single, "Dockerfile");
    // At the commands: `apt-get install` (toolchain, lists kept) and `pip install` (cache kept).
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["builder-pattern", 2, 23],
      ["clean-package-cache", 2, 23],
      ["clean-package-cache", 2, 65],
    ]);
  });
});
