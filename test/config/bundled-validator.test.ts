// The bundled rules' configuration schema, compiled ahead of time (harness/scripts/config-validator.ts): the
// committed module is what the generator gives for the committed catalog, and it judges configurations as
// Ajv compiling the schema at run time does, with the same errors in the same order.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { describe, expect, it } from "vitest";
import { validatorSource } from "../../harness/scripts/config-validator.js";
import { AJV_OPTIONS } from "../../harness/src/config/ajv-options.js";
import { BUNDLED_SCHEMA, validate } from "../../harness/src/config/bundled-validator.js";
import { configSchemaFor } from "../../harness/src/config/schema.js";
import { readBundledArtifacts } from "../../harness/src/node/bundled.js";
import { ROOT } from "../helpers.js";

const { rules } = readBundledArtifacts().catalog;

const CONFIGS: unknown[] = [
  {},
  { rules: { "no-latest-tag": { level: "warn" } } },
  { rules: { "trusted-registries": { params: { allowed: ["registry.example.com"] } } } },
  { rules: { "trusted-registries": { params: { allowed: "registry.example.com" } } } },
  { rules: { "trusted-registries": { params: { alowed: [] } } } },
  { rules: { "no-root-user": { enabled: "yes", level: "error" } } },
  { rules: { "no-such-rule": { enabled: false } } },
  { waivers: [{ rule: "no-root-user", reason: "" }] },
  { waivers: [{ rules: [], reason: "x" }, { reason: "y" }] },
  { "inline-waivers": { rules: ["a"], other: 1 } },
  { "fail-level": "error", profile: "strict", extra: true },
  { ignore: ["", 1] },
  [],
  "text",
];

describe("the bundled configuration validator", () => {
  it("is what the generator gives for the committed catalog (make build writes it)", () => {
    const committed = readFileSync(join(ROOT, "harness", "src", "config", "bundled-validator.ts"), "utf8");
    expect(committed === validatorSource(rules), "run `make build` to regenerate bundled-validator.ts").toBe(true);
  });

  it("is the one the bundled catalog's configurations are checked with", () => {
    expect(JSON.stringify(configSchemaFor(rules))).toBe(BUNDLED_SCHEMA);
  });

  it.each(CONFIGS.map((config) => [JSON.stringify(config), config]))("judges %s as Ajv at run time does", (_, config) => {
    const named = new Set(Object.keys((config as { rules?: object }).rules ?? {}));
    const runtime = new Ajv(AJV_OPTIONS).compile(configSchemaFor(rules.filter((rule) => named.has(rule.id))));
    expect(validate(config)).toBe(runtime(config));
    // Every error, in order; the schemaPath differs (each rule's settings are referenced, not inline), and no
    // message uses it.
    const what = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map(({ schemaPath: _, ...rest }) => rest);
    expect(what((validate as unknown as { errors?: ErrorObject[] }).errors)).toEqual(what(runtime.errors));
  });
});
