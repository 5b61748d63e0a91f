// A team's own rules (-p DIR): rules over the container model and plain conftest policies, compiled with the
// built-in ones by the pinned OPA (make tools), cached by content, prebuilt into a bundle for Node-only use.
import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Checker, readBundledArtifacts, type Finding, type Report } from "../../harness/src/node.js";
import { ROOT, tempDir } from "../helpers.js";
import { runCli } from "../cli/run-cli.js";

const OPA = join(ROOT, ".tools", "bin", "opa");
const EXAMPLE = join(ROOT, "examples", "custom-rules");
const POLICY = join(EXAMPLE, "policy");

/** An environment with its own cache and OPA named by SHIPSHAPE_OPA (not on PATH). */
function environment(opa = OPA): Record<string, string> {
  return { XDG_CACHE_HOME: tempDir("cache"), SHIPSHAPE_OPA: opa, PATH: "/usr/bin:/bin" };
}

const own = (findings: Finding[]) =>
  findings
    .filter((f) => f.rule === "registry-mirror" || f.rule.includes("/"))
    .map((f) => `${f.file.split("/").pop()}:${f.line}:${f.column} ${f.rule} ${f.waived ? "waived" : f.level} ${f.message}`);

const EXPECTED = [
  "app.yaml:4:3 main/deny deny Deployment/web has no owner label",
  'app.yaml:10:11 registry-mirror deny container app of Deployment/web pulls "nginx:1.27.3" from outside the mirror mirror.example.com',
  "app.yaml:15:3 main/deny_nodeport deny Service edge is of type NodePort",
  "app.yaml:24:3 main/deny_nodeport waived Service debug is of type NodePort",
  'compose.yaml:5:5 registry-mirror deny service worker pulls "python:3.13-slim" from outside the mirror mirror.example.com',
];

async function checkExample(args: string[], env: Record<string, string>): Promise<Report> {
  const run = await runCli(["check", "--no-config", "-f", "json", ...args, join(EXAMPLE, "inputs")], { env });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(1);
  return JSON.parse(run.stdout) as Report;
}

describe("custom rules (-p)", () => {
  // One cache for the tests that are not about caching: the example is compiled once for them (about 1 s each).
  const shared = environment();

  it("runs model rules and conftest-style rules with the built-in ones, located, in every shape", async () => {
    const report = await checkExample(["-p", POLICY], shared);
    expect(own(report.findings)).toEqual(EXPECTED);
    // The built-in rules still run beside them.
    expect(report.findings.some((f) => f.rule === "no-root-user")).toBe(true);
    expect(report.findings.find((f) => f.rule === "main/deny_nodeport" && f.waived)?.waiver).toMatch(/conftest exception.*nodeport/);
  });

  it("compiles once: a second run takes the cached bundle and needs no OPA", async () => {
    const env = environment();
    await checkExample(["-p", POLICY], env);
    expect(readdirSync(join(env.XDG_CACHE_HOME!, "shipshape", "bundles"))).toHaveLength(1);
    const report = await checkExample(["-p", POLICY], { ...env, SHIPSHAPE_OPA: "/nonexistent/opa" });
    expect(own(report.findings)).toEqual(EXPECTED);
  });

  it("takes policies, rule parameters and namespaces from .shipshape.yaml", async () => {
    const dir = tempDir("custom-config", {
      ".shipshape.yaml": ["policies: [policy]", "rules:", "  registry-mirror:", "    params: {prefix: docker.io}", ""].join("\n"),
      "app.yaml": readFileSync(join(EXAMPLE, "inputs", "app.yaml"), "utf8"),
    });
    cpSync(POLICY, join(dir, "policy"), { recursive: true });
    const env = environment();
    const run = await runCli(["check", "-f", "json", "app.yaml"], { cwd: dir, env });
    const report = JSON.parse(run.stdout) as Report;
    expect(own(report.findings).filter((f) => f.includes("registry-mirror"))).toEqual([
      'app.yaml:10:11 registry-mirror deny container app of Deployment/web pulls "nginx:1.27.3" from outside the mirror docker.io',
    ]);
    // Another namespace only: main's rules do not run.
    const other = await runCli(["check", "-f", "json", "--namespace", "lib.*", "app.yaml"], { cwd: dir, env });
    expect(own((JSON.parse(other.stdout) as Report).findings).filter((f) => f.includes("main/"))).toEqual([]);
  });

  it("lists and explains the team's rules with the built-in ones", async () => {
    const env = shared;
    const listed = JSON.parse((await runCli(["rules", "-f", "json", "-p", POLICY], { env })).stdout) as Array<{
      id: string;
      origin?: string;
    }>;
    expect(listed.filter((r) => r.origin)).toEqual([
      expect.objectContaining({ id: "main/deny", origin: "conftest" }),
      expect.objectContaining({ id: "main/deny_nodeport", origin: "conftest" }),
      expect.objectContaining({ id: "registry-mirror", origin: "custom" }),
    ]);
    expect(listed.length).toBe(readBundledArtifacts().catalog.rules.length + 3);
    const explained = await runCli(["explain", "registry-mirror", "-p", POLICY], { env });
    expect(explained.stdout).toContain(
      "severity high, default level deny; profile baseline; judges kubernetes, compose, docker, dockerfile; custom rule",
    );
    expect(explained.stdout).toContain("Parameter prefix: The mirror's registry/path prefix");
  });

  it("prebuilds a bundle that check and the library run with neither Go nor OPA", async () => {
    const dir = tempDir("bundle");
    const built = await runCli(["build", "-p", POLICY, "-o", join(dir, "team.bundle")], { env: shared });
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/team\.bundle: \d+ rules \(1 custom, 2 conftest-style\), sha256 [0-9a-f]{12}/);
    const report = await checkExample(["--bundle", join(dir, "team.bundle")], environment("/nonexistent/opa"));
    expect(own(report.findings)).toEqual(EXPECTED);

    const checker = await Checker.create({ bundle: readFileSync(join(dir, "team.bundle")), shell: readBundledArtifacts().shell });
    const file = join(EXAMPLE, "inputs", "app.yaml");
    expect(own(checker.checkText(readFileSync(file, "utf8"), file).findings)).toEqual(EXPECTED.filter((e) => e.startsWith("app.yaml")));
  });
});

