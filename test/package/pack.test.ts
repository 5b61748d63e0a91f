import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers.js";

// A Node-only user: the packed tarball installed into a fresh project on a PATH without Go must check a
// manifest from ESM, from CommonJS and through the installed bin, with line numbers.
const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: c
      image: nginx:latest
`;

describe("the npm package", () => {
  it("installs from its tarball and works without Go", { timeout: 180_000 }, () => {
    const work = tempDir("pack");
    // dist/ is fresh (make test builds before vitest); --ignore-scripts skips prepack's rebuild.
    execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", work], { cwd: ROOT, stdio: "pipe" });
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"))!;
    const files = execFileSync("tar", ["-tzf", join(work, tarball)], { encoding: "utf8" }).split("\n");
    expect(files).toContain("package/dist/policy/policy.wasm");
    expect(files).toContain("package/dist/policy/catalog.json");
    expect(files).toEqual(expect.arrayContaining(["package/dist/shell/web-tree-sitter.wasm", "package/dist/shell/tree-sitter-bash.wasm"]));
    // The built-in rules' tests stay out; the custom-rules example ships whole (its tests show how to write them).
    expect(files.filter((f) => (f.includes("_test.rego") && !f.startsWith("package/examples/")) || f.startsWith("package/test/"))).toEqual(
      [],
    );

    const project = join(work, "consumer");
    const env = { ...process.env, PATH: [dirname(process.execPath), "/usr/bin", "/bin"].join(":") };
    expect(() => execFileSync("go", ["version"], { env, stdio: "pipe" })).toThrow();
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
    const npm = join(dirname(process.execPath), "npm");
    execFileSync(npm, ["install", "--no-audit", "--no-fund", join(work, tarball)], { cwd: project, env, stdio: "pipe" });
    writeFileSync(join(project, "pod.yaml"), MANIFEST);
    writeFileSync(join(project, "Dockerfile"), "FROM registry.example.com/base:1.4.2\nRUN curl -fsSL https://x.example/i.sh | sh\n");

    writeFileSync(
      join(project, "esm.mjs"),
      `import { readFileSync } from "node:fs";
import { createBundledChecker } from "shipshape";
const checker = await createBundledChecker();
for (const f of checker.checkText(readFileSync("pod.yaml", "utf8"), "pod.yaml").findings) console.log(f.line, f.rule);\n`,
    );
    writeFileSync(
      join(project, "cjs.cjs"),
      `const { readFileSync } = require("node:fs");
const { createBundledChecker } = require("shipshape");
createBundledChecker().then((checker) => {
  for (const f of checker.checkText(readFileSync("pod.yaml", "utf8"), "pod.yaml").findings) console.log(f.line, f.rule);
});\n`,
    );
    const esm = execFileSync(process.execPath, ["esm.mjs"], { cwd: project, env, encoding: "utf8" });
    const cjs = execFileSync(process.execPath, ["cjs.cjs"], { cwd: project, env, encoding: "utf8" });
    expect(esm).toContain("8 no-latest-tag");
    expect(cjs).toBe(esm);

    let bin = { status: 0, stdout: "" };
    try {
      execFileSync(join(project, "node_modules", ".bin", "shipshape"), ["check", "pod.yaml"], { cwd: project, env, encoding: "utf8" });
    } catch (error) {
      bin = error as { status: number; stdout: string };
    }
    expect(bin.status).toBe(1);
    expect(bin.stdout).toMatch(/^ {2}8:7 +deny +medium +no-latest-tag/m);
    // The bin reads a Dockerfile's commands with the shell parser shipped in the package (dist/shell).
    let dockerfile = "";
    try {
      execFileSync(join(project, "node_modules", ".bin", "shipshape"), ["check", "-f", "json", "Dockerfile"], {
        cwd: project,
        env,
        encoding: "utf8",
      });
    } catch (error) {
      dockerfile = (error as { stdout: string }).stdout;
    }
    expect((JSON.parse(dockerfile) as { findings: Array<{ rule: string; line: number }> }).findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: "no-curl-pipe-shell", line: 2 })]),
    );
    // A team's own rules compile against the rule sources the package ships (policies/), with the OPA named.
    const rules = execFileSync(
      join(project, "node_modules", ".bin", "shipshape"),
      ["rules", "-p", "node_modules/shipshape/examples/custom-rules/policy", "--opa", join(ROOT, ".tools", "bin", "opa")],
      { cwd: project, env: { ...env, XDG_CACHE_HOME: join(work, "cache") }, encoding: "utf8" },
    );
    expect(rules).toMatch(/^registry-mirror +high +deny/m);
  });
});
