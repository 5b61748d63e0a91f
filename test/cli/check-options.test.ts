import { pathToFileURL } from "node:url";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { readBundledArtifacts } from "../../harness/src/node.js";
import { runCli } from "./run-cli.js";
import { tempDir } from "../helpers.js";

const json = async (argv: string[], options: Parameters<typeof runCli>[1] = {}) => {
  const { code, stdout, stderr } = await runCli(["check", "-f", "json", ...argv], options);
  return { code, stderr, report: stdout ? (JSON.parse(stdout) as Report) : undefined };
};

const pod = (name: string, annotations = "") =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${annotations}spec:\n  containers:\n    - name: c\n      image: a:1\n`;

describe("configuration on the command line", () => {
  it("finds .shipshape.yaml upward from the working directory and resolves globs from its directory", async () => {
    const dir = tempDir("opts", {
      ".shipshape.yaml": "ignore: ['vendor/**']\nrules:\n  healthcheck-required: {enabled: false}\n",
      "deploy/web.yaml": pod("web"),
      "vendor/x.yaml": pod("vendored"),
    });
    const { report } = await json(["."], { cwd: join(dir, "deploy") });
    expect(report!.summary.files).toBe(1);
    expect(report!.findings.some((f) => f.rule === "healthcheck-required")).toBe(false);
    const all = await json([dir], { cwd: join(dir, "deploy") });
    expect(new Set(all.report!.findings.map((f) => f.object))).toEqual(new Set(["Pod/web"]));
  });

  it("--config names the file; --no-config ignores it", async () => {
    const dir = tempDir("opts", { "custom.yaml": "rules:\n  no-root-user: {enabled: false}\n", "pod.yaml": pod("p") });
    const withConfig = await json(["--config", join(dir, "custom.yaml"), join(dir, "pod.yaml")], { cwd: dir });
    expect(withConfig.report!.findings.some((f) => f.rule === "no-root-user")).toBe(false);
    const dirWithDefault = tempDir("opts", { ".shipshape.yaml": "rules:\n  no-root-user: {enabled: false}\n", "pod.yaml": pod("p") });
    const without = await json(["--no-config", "pod.yaml"], { cwd: dirWithDefault });
    expect(without.report!.findings.some((f) => f.rule === "no-root-user")).toBe(true);
  });

  it("an invalid configuration is exit 2 with file and line", async () => {
    const dir = tempDir("opts", { ".shipshape.yaml": "rules:\n  no-root-user:\n    level: loud\n", "pod.yaml": pod("p") });
    const { code, stderr, report } = await json(["pod.yaml"], { cwd: dir });
    expect(code).toBe(2);
    expect(report).toBeUndefined();
    expect(stderr).toContain(
      `${join(dir, ".shipshape.yaml")}:3: invalid configuration: rules.no-root-user.level must be one of deny, warn`,
    );
  });

  it("honours an in-place waiver with a reason, and --no-inline-waivers ignores it", async () => {
    const annotations =
      '  annotations:\n    shipshape.dev/waive: no-root-user\n    shipshape.dev/waive-reason: "needs CAP_NET_BIND, OPS-9"\n';
    const dir = tempDir("opts", { "pod.yaml": pod("p", annotations) });
    const honoured = await json(["pod.yaml"], { cwd: dir });
    expect(honoured.report!.findings.find((f) => f.rule === "no-root-user")).toMatchObject({
      waived: true,
      waiver: "needs CAP_NET_BIND, OPS-9",
    });
    expect(honoured.report!.summary.waived).toBe(1);
    const ignored = await json(["--no-inline-waivers", "pod.yaml"], { cwd: dir });
    expect(ignored.report!.findings.find((f) => f.rule === "no-root-user")).toMatchObject({ waived: false });
  });

  it("--fail-level warn and config levels decide the exit code", async () => {
    const { catalog } = readBundledArtifacts();
    const dir = tempDir("opts", {
      ".shipshape.yaml": "rules:\n" + catalog.rules.map((r) => `  ${r.id}: {level: warn}`).join("\n") + "\n",
      "pod.yaml": pod("p"),
    });
    expect((await runCli(["check", "pod.yaml"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["check", "--fail-level", "warn", "pod.yaml"], { cwd: dir })).code).toBe(1);
  });

  it("--profile baseline runs the baseline rules only, and the report names the rules that did not run", async () => {
    const { catalog } = readBundledArtifacts();
    const baseline = catalog.rules.filter((r) => r.profile === "baseline").map((r) => r.id);
    const hostile = `${pod("p")}      securityContext: {privileged: true}\n`;
    const dir = tempDir("opts", { "pod.yaml": hostile });
    const restricted = await json(["--no-config", "pod.yaml"], { cwd: dir });
    expect(restricted.report!.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(["no-privileged", "image-digest-pinned", "no-root-user"]),
    );
    expect(restricted.report!.disabledRules).toEqual([]);
    const only = await json(["--no-config", "--profile", "baseline", "pod.yaml"], { cwd: dir });
    expect([...new Set(only.report!.findings.map((f) => f.rule))]).toEqual(["no-privileged"]);
    expect(only.report!.disabledRules).toEqual(catalog.rules.map((r) => r.id).filter((id) => !baseline.includes(id)));
    // From the configuration too; a rule enabled by name runs whatever the profile.
    writeFileSync(join(dir, ".shipshape.yaml"), "profile: baseline\nrules:\n  no-root-user: {enabled: true}\n");
    const configured = await json(["pod.yaml"], { cwd: dir });
    expect([...new Set(configured.report!.findings.map((f) => f.rule))].sort()).toEqual(["no-privileged", "no-root-user"]);
    writeFileSync(join(dir, ".shipshape.yaml"), "profile: strict\n");
    const invalid = await runCli(["check", "pod.yaml"], { cwd: dir });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/\.shipshape\.yaml:1: invalid configuration/);
    expect((await runCli(["check", "--no-config", "--profile", "strict", "pod.yaml"], { cwd: dir })).code).toBe(2);
  });
});

describe("--severity and --color", () => {
  it("--severity drops findings below it from the report and the exit code; colour follows --color and FORCE_COLOR", async () => {
    const dir = tempDir("opts", { "pod.yaml": pod("p") });
    const all = await json(["--no-config", "pod.yaml"], { cwd: dir });
    const high = await json(["--no-config", "--severity", "high", "pod.yaml"], { cwd: dir });
    expect(high.report!.findings.length).toBeGreaterThan(0);
    expect(high.report!.findings.length).toBeLessThan(all.report!.findings.length);
    expect(high.report!.findings.every((f) => ["high", "critical"].includes(f.severity))).toBe(true);
    expect((await runCli(["check", "--no-config", "--severity", "severe", "pod.yaml"], { cwd: dir })).code).toBe(2);
    const painted = (args: string[], env: Record<string, string> = {}) =>
      runCli(["check", "--no-config", ...args, "pod.yaml"], { cwd: dir, env }).then((r) => r.stdout.includes("\u001b["));
    expect(await painted([])).toBe(false); // not a terminal
    expect(await painted(["--color", "always"])).toBe(true);
    expect(await painted([], { FORCE_COLOR: "1" })).toBe(true);
    expect(await painted(["--color", "never"], { FORCE_COLOR: "1" })).toBe(false);
    expect(await painted([], { FORCE_COLOR: "0" })).toBe(false);
  });
});

describe("configuration per path (monorepos)", () => {
  it("each path takes the nearest .shipshape.yaml upward from itself; --print-config says which", async () => {
    const dir = tempDir("opts", {
      ".shipshape.yaml": "rules:\n  healthcheck-required: {enabled: false}\n",
      "root.yaml": pod("r"),
      "sub/project/.shipshape.yaml": "profile: baseline\n",
      "sub/project/deploy/pod.yaml": `${pod("s")}      securityContext: {privileged: true}\n`,
    });
    const { report } = await json(["root.yaml", "sub/project"], { cwd: dir });
    const rules = (file: string) => new Set(report!.findings.filter((f) => f.file === file).map((f) => f.rule));
    expect(rules("root.yaml").has("healthcheck-required")).toBe(false);
    expect(rules("root.yaml").has("resource-limits")).toBe(true);
    expect(rules(join("sub", "project", "deploy", "pod.yaml"))).toEqual(new Set(["no-privileged"])); // baseline profile
    // --config names one file for every path, as before.
    const forced = await json(["--config", ".shipshape.yaml", "sub/project"], { cwd: dir });
    expect(new Set(forced.report!.findings.map((f) => f.rule)).has("resource-limits")).toBe(true);
    const shown = await runCli(["check", "--print-config", "sub/project/deploy/pod.yaml"], { cwd: dir });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`config: ${join(dir, "sub", "project", ".shipshape.yaml")}`);
    expect(shown.stdout).toContain("profile: baseline");
  });

  it("inside a walk, each file takes the nearest .shipshape.yaml upward from itself, its ignore globs included", async () => {
    const dir = tempDir("opts", {
      ".shipshape.yaml": "rules:\n  healthcheck-required: {enabled: false}\n",
      "a.yaml": pod("a"),
      "team/.shipshape.yaml": "profile: baseline\nignore: ['generated/**']\n",
      "team/b.yaml": `${pod("b")}      securityContext: {privileged: true}\n`,
      "team/generated/c.yaml": pod("c"),
      "z.yaml": pod("z"),
    });
    for (const jobs of ["1", "2"]) {
      const { report } = await json(["-j", jobs, "."], { cwd: dir });
      const rules = (file: string) => new Set(report!.findings.filter((f) => f.file === file).map((f) => f.rule));
      expect(rules("a.yaml").has("resource-limits")).toBe(true);
      expect(rules("a.yaml").has("healthcheck-required")).toBe(false);
      expect(rules(join("team", "b.yaml"))).toEqual(new Set(["no-privileged"])); // the team's baseline profile
      expect(report!.ignored).toEqual([join("team", "generated", "c.yaml")]); // the team's ignore, from the team's directory
      expect(report!.summary.files).toBe(3);
    }
    // Every file of the walk under one nested configuration (none at the walk's root): that one, not the root's.
    const only = tempDir("opts", {
      "x/team/.shipshape.yaml": "profile: baseline\n",
      "x/team/b.yaml": `${pod("b")}      securityContext: {privileged: true}\n`,
    });
    const nested = await json(["--no-config", "x"], { cwd: only });
    expect(new Set(nested.report!.findings.map((f) => f.rule)).has("resource-limits")).toBe(true); // --no-config: none at all
    const discovered = await json(["x"], { cwd: only });
    expect(new Set(discovered.report!.findings.map((f) => f.rule))).toEqual(new Set(["no-privileged"]));
    // --config (or --no-config) is one configuration for every file, nested ones aside.
    const forced = await json(["--config", ".shipshape.yaml", "."], { cwd: dir });
    expect(
      new Set(forced.report!.findings.filter((f) => f.file === join("team", "b.yaml")).map((f) => f.rule)).has("resource-limits"),
    ).toBe(true);
  });
});

describe("--write-baseline and --baseline", () => {
  it("records today's findings, then fails only on new ones, whatever moved in the file", async () => {
    const dir = tempDir("opts", { "deploy/pod.yaml": pod("p"), "ci/.keep": "" });
    const written = await runCli(["check", "--no-config", "--write-baseline", "ci/baseline.json", "deploy"], { cwd: dir });
    expect(written.code).toBe(1);
    const baseline = JSON.parse(readFileSync(join(dir, "ci", "baseline.json"), "utf8")) as {
      version: number;
      findings: Array<{ file: string }>;
    };
    expect(baseline.version).toBe(1);
    expect(new Set(baseline.findings.map((f) => f.file))).toEqual(new Set(["../deploy/pod.yaml"]));
    // Lines moved (a comment on top): every finding is still the baselined one, and the run passes.
    writeFileSync(join(dir, "deploy", "pod.yaml"), `# moved down\n# two lines\n${pod("p")}`);
    const same = await json(["--no-config", "--baseline", "ci/baseline.json", "deploy"], { cwd: dir });
    expect(same.code).toBe(0);
    expect(same.report!.findings.every((f) => f.baselined === true && f.waived)).toBe(true);
    expect(same.report!.findings[0]!.waiver).toBe("in the baseline ci/baseline.json");
    // From another working directory, the same baseline applies.
    expect((await json(["--no-config", "--baseline", "baseline.json", "../deploy"], { cwd: join(dir, "ci") })).code).toBe(0);
    // Something new fails, and only it.
    writeFileSync(join(dir, "deploy", "pod.yaml"), `${pod("p")}      securityContext: {privileged: true}\n`);
    const grown = await json(["--no-config", "--baseline", "ci/baseline.json", "deploy"], { cwd: dir });
    expect(grown.code).toBe(1);
    expect(grown.report!.findings.filter((f) => !f.waived).map((f) => f.rule)).toContain("no-privileged");
    writeFileSync(join(dir, "bad.json"), '{"findings": 1}');
    const bad = await runCli(["check", "--no-config", "--baseline", "bad.json", "deploy"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--baseline bad.json: not a shipshape baseline");
  });
});