describe("custom rules: mistakes are one located, actionable error (exit 2)", () => {
  const RULE_HEAD = [
    "# METADATA",
    "# title: Team rule",
    "# custom:",
    "#   id: team-rule",
    "#   severity: low",
    "#   level: warn",
    "#   remediation:",
    "#     kubernetes: Do the right thing.",
    "package shipshape.rules.team_rule",
    "",
  ].join("\n");

  async function failure(files: Record<string, string>, env = environment()) {
    const dir = tempDir("bad-rules", files);
    const run = await runCli(["check", "--no-config", "-p", dir, join(EXAMPLE, "inputs", "app.yaml")], { env });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    return { dir, message: run.stderr };
  }

  it("a syntax error names the file and line", async () => {
    const { dir, message } = await failure({ "rule.rego": `${RULE_HEAD}findings := [x | x := ]\n` });
    expect(message).toContain(`${join(dir, "rule.rego")}:10: rego_parse_error`);
  });

  it("a builtin the WASM runtime lacks is a compile error, not a runtime surprise", async () => {
    const { dir, message } = await failure({
      "rule.rego": `${RULE_HEAD}findings := [x | x := http.send({"method": "get", "url": "https://example.com"})]\n`,
    });
    expect(message).toMatch(new RegExp(`${join(dir, "rule.rego")}:10: rego_type_error: undefined function http.send`));
  });

  it("a rule package without METADATA, an incomplete one and a built-in id are refused", async () => {
    expect((await failure({ "a.rego": "package shipshape.rules.bare\n\nfindings := []\n" })).message).toMatch(
      /a\.rego: package shipshape\.rules\.bare has no METADATA with custom\.id/,
    );
    expect((await failure({ "a.rego": RULE_HEAD.replace("#   severity: low\n", "") + "findings := []\n" })).message).toMatch(
      /a\.rego:\d+ \(team-rule\): severity must be one of critical, high, medium, low/,
    );
    const collision = RULE_HEAD.replace(/team-rule/g, "no-root-user").replace("team_rule", "no_root_user");
    expect((await failure({ "a.rego": `${collision}findings := []\n` })).message).toMatch(
      /a\.rego:1: package shipshape\.rules\.no_root_user is the built-in rule no-root-user's: choose another id/,
    );
  });

  it("without OPA it says how to get it, or to use a prebuilt bundle", async () => {
    const { message } = await failure({ "a.rego": `${RULE_HEAD}findings := []\n` }, { ...environment(), SHIPSHAPE_OPA: "" });
    expect(message).toMatch(/compiled with OPA, which was not found: install it .*--opa PATH or SHIPSHAPE_OPA.*--bundle/);
  });
});
