// docs/custom-rules.md walks through examples/custom-rules: every command shown with its output is run there,
// and every line of the output shown must be in the real output.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers.js";
import { runCli } from "../cli/run-cli.js";

const doc = readFileSync(join(ROOT, "docs", "custom-rules.md"), "utf8");
const shown = [...doc.matchAll(/```sh\n(shipshape [^\n]+)\n```\n\n```\n([\s\S]*?)```/g)].map(([, command, output]) => ({
  command: command!,
  output: output!,
}));

describe("docs/custom-rules.md", () => {
  it("shows commands with their output", () => {
    expect(shown.map((s) => s.command)).toEqual(["shipshape test -p policy", "shipshape check -p policy inputs --compact"]);
  });

  it.each(shown)("$command prints what the page shows", async ({ command, output }) => {
    const env = { XDG_CACHE_HOME: tempDir("cache"), SHIPSHAPE_OPA: join(ROOT, ".tools", "bin", "opa") };
    const run = await runCli(command.split(" ").slice(1), { cwd: join(ROOT, "examples", "custom-rules"), env });
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    for (const line of output.trimEnd().split("\n")) expect(lines).toContain(line);
  });
});
