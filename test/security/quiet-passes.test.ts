// Security review class 9: quiet passes. A run that checked less than it seems to must say so: ignored files
// and disabled rules are named, a forced shape that does not fit is a skip with a reason, an in-place waiver
// naming a rule that does not exist is an error.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { runCli } from "../cli/run-cli.js";
import { tempDir } from "../helpers.js";

const ROOT_POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: 'a:1'}]}\n";

describe("class 9: quiet passes", () => {
  it("names the files the configuration ignores and the rules it disables", async () => {
    const dir = tempDir("quiet", {
      ".shipshape.yaml": 'ignore: ["**"]\nrules:\n  no-root-user: {enabled: false}\n',
      "pod.yaml": ROOT_POD,
    });
    const json = await runCli(["check", "-f", "json", "pod.yaml"], { cwd: dir });
    const report = JSON.parse(json.stdout) as Report;
    expect(report.ignored).toEqual(["pod.yaml"]);
    expect(report.summary).toMatchObject({ files: 0, ignored: 1 });
    expect(report.disabledRules).toEqual(["no-root-user"]);
    const text = await runCli(["check", "pod.yaml"], { cwd: dir });
    expect(text.stdout).toContain("1 file ignored by configuration: pod.yaml");
    expect(text.stdout).toContain("rules disabled by configuration: no-root-user");
  });

  it("skips, with a reason, a document that does not fit the forced --input-type; a file named so is an error", async () => {
    const dir = tempDir("quiet", { "dir/pod.yaml": ROOT_POD });
    const walked = await runCli(["check", "--no-config", "-f", "json", "--input-type", "compose", "dir"], { cwd: dir });
    const report = JSON.parse(walked.stdout) as Report;
    expect(walked.code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([
      {
        file: join("dir", "pod.yaml"),
        document: 0,
        reason: "the document does not have the outline of a compose document, the shape it is read as",
      },
    ]);
    const named = await runCli(["check", "--no-config", "-f", "json", "--input-type", "compose", "dir/pod.yaml"], { cwd: dir });
    expect(named.code).toBe(2);
    expect((JSON.parse(named.stdout) as Report).errors).toEqual([
      {
        file: "dir/pod.yaml",
        code: "INPUT_ERROR",
        message: "it was named to be checked, but the document does not have the outline of a compose document, the shape it is read as",
      },
    ]);
  });

  it("fails a run that checks nothing: a directory with no file to check, a named file no shape recognises", async () => {
    const dir = tempDir("quiet", { "empty/notes.txt": "x", "config.yaml": "foo: bar\n", "walk/config.yaml": "foo: bar\n" });
    const empty = await runCli(["check", "--no-config", "-f", "json", "empty"], { cwd: dir });
    expect(empty.code).toBe(2);
    expect((JSON.parse(empty.stdout) as Report).errors[0]!.message).toMatch(/^no file to check here/);
    const named = await runCli(["check", "--no-config", "-f", "json", "config.yaml"], { cwd: dir });
    expect(named.code).toBe(2);
    expect((JSON.parse(named.stdout) as Report).errors[0]!.message).toMatch(/^no shape recognises this file/);
    // A walk skips such a file quietly (and counts it).
    const walked = await runCli(["check", "--no-config", "-f", "json", "walk"], { cwd: dir });
    expect(walked.code).toBe(0);
    expect((JSON.parse(walked.stdout) as Report).summary.skipped).toBe(1);
  });

  it("refuses an in-place waiver that names a rule that does not exist, at its line", async () => {
    const pod = ROOT_POD.replace(
      "metadata: {name: p}",
      'metadata: {name: p, annotations: {shipshape.dev/waive: "no-rot-user", shipshape.dev/waive-reason: typo}}',
    );
    const dir = tempDir("quiet", { "pod.yaml": pod });
    const { code, stdout } = await runCli(["check", "--no-config", "-f", "json", "pod.yaml"], { cwd: dir });
    expect(code).toBe(2);
    expect((JSON.parse(stdout) as Report).errors).toEqual([
      { file: "pod.yaml", line: 3, column: 35, code: "INPUT_ERROR", message: 'unknown rule "no-rot-user" in an in-place waiver' },
    ]);
    // Where in-place waivers are not honoured at all, what they name does not matter.
    expect((await runCli(["check", "--no-config", "--no-inline-waivers", "pod.yaml"], { cwd: dir })).code).toBe(1);
  });
});
