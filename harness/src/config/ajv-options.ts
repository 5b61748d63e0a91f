/**
 * How a configuration's schema is compiled, at run time (config.ts) and ahead of time for the bundled rules
 * (harness/scripts/config-validator.ts): the same options, so both report the same first error. Without Ajv's
 * meta-schema check and code optimiser (the schemas are the catalog's own, not user input: a malformed one
 * still fails to compile).
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, validateSchema: false, code: { optimize: false } } as const;
