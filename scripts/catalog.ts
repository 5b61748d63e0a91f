// Reads `opa inspect -a -f json policies` on stdin and writes the rule catalog (one entry per rule package
// with a custom.id) to the path given as the first argument. Fails when a rule lacks any field the product
// promises (docs/spec.md §3): an incomplete METADATA block breaks the build, not the reference doc.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { SHAPES, type ExampleFile, type Rule, type RuleExample, type Shape } from "../harness/src/engine/catalog.js";
import { rulesFromInspect, type Inspected } from "../harness/src/engine/catalog-build.js";

// Each shape's compliant example is its good/<rule-id>.* sample, else this canonical one.
const COMPLIANT: Record<Shape, string> = {
  kubernetes: "deployment.yaml",
  compose: "compose.yaml",
  docker: "container.json",
  dockerfile: "Dockerfile",
};

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
const inspected = JSON.parse(readFileSync(0, "utf8")) as Inspected;
const { rules, problems } = rulesFromInspect(inspected, { builtIn: true, examples, readFile: (file) => readFileSync(file, "utf8") });
if (rules.length === 0) problems.push("no rules found");
if (problems.length > 0) {
  console.error(`rule METADATA is incomplete:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
writeFileSync(out, JSON.stringify({ version: 1, rules }, null, 2) + "\n");
console.log(`${out}: ${rules.length} rules`);