describe("--sarif-base", () => {
  it("writes paths relative to the source root, and paths outside it as given", async () => {
    const dir = tempDir("opts", { "repo/deploy/pod.yaml": pod("p"), "elsewhere/pod.yaml": pod("q") });
    const run = async (args: string[]) => {
      const { stdout } = await runCli(["check", "--no-config", "-f", "sarif", ...args], { cwd: dir });
      const sarif = JSON.parse(stdout) as {
        runs: Array<{
          originalUriBaseIds?: Record<string, { uri: string }>;
          results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }>;
        }>;
      };
      return {
        run: sarif.runs[0]!,
        uris: [...new Set(sarif.runs[0]!.results.map((r) => JSON.stringify(r.locations[0]!.physicalLocation.artifactLocation)))].map(
          (u) => JSON.parse(u) as unknown,
        ),
      };
    };
    const based = await run(["--sarif-base", "repo", "repo/deploy/pod.yaml", "elsewhere/pod.yaml"]);
    expect(based.run.originalUriBaseIds!["%SRCROOT%"]!.uri).toBe(`${pathToFileURL(join(dir, "repo")).href}/`);
    expect(based.uris).toHaveLength(2);
    expect(based.uris).toEqual(expect.arrayContaining([{ uri: "deploy/pod.yaml", uriBaseId: "%SRCROOT%" }, { uri: "elsewhere/pod.yaml" }]));
  });
});

