import { execFile } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { readBundledArtifacts } from "../node/bundled.js";
import { builtInSources, findOpa } from "../node/custom-rules.js";
import { parseCommandArgs } from "./args.js";
import type { CliIO } from "./io.js";
import { NEW_RULE_OPTIONS, TEST_OPTIONS } from "./options.js";
import { commandHelp } from "./usage.js";

/**
 * `shipshape test -p DIR`: the team's Rego tests (`*_test.rego`) through `opa test`, with the built-in
 * libraries (data.shipshape.lib.*) loaded beside them and the built-in rules' own tests left out.
 */
export async function test(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, TEST_OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("test"));
    return 0;
  }
  const paths = [...((values.policy as string[] | undefined) ?? []), ...positionals].map((p) => resolve(io.cwd, p));
  if (paths.length === 0) throw new UsageError("test needs the rules to test: -p DIR");
  for (const path of paths) if (!existsSync(path)) throw new UsageError(`policy path ${path} does not exist`);
  const opa = findOpa(typeof values.opa === "string" ? values.opa : undefined, io.env);
  const { files } = builtInSources();
  const verbose = values.verbose === true ? ["--verbose"] : [];
  return new Promise((done) => {
    execFile(opa, ["test", ...verbose, ...files, ...paths], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      io.stdout.write(stdout);
      io.stderr.write(stderr);
      // opa test exits 2 for failing tests and for files it cannot load; a failed test (its FAIL: n/m summary)
      // is the run failing (1).
      done(!error ? 0 : /^FAIL: /m.test(stdout) ? 1 : 2);
    });
  });
}

/** `shipshape new-rule ID`: a rule over the container model, its tests and two samples, ready to edit. */
export function newRule(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(args, NEW_RULE_OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("new-rule"));
    return 0;
  }
  const [id] = positionals;
  if (!id || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) {
    throw new UsageError("new-rule needs an id in kebab case (lower-case words joined by -), e.g. new-rule registry-mirror");
  }
  if (readBundledArtifacts().catalog.rules.some((r) => r.id === id)) throw new UsageError(`${id} is a built-in rule's id: choose another`);
  const dir = resolve(io.cwd, typeof values.policy === "string" ? values.policy : "policy");
  const name = id.replace(/-/g, "_");
  const files: Record<string, string> = {
    [`${name}.rego`]: ruleTemplate(id, name),
    [`${name}_test.rego`]: testTemplate(name),
    [join("samples", "bad", `${id}.yaml`)]: sample("nginx:latest"),
    [join("samples", "good", `${id}.yaml`)]: sample("nginx:1.27.3"),
  };
  for (const file of Object.keys(files)) if (existsSync(join(dir, file))) throw new UsageError(`${join(dir, file)} exists already`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  io.stdout.write(
    [
      ...Object.keys(files).map((f) => `created ${join(dir, f)}`),
      "",
      "Next: edit the rule's METADATA and findings, then",
      `  shipshape test -p ${dir}`,
      `  shipshape check -p ${dir} ${join(dir, "samples")}`,
      "",
    ].join("\n"),
  );
  return 0;
}

// The scaffold's rule: an example verdict (images tagged latest) to replace with the team's own.
const ruleTemplate = (id: string, name: string) => `# METADATA
# title: TODO one line that says what is required
# description: |
#   TODO why it matters. The rule reads the container model (data.shipshape.lib.model.containers), so it
#   judges Kubernetes manifests, Compose files, docker inspect output and Dockerfiles alike.
# related_resources:
#   - ref: https://example.com/your-standard
#     description: TODO where the standard is written
# custom:
#   id: ${id}
#   severity: medium
#   level: deny
#   remediation:
#     kubernetes: >-
#       TODO how to fix it in a manifest.
#     compose: >-
#       TODO how to fix it in a Compose file.
package shipshape.rules.${name}

import data.shipshape.lib.model
import data.shipshape.lib.result

annotations := result.rule_annotations(rego.metadata.chain())

# One finding per container that breaks the rule, at the field a fix would touch.
findings := [result.finding(annotations, container, message, container.image.path) |
	some container in model.containers
	container.image != null
	endswith(container.image.ref, ":latest")
	message := concat("", [result.subject(container), " runs ", container.image.ref])
]
`;

const testTemplate = (name: string) => `package shipshape.rules.${name}_test

import data.shipshape.rules.${name}

deployment(image) := {
	"apiVersion": "apps/v1",
	"kind": "Deployment",
	"metadata": {"name": "web"},
	"spec": {"template": {"spec": {"containers": [{"name": "app", "image": image}]}}},
}

test_violating if {
	count(${name}.findings) == 1 with input as deployment("nginx:latest")
}

test_compliant if {
	count(${name}.findings) == 0 with input as deployment("nginx:1.27.3")
}
`;

const sample = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${image}
`;
