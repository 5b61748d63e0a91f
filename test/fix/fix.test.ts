// shipshape fix: the safe fixes, edited in place. Over every violating sample: the fixed findings go, none
// comes, every comment line stays, fixing again changes nothing; on random Deployments: idempotent, and every
// value the fixers do not own is as it was; what is refused, and why; the command's diff, --write and exit codes.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parseAllDocuments, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { Checker } from "../../harness/src/index.js";
import type { Finding } from "../../harness/src/report/finding.js";
import { FIX_EDITS, FIXERS } from "../../harness/src/fix/fixers.js";
import { DOCKERFILE_FIX_EDITS, DOCKERFILE_FIXERS } from "../../harness/src/fix/dockerfile-fixers.js";
import { INPUTS, samplesChecker, tempDir } from "../helpers.js";
import { runCli } from "../cli/run-cli.js";

let checker: Checker;
beforeAll(async () => {
  checker = await samplesChecker();
});

const key = (f: Finding) => [f.rule, f.object, f.container ?? "", f.path].join(" ");
const keys = (findings: Finding[]) =>
  findings
    .filter((f) => !f.waived)
    .map(key)
    .sort();
const comments = (text: string) => text.split("\n").filter((line) => line.trim().startsWith("#"));
const badSamples = (shape: string) =>
  readdirSync(join(INPUTS, shape, "bad"))
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".Dockerfile"))
    .map((f) => join(INPUTS, shape, "bad", f));

describe("fixing every violating sample", () => {
  it.each(["kubernetes", "compose", "dockerfile"].flatMap(badSamples))(
    "%s: fixed findings go, none comes, comments stay, again changes nothing",
    (file) => {
      const text = readFileSync(file, "utf8");
      const before = checker.checkText(text, file);
      const fixed = checker.fix(text, file);
      const after = checker.checkText(fixed.text, file);
      expect(after.errors).toEqual([]);
      // Of each kind (several findings can share one: a stage's commands), as many as before less the fixed ones.
      const count = (list: string[], k: string) => list.filter((x) => x === k).length;
      const was = keys(before.findings);
      const now = keys(after.findings);
      const fixedKeys = fixed.applied.map(({ finding }) => key(finding));
      for (const k of new Set([...now, ...fixedKeys])) expect(count(now, k), k).toBe(count(was, k) - count(fixedKeys, k));
      expect(comments(fixed.text)).toEqual(comments(text));
      expect(after.documents).toBe(before.documents);
      const again = checker.fix(fixed.text, file);
      expect(again.text).toBe(fixed.text);
      expect(again.applied).toEqual([]);
    },
  );

  it("fixes a violating sample of every rule that has a fixer", () => {
    const fixers = [...Object.entries(FIXERS), ...Object.keys(DOCKERFILE_FIXERS).map((rule) => [rule, { dockerfile: true }] as const)];
    for (const [rule, shapes] of fixers) {
      for (const shape of Object.keys(shapes)) {
        // The samples named after the rule; one that asks for the violation outright (runAsUser: 0) is refused.
        const fixedOnes = badSamples(shape)
          .filter((file) => file.endsWith(`/${rule}.yaml`) || file.endsWith(`/${rule}.Dockerfile`) || file.includes(`/${rule}-`))
          .filter((file) => checker.fix(readFileSync(file, "utf8"), file, { rules: [rule] }).applied.some((a) => a.finding.rule === rule));
        expect(fixedOnes.length, `${shape} ${rule}`).toBeGreaterThan(0);
      }
    }
  });
});

describe("the fixers' descriptions", () => {
  it("describe every fixer, and only fixers", () => {
    const shapesOf = (table: Record<string, object>) =>
      Object.entries(table).flatMap(([rule, shapes]) => Object.keys(shapes).map((s) => `${rule}/${s}`));
    expect(shapesOf(FIX_EDITS).sort()).toEqual(shapesOf(FIXERS).sort());
    expect(Object.keys(DOCKERFILE_FIX_EDITS).sort()).toEqual(Object.keys(DOCKERFILE_FIXERS).sort());
  });
});