describe("--image-config", () => {
  it("judges a Compose service that sets no user or health check by its image's inspect output", async () => {
    const compose = "services:\n  web:\n    image: nginx:1.27\n  api:\n    image: registry.example.com/api:2.0\n";
    const images = JSON.stringify([
      { Id: "sha256:aa", RepoTags: ["nginx:1.27"], Config: { User: "", Healthcheck: { Test: ["CMD", "true"] } } },
      { Id: "sha256:bb", RepoTags: ["registry.example.com/api:2.0"], Config: { User: "10001" } },
    ]);
    const dir = tempDir("opts", { "compose.yaml": compose, "images.json": images, "bad.json": "services: {}" });
    const verdicts = (r: Awaited<ReturnType<typeof json>>) =>
      r
        .report!.findings.filter((f) => ["no-root-user", "healthcheck-required"].includes(f.rule))
        .map((f) => `${f.object} ${f.rule}`)
        .sort();
    expect(verdicts(await json(["--no-config", "compose.yaml"], { cwd: dir }))).toEqual([
      "service api healthcheck-required",
      "service api no-root-user",
      "service web healthcheck-required",
      "service web no-root-user",
    ]);
    const known = await json(["--no-config", "--image-config", "images.json", "compose.yaml"], { cwd: dir });
    expect(verdicts(known)).toEqual(["service api healthcheck-required", "service web no-root-user"]);
    expect(known.report!.findings.find((f) => f.rule === "no-root-user")!.message).toContain("its image nginx:1.27 runs as root");
    const bad = await runCli(["check", "--no-config", "--image-config", "bad.json", "compose.yaml"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--image-config bad.json: not JSON");
    expect(bad.stderr).not.toContain("services");
  });
});

describe("inputs on the command line", () => {
  it("expands globs the shell did not", async () => {
    const dir = tempDir("opts", { "a/one.yaml": pod("one"), "b/two.yml": pod("two"), "b/skip.txt": "x" });
    const { report } = await json(["**/*.{yaml,yml}"], { cwd: dir });
    expect(report!.summary.files).toBe(2);
    const none = await json(["nothing/**/*.yaml"], { cwd: dir });
    expect(none.report!.errors).toEqual([{ file: "nothing/**/*.yaml", code: "INPUT_ERROR", message: "no files match this pattern" }]);
  });

  it("--input-type reads every document as the given shape", async () => {
    const dir = tempDir("opts", { "odd.yaml": "apiVersion: x\nkind: Thing\nservices:\n  web: {image: nginx}\n" });
    const detected = await json(["odd.yaml"], { cwd: dir });
    expect(detected.report!.findings).toEqual([]);
    const forced = await json(["--input-type", "compose", "odd.yaml"], { cwd: dir });
    expect(forced.report!.findings.map((f) => f.object)).toContain("service web");
    expect((await runCli(["check", "--input-type", "helm", "odd.yaml"], { cwd: dir })).code).toBe(2);
  });

  it("--output writes the report to a file", async () => {
    const dir = tempDir("opts", { "pod.yaml": pod("p") });
    const { code, stdout } = await runCli(["check", "-f", "sarif", "-o", "out.sarif", "pod.yaml"], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")).version).toBe("2.1.0");
  });

  it("resolves extends within a Compose file", async () => {
    const compose = [
      "services:",
      "  base:",
      "    image: app:1.0.0",
      "    user: '10001'",
      "    read_only: true",
      "  web:",
      "    extends: {service: base}",
      "    read_only: false",
    ].join("\n");
    const dir = tempDir("opts", { "compose.yaml": compose });
    const { report } = await json(["compose.yaml"], { cwd: dir });
    const web = report!.findings.filter((f) => f.object === "service web").map((f) => f.rule);
    expect(web).toContain("read-only-rootfs");
    expect(web).not.toContain("no-root-user");
    expect(web).not.toContain("no-latest-tag");
  });
});

describe("check --docker", () => {
  const inspect = (name: string, user: string) =>
    JSON.stringify([{ Id: "abc", Name: `/${name}`, Config: { User: user, Image: "nginx:1.27.3" }, HostConfig: { Memory: 0 } }], null, 4);

  function fakeDocker(script: string): Record<string, string> {
    const bin = tempDir("docker");
    writeFileSync(join(bin, "docker"), `#!/bin/sh\n${script}\n`);
    chmodSync(join(bin, "docker"), 0o755);
    writeFileSync(join(bin, "web.json"), inspect("web", ""));
    writeFileSync(join(bin, "api.json"), inspect("api", "10001"));
    return { PATH: `${bin}${delimiter}${process.env.PATH}`, FAKE: bin };
  }

  const script = [
    'case "$1" in',
    '  ps) printf "web\\napi\\n" ;;',
    '  inspect) if [ -f "$FAKE/$2.json" ]; then cat "$FAKE/$2.json"; else echo "Error: No such object: $2" >&2; exit 1; fi ;;',
    "esac",
  ].join("\n");

  it("inspects every running container when none is named", async () => {
    const { code, report } = await json(["--docker"], { env: fakeDocker(script) });
    expect(code).toBe(1);
    expect(report!.summary.files).toBe(2);
    const root = report!.findings.filter((f) => f.rule === "no-root-user");
    expect(root).toEqual([expect.objectContaining({ file: "docker inspect web", object: "container /web", line: 6 })]);
  });

  it("names a container docker does not know as an error, exit 2", async () => {
    const { code, report } = await json(["--docker", "api", "ghost"], { env: fakeDocker(script) });
    expect(code).toBe(2);
    expect(report!.errors).toEqual([
      { file: "docker inspect ghost", code: "INPUT_ERROR", message: "docker inspect failed: Error: No such object: ghost" },
    ]);
    expect(report!.findings.every((f) => f.file === "docker inspect api")).toBe(true);
  });

  it("says so when the daemon does not answer", async () => {
    const env = fakeDocker('echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock." >&2; exit 1');
    const { code, report } = await json(["--docker"], { env });
    expect(code).toBe(2);
    expect(report!.errors[0]!.message).toContain("Cannot connect to the Docker daemon");
  });
});

describe("shipshape explain", () => {
  it("prints the description, the fix per shape and examples", async () => {
    const { code, stdout } = await runCli(["explain", "no-root-user"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^no-root-user: Containers must not run as root\nseverity high, default level deny/);
    for (const shape of ["kubernetes", "compose", "docker"]) expect(stdout).toContain(`How to fix (${shape}):`);
    expect(stdout).toContain("Violating (inputs/kubernetes/bad/no-root-user.yaml):");
    expect(stdout).toContain("Fixed (inputs/kubernetes/good/deployment.yaml):");
  });

  it("lists the rules when the id is unknown", async () => {
    const { code, stderr } = await runCli(["explain", "no-such-rule"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown rule "no-such-rule"; rules: builder-pattern, clean-package-cache, drop-all-capabilities, /);
  });
});
