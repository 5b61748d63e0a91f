/** JSON Schema of `.shipshape.yaml` (docs/configuration.md describes each field). */
export const configSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    rules: {
      type: "object",
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        properties: {
          enabled: { type: "boolean" },
          severity: { enum: ["critical", "high", "medium", "low"] },
          level: { enum: ["deny", "warn"] },
          params: { type: "object" },
        },
      },
    },
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
    "fail-level": { enum: ["deny", "warn"] },
  },
} as const;