describe("fix on random Deployments", () => {
  const securityContext = fc.record(
    {
      privileged: fc.boolean(),
      allowPrivilegeEscalation: fc.boolean(),
      readOnlyRootFilesystem: fc.boolean(),
      runAsUser: fc.integer({ min: 1, max: 65535 }),
      capabilities: fc.record({ drop: fc.constantFrom(["ALL"], ["NET_RAW"], []) }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  );
  const container = fc.record({
    name: fc.constantFrom("app", "sidecar", "web"),
    image: fc.constantFrom("nginx:1.27", "registry.example.com/app:1.0"),
    securityContext: fc.option(securityContext, { nil: undefined }),
    env: fc.option(fc.constant([{ name: "MODE", value: "prod" }]), { nil: undefined }),
  });
  const deployment = fc.record({
    containers: fc.uniqueArray(container, { minLength: 1, maxLength: 3, selector: (c) => c.name }),
    podContext: fc.option(fc.record({ runAsNonRoot: fc.boolean(), fsGroup: fc.integer({ min: 1, max: 9999 }) }, { requiredKeys: [] }), {
      nil: undefined,
    }),
    indentSeq: fc.boolean(),
    comment: fc.boolean(),
  });

  /** Every leaf of a value, as a path and its value. */
  const leaves = (value: unknown, path: string[] = []): Array<[string, unknown]> =>
    value !== null && typeof value === "object"
      ? Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))
      : [[path.join("."), value]];
  // What the fixers may touch: securityContext (container and pod), volumes and volumeMounts.
  const owned = (path: string) => /(^|\.)(securityContext|volumes|volumeMounts)(\.|$)/.test(path);

  it("is idempotent, and keeps every value it does not own", () => {
    fc.assert(
      fc.property(deployment, ({ containers, podContext, indentSeq, comment }) => {
        const object = {
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { name: "web", labels: { app: "web" } },
          spec: {
            replicas: 2,
            template: {
              metadata: { labels: { app: "web" } },
              spec: {
                ...(podContext && { securityContext: podContext }),
                containers: containers.map((c) => JSON.parse(JSON.stringify(c)) as object),
              },
            },
          },
        };
        const text = `${comment ? "# the web tier\n" : ""}${stringify(object, { indentSeq })}`;
        const once = checker.fix(text, "deploy.yaml");
        const twice = checker.fix(once.text, "deploy.yaml");
        expect(twice.text).toBe(once.text);
        expect(twice.applied).toEqual([]);
        const before = new Map(leaves(parseAllDocuments(text).map((d) => d.toJS() as unknown)));
        const after = new Map(leaves(parseAllDocuments(once.text).map((d) => d.toJS() as unknown)));
        for (const [path, value] of before) if (!owned(path)) expect(after.get(path), path).toEqual(value);
        for (const path of after.keys()) if (!owned(path)) expect(before.has(path), path).toBe(true);
        if (comment) expect(once.text.startsWith("# the web tier\n")).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("Dockerfile fixes", () => {
  it("exec form for a plain command, --no-cache for apk, --no-cache-dir for pip; line for line", () => {
    const text = "# build\nFROM alpine:3.20\nRUN apk add curl\nRUN pip3 install flask\nUSER 10001\nCMD python -m app --port=8080\n";
    const fixed = checker.fix(text, "Dockerfile", { rules: ["exec-form-entrypoint", "clean-package-cache"] });
    expect(fixed.text).toBe(
      '# build\nFROM alpine:3.20\nRUN apk add --no-cache curl\nRUN pip3 install --no-cache-dir flask\nUSER 10001\nCMD ["python", "-m", "app", "--port=8080"]\n',
    );
    expect(fixed.skipped).toEqual([]);
  });

  it.each([
    ["shell syntax", "CMD node server.js && echo done"],
    ["an expansion", "CMD node $APP"],
    ["a variable for the command", "CMD NODE_ENV=production node server.js"],
    ["a continued line", "CMD node \\\n  server.js"],
  ])("leaves a shell-form command with %s", (_, cmd) => {
    const text = `FROM alpine:3.20\nUSER 10001\n${cmd}\n`;
    const fixed = checker.fix(text, "Dockerfile", { rules: ["exec-form-entrypoint"] });
    expect(fixed.text).toBe(text);
    expect(fixed.skipped).toHaveLength(1);
  });

  it("leaves apt's lists for a person", () => {
    const text = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nUSER 10001\n";
    expect(checker.fix(text, "Dockerfile", { rules: ["clean-package-cache"] }).skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/apt's lists/),
    ]);
  });
});

describe("what fix leaves alone, and why", () => {
  it("a service defined through an anchor and merge key: fixed where it is written, or not at all", () => {
    const text = ["x-base: &base", "  image: nginx:1.27", "  privileged: true", "services:", "  web:", "    <<: *base", ""].join("\n");
    const fixed = checker.fix(text, "compose.yaml", { rules: ["no-privileged"] });
    expect(fixed.text).toBe(text);
    expect(fixed.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/anchor|merge key/)]);
  });

  it("a container that asks for root itself, and a file with errors", () => {
    const root =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: a:1\n      securityContext: {runAsUser: 0}\n";
    const fixed = checker.fix(root, "pod.yaml", { rules: ["no-root-user"] });
    expect(fixed.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/asks for root itself/)]);
    const broken = `${root}  bad: [\n`;
    expect(checker.fix(broken, "pod.yaml").applied).toEqual([]);
  });

  it("keeps what the printer would reformat: aligned comments, quoting, flow style", () => {
    const text = [
      "services:",
      "  web:",
      "    image: 'nginx:1.27'      # aligned",
      '    ports: [ "8080:80" ]    # padded flow',
      "    privileged: true",
      "",
    ].join("\n");
    const fixed = checker.fix(text, "compose.yaml", { rules: ["no-privileged", "init-process"] });
    expect(fixed.text).toBe(
      [
        "services:",
        "  web:",
        "    image: 'nginx:1.27'      # aligned",
        '    ports: [ "8080:80" ]    # padded flow',
        "    init: true",
        "",
      ].join("\n"),
    );
  });
});

describe("shipshape fix", () => {
  const pod =
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p  # keep me\nspec:\n  containers:\n    - name: c\n      image: a:1\n      securityContext:\n        privileged: true\n";

  it("prints a diff by default and exits 1; --write fixes and then there is nothing left", async () => {
    const dir = tempDir("fix", { "pod.yaml": pod });
    const dry = await runCli(["fix", "--no-config", "--rule", "no-privileged", "."], { cwd: dir });
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain("--- a/pod.yaml\n+++ b/pod.yaml\n");
    expect(dry.stdout).toContain("-        privileged: true\n");
    expect(dry.stderr).toContain("would fix 1 finding in 1 file; 0 left as they are");
    expect(readFileSync(join(dir, "pod.yaml"), "utf8")).toBe(pod);
    const written = await runCli(["fix", "--no-config", "--rule", "no-privileged", "--write", "."], { cwd: dir });
    expect(written.code).toBe(0);
    expect(readFileSync(join(dir, "pod.yaml"), "utf8")).toContain("name: p  # keep me\n");
    expect(readFileSync(join(dir, "pod.yaml"), "utf8")).not.toContain("privileged");
    const again = await runCli(["fix", "--no-config", "--rule", "no-privileged", "."], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("");
  });

  it("gives a read-only container the writable paths asked for", async () => {
    const dir = tempDir("fix", { "compose.yaml": "services:\n  web:\n    image: nginx:1.27\n" });
    const run = await runCli(
      [
        "fix",
        "--no-config",
        "--rule",
        "read-only-rootfs",
        "--writable-path",
        "/tmp",
        "--writable-path",
        "/var/cache/nginx",
        "--write",
        ".",
      ],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "compose.yaml"), "utf8")).toContain("tmpfs: [/tmp, /var/cache/nginx]");
    expect((await runCli(["fix", "--writable-path", "tmp", "."], { cwd: dir })).code).toBe(2);
  });

  it("says what it leaves, exits 1 for it, and 2 for an unknown rule or an unreadable path", async () => {
    const dir = tempDir("fix", { "pod.yaml": pod.replace("privileged: true", "runAsUser: 0") });
    const left = await runCli(["fix", "--no-config", "--write", "pod.yaml"], { cwd: dir });
    expect(left.code).toBe(1);
    expect(left.stderr).toMatch(/not fixed pod\.yaml:\d+: no-root-user: the container asks for root itself/);
    expect((await runCli(["fix", "--rule", "no-such-rule", "."], { cwd: dir })).code).toBe(2);
    writeFileSync(join(dir, "x.txt"), "");
    expect((await runCli(["fix", "--no-config", "missing.yaml"], { cwd: dir })).code).toBe(2);
  });
});
