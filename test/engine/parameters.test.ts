// Every rule parameter is declared once, in METADATA (description, schema, default): the Rego default a rule
// really uses must be the one the catalog, the docs and `explain` state, and must satisfy the schema.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parseCatalog } from "../../harness/src/engine/catalog.js";
import { ROOT } from "../helpers.js";

const catalog = parseCatalog(JSON.parse(readFileSync(join(ROOT, "dist", "policy", "catalog.json"), "utf8")));
const parameterised = catalog.rules.filter((r) => Object.keys(r.parameters).length > 0);

describe("rule parameters", () => {
  const opa = join(ROOT, ".tools", "bin", "opa");
  const query = "{name: defaults | some name; defaults := data.shipshape.rules[name].parameter_defaults}";
  const args = ["eval", "-f", "json", "--ignore", "capabilities.json", "--ignore", "*_test.rego", "-d", join(ROOT, "policies"), query];
  const fromRego = (
    JSON.parse(execFileSync(opa, args, { encoding: "utf8" })) as {
      result: Array<{ expressions: Array<{ value: Record<string, unknown> }> }>;
    }
  ).result[0]!.expressions[0]!.value;

  it("are declared by the rules that read them", () => {
    expect(parameterised.map((r) => r.package.split(".").at(-1)).sort()).toEqual(Object.keys(fromRego).sort());
  });

  it.each(parameterised.map((r) => [r.id, r] as const))("%s: the Rego defaults are METADATA's, and fit its schemas", (_, rule) => {
    const defaults = fromRego[rule.package.split(".").at(-1)!] as Record<string, unknown>;
    expect(Object.keys(defaults).sort()).toEqual(Object.keys(rule.parameters).sort());
    for (const [name, parameter] of Object.entries(rule.parameters)) {
      expect(defaults[name], name).toEqual(parameter.default);
      expect(new Ajv({ strict: false }).validate(parameter.schema, parameter.default), name).toBe(true);
    }
  });
});
