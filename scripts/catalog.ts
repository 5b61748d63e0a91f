// Reads `opa inspect -a -f json policies` on stdin and writes the rule catalog (one entry per rule package
// with a custom.id) to the path given as the first argument. Fails when a rule lacks any field the product
// promises (docs/spec.md §3): an incomplete METADATA block breaks the build, not the reference doc.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import {
  LEVELS,
  PROFILES,
  SEVERITIES,
  SHAPES,
  type ExampleFile,
  type Rule,
  type RuleExample,
  type Shape,
} from "../harness/src/engine/catalog.js";

// Each shape's compliant example is its good/<rule-id>.* sample, else this canonical one.
const COMPLIANT: Record<Shape, string> = {
  kubernetes: "deployment.yaml",
  compose: "compose.yaml",
  docker: "container.json",
  dockerfile: "Dockerfile",
};

/** What `opa inspect -a` says of one annotated package. */
interface Inspected {
  location?: { file?: string };
  path: Array<{ value: string }>;
  annotations?: {
    scope?: string;
    title?: string;
    description?: string;
    related_resources?: Array<{ ref?: string; description?: string }>;
    custom?: {
      id?: string;
      severity?: string;
      level?: string;
      remediation?: Partial<Record<Shape, string>>;
      profile?: string;
      references?: string[];
      parameters?: Record<string, { description?: unknown; schema?: unknown; default?: unknown } | null>;
    };
  };
}

/** inputs/<shape>/<verdict>/<rule-id>.* (or the fallback name), as {file, text}. */
function sample(shape: Shape, verdict: string, id: string, fallback?: string): ExampleFile | undefined {
  const dir = join("inputs", shape, verdict);
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return undefined;
  }
  const name = names.find((n) => n.slice(0, -extname(n).length) === id) ?? fallback;
  return name ? { file: `${dir}/${name}`, text: readFileSync(join(dir, name), "utf8") } : undefined;
}

function examples(id: string): Rule["examples"] {
  const out: Partial<Record<Shape, RuleExample>> = {};
  for (const shape of SHAPES) {
    const violating = sample(shape, "bad", id);
    const compliant = sample(shape, "good", id, COMPLIANT[shape]);
    if (violating) out[shape] = { violating, ...(compliant && { compliant }) };
  }
  return out;
}

const out = process.argv[2]!;
const inspected = JSON.parse(readFileSync(0, "utf8")) as { annotations?: Inspected[] };
const problems: string[] = [];
const rules: Rule[] = [];

for (const entry of inspected.annotations ?? []) {
  const a = entry.annotations;
  const id = a?.custom?.id;
  if (!a?.custom || !id || a.scope !== "package") continue;
  const where = `${entry.location?.file ?? "?"} (${id})`;
  const need = (ok: boolean, what: string) => ok || problems.push(`${where}: ${what}`);
  need(typeof a.title === "string" && a.title.length > 0, "missing title");
  need(typeof a.description === "string" && a.description.length > 0, "missing description");
  need((SEVERITIES as readonly unknown[]).includes(a.custom.severity), `severity must be one of ${SEVERITIES.join(", ")}`);
  need((LEVELS as readonly unknown[]).includes(a.custom.level), `level must be one of ${LEVELS.join(", ")}`);
  need((PROFILES as readonly unknown[]).includes(a.custom.profile), `profile must be one of ${PROFILES.join(", ")}`);
  const remediation = a.custom.remediation ?? {};
  need(
    SHAPES.some((s) => typeof remediation[s] === "string"),
    "missing remediation (per shape)",
  );
  for (const shape of SHAPES) {
    if (remediation[shape] && !sample(shape, "bad", id)) need(false, `no inputs/${shape}/bad/${id}.* sample`);
  }
  // The standards a rule cites, as links (SARIF's helpUri is the first): prose alone cannot be followed.
  need(
    (a.related_resources ?? []).some((r) => typeof r.ref === "string" && /^https:\/\//.test(r.ref)),
    "missing related_resources (an https link)",
  );
  // The id is written in three places (the package, custom.id and each params.param call); they must agree.
  const pkg = entry.path.map((p) => p.value).at(-1) ?? "";
  need(pkg === id.replace(/-/g, "_"), `package ${pkg} does not match its id (expected ${id.replace(/-/g, "_")})`);
  const file = entry.location?.file;
  if (file) {
    for (const [, other] of readFileSync(file, "utf8").matchAll(/params\.param\("([^"]+)"/g)) {
      need(other === id, `params.param("${other}", ...) reads another rule's parameters`);
    }
  }
  // Each parameter declares what it means, a JSON Schema (configuration is validated against it) and the
  // default the rule uses; test/engine/parameters.test.ts holds the Rego defaults to these.
  for (const [name, parameter] of Object.entries(a.custom.parameters ?? {})) {
    need(typeof parameter?.description === "string", `parameter ${name}: missing description`);
    need(parameter?.schema !== null && typeof parameter?.schema === "object", `parameter ${name}: missing schema`);
    need(parameter !== null && typeof parameter === "object" && "default" in parameter, `parameter ${name}: missing default`);
  }
  rules.push({
    id,
    title: a.title ?? "",
    severity: a.custom.severity as Rule["severity"],
    level: a.custom.level as Rule["level"],
    description: (a.description ?? "").trim(),
    shapes: SHAPES.filter((s) => typeof remediation[s] === "string"),
    profile: a.custom.profile as Rule["profile"],
    remediation,
    references: a.custom.references ?? [],
    links: (a.related_resources ?? [])
      .filter((r) => typeof r.ref === "string")
      .map((r) => ({ url: r.ref!, description: r.description ?? r.ref! })),
    parameters: (a.custom.parameters ?? {}) as Rule["parameters"],
    examples: examples(id),
    package: entry.path
      .map((p) => p.value)
      .slice(1)
      .join("."),
  });
}

const ids = rules.map((r) => r.id);
for (const id of new Set(ids)) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`duplicate rule id ${id}`);
if (rules.length === 0) problems.push("no rules found");
if (problems.length > 0) {
  console.error(`rule METADATA is incomplete:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
rules.sort((a, b) => a.id.localeCompare(b.id));
writeFileSync(out, JSON.stringify({ version: 1, rules }, null, 2) + "\n");
console.log(`${out}: ${rules.length} rules`);
