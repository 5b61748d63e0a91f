import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import type { Report } from "../../harness/src/index.js";
import { ROOT, tempDir } from "../helpers.js";
import { runCli } from "../cli/run-cli.js";

const require = createRequire(import.meta.url);
const JUNIT_XSD = join(ROOT, ".tools", "junit.xsd");
// ajv-draft-04 is CommonJS with a default export.
const AjvDraft04 = (require("ajv-draft-04") as { default: typeof Ajv }).default;

// One run that has everything a formatter must render: deny and warn findings, a waived one, an expired
// waiver, an unreadable file and a skipped document.
const dir = tempDir("formats");
writeFileSync(
  join(dir, ".shipshape.yaml"),
  [
    "rules:",
    "  resource-limits: {level: warn}",
    "waivers:",
    "  - {rule: read-only-rootfs, reason: 'writes /var/cache, OPS-7'}",
    "  - {rule: healthcheck-required, reason: old, expires: 2001-01-01}",
  ].join("\n"),
);
writeFileSync(
  join(dir, "pod.yaml"),
  "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: 'a:1'}\n",
);
writeFileSync(join(dir, "broken.json"), '{"a": ');
writeFileSync(join(dir, "values.yaml"), "replicas: 3\n");

async function render(format: string): Promise<string> {
  const { stdout, code } = await runCli(["check", "-f", format, dir], { cwd: dir });
  expect(code).toBe(2);
  return stdout;
}

describe("formatters", () => {
  it("json validates against schema/report-v1.schema.json", async () => {
    const report = JSON.parse(await render("json")) as Report;
    const schema = JSON.parse(readFileSync(join(ROOT, "schema", "report-v1.schema.json"), "utf8"));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    // The summary counts what the report lists (no totals that move whenever a rule is added).
    const active = report.findings.filter((f) => !f.waived);
    expect(report.summary).toMatchObject({
      findings: report.findings.length,
      deny: active.filter((f) => f.level === "deny").length,
      warn: active.filter((f) => f.level === "warn").length,
      waived: 1,
      errors: 1,
      skipped: 1,
    });
    expect(report.findings.find((f) => f.rule === "healthcheck-required")?.waiver).toMatch(/^expired waiver \(2001-01-01\)/);
  });

  it("sarif validates against the official SARIF 2.1.0 schema", async () => {
    const sarif = JSON.parse(await render("sarif"));
    const schemaFile = join(require.resolve("@microsoft/jest-sarif/package.json"), "..", "lib", "schemas", "sarif-2.1.0-rtm.5.json");
    // The schema's language-tag pattern is not valid under the u flag; validate it as the schema's era did.
    const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
      JSON.parse(readFileSync(schemaFile, "utf8")),
    );
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain("no-root-user");
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    expect(run.results.filter((r: { suppressions?: unknown }) => r.suppressions)).toHaveLength(1);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    // GitHub code scanning: repository-relative URIs against %SRCROOT%, a line-independent fingerprint, help.
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toMatch(/^file:\/\/.*\/$/);
    for (const result of run.results) {
      expect(result.locations[0].physicalLocation.artifactLocation).toMatchObject({ uriBaseId: "%SRCROOT%" });
      expect(result.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^(file:|\/)/);
      expect(result.partialFingerprints["shipshape/v1"]).toContain(result.ruleId);
    }
    const rootUser = run.tool.driver.rules.find((r: { id: string }) => r.id === "no-root-user");
    expect(rootUser.helpUri).toMatch(/^https:\/\//);
    expect(rootUser.help.markdown).toContain("**kubernetes**");
  });

  it("junit is well-formed XML with failures, skips and errors counted", async () => {
    const xml = await render("junit");
    expect(XMLValidator.validate(xml)).toBe(true);
    const failures = Number(/<testsuites name="shipshape" tests="\d+" failures="(\d+)" errors="1">/.exec(xml)![1]);
    expect(failures).toBe((xml.match(/<failure /g) ?? []).length);
    expect(failures).toBeGreaterThan(0);
    expect(xml).toContain("<skipped>waived: writes /var/cache, OPS-7</skipped>");
    expect(xml).toMatch(/<error message="invalid JSON: [^"]*" type="PARSE_ERROR"\/>/);
  });

  // The common JUnit XSD (Jenkins' junit-4.xsd, from kubeconform's pinned module: make tools) with xmllint
  // (libxml2-utils, installed by .ci/run): what CI dashboards that validate their input accept.
  it.runIf(existsSync(JUNIT_XSD))("junit is valid against the common JUnit XSD", async () => {
    const file = join(tempDir("junit"), "report.xml");
    writeFileSync(file, await render("junit"));
    const lint = spawnSync("xmllint", ["--noout", "--schema", JUNIT_XSD, file], { encoding: "utf8" });
    expect(lint.stderr.trim()).toBe(`${file} validates`);
    expect(lint.status).toBe(0);
  });

  it("tap has a plan that matches its test points", async () => {
    const tap = await render("tap");
    const plan = Number(/^1\.\.(\d+)$/m.exec(tap)![1]);
    expect(tap.split("\n").filter((l) => /^(not )?ok \d+ /.test(l))).toHaveLength(plan);
    expect(tap).toMatch(/^ok \d+ - .* # SKIP waived: writes \/var\/cache, OPS-7$/m);
    expect(tap).toMatch(/^not ok \d+ - .*resource-limits.* # TODO warn$/m);
  });

  it("github writes workflow commands with file and line", async () => {
    const lines = (await render("github")).trim().split("\n");
    expect(lines).toContainEqual(
      expect.stringMatching(/^::error file=.*pod\.yaml,line=6,col=\d+,title=no-root-user \(high\)::container c of Pod\/p may run as root/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^::warning file=.*,title=resource-limits \(medium\)::/));
    // Commas are escaped in properties (title), not in the message.
    expect(lines).toContainEqual(
      expect.stringMatching(/^::notice .*title=read-only-rootfs \(waived\)::.* — waived: writes \/var\/cache, OPS-7$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=.*broken\.json,line=1,title=PARSE_ERROR::invalid JSON/));
  });

  it("text shows waivers, expired waivers and errors", async () => {
    const text = await render("text");
    expect(text).toContain("waived: writes /var/cache, OPS-7");
    expect(text).toContain("note: expired waiver (2001-01-01): old");
    expect(text).toMatch(/error .*broken\.json:1:\d+: invalid JSON/);
    expect(text).toContain("12 findings (4 deny, 7 warn, 1 waived) in 3 files, 2 documents; 1 error, 1 skipped");
  });
});

describe("escaping", () => {
  it("keeps XML well-formed and workflow commands on one line whatever a name holds", async () => {
    const hostile = tempDir("escape");
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: "a<b&\\"c"}\nspec:\n  containers:\n    - {name: "x,y:z\\n%", image: "a:1"}\n';
    writeFileSync(join(hostile, "pod.yaml"), pod);
    const junit = (await runCli(["check", "-f", "junit", hostile], { cwd: hostile })).stdout;
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toContain("Pod/a&lt;b&amp;&quot;c");
    const github = (await runCli(["check", "-f", "github", hostile], { cwd: hostile })).stdout.trim().split("\n");
    for (const line of github.slice(0, -1)) expect(line).toMatch(/^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,title=[^:]*::/);
    expect(github[0]).toContain("x,y:z\\n%25"); // the newline shown, not acted on
  });
});
