import { LEVELS, PROFILES, SEVERITIES, type Rule } from "../engine/catalog.js";

/** JSON Schema of one rule's settings; with a rule, its `params` are held to the rule's declared parameters. */
export function ruleSettingsSchema(rule?: Rule): Record<string, unknown> {
  const params = rule
    ? {
        type: "object",
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(rule.parameters).map(([name, parameter]) => [name, parameter.schema])),
      }
    : { type: "object" };
  return {
    type: "object",
    additionalProperties: false,
    properties: {
      enabled: { type: "boolean" },
      severity: { enum: SEVERITIES },
      level: { enum: LEVELS },
      params,
    },
  };
}

/** JSON Schema of `.shipshape.yaml` for a catalog (docs/configuration.md describes each field). */
export function configSchemaFor(rules: Rule[]): Record<string, unknown> {
  return {
    ...configSchema,
    properties: {
      ...configSchema.properties,
      rules: {
        type: "object",
        // Unknown rule ids pass here and get their own message from validateConfig.
        additionalProperties: ruleSettingsSchema(),
        properties: Object.fromEntries(rules.map((rule) => [rule.id, ruleSettingsSchema(rule)])),
      },
    },
  };
}

const configSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    rules: { type: "object" },
    ignore: { type: "array", items: { type: "string", minLength: 1 } },
    waivers: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["reason"],
        oneOf: [{ required: ["rule"] }, { required: ["rules"] }],
        properties: {
          rule: { type: "string", minLength: 1 },
          rules: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
          path: { type: "string", minLength: 1 },
          object: { type: "string", minLength: 1 },
          kind: { type: "string", minLength: 1 },
          namespace: { type: "string", minLength: 1 },
          name: { type: "string", minLength: 1 },
          container: { type: "string", minLength: 1 },
          reason: { type: "string", minLength: 1 },
          expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
        },
      },
    },
    "inline-waivers": {
      oneOf: [
        { type: "boolean" },
        {
          type: "object",
          additionalProperties: false,
          minProperties: 1,
          properties: {
            rules: { type: "array", items: { type: "string", minLength: 1 } },
            namespaces: { type: "array", items: { type: "string", minLength: 1 } },
          },
        },
      ],
    },
    "fail-level": { enum: LEVELS },
    profile: { enum: PROFILES },
    // A team's own rules (directories or .rego files, relative to the file) and which conftest namespaces run:
    // read by the CLI before the rest (node/policy-source.ts), since the rest is validated against them.
    policies: { type: "array", items: { type: "string", minLength: 1 } },
    namespaces: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
  },
} as const;
