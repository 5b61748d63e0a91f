/** The rule catalog: what the build extracted from every rule's METADATA (scripts/catalog.mjs). */
// Defined once; the configuration schema, the CLI's choices and the catalog build read these.
export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export const LEVELS = ["deny", "warn"] as const;
export const SHAPES = ["kubernetes", "compose", "docker", "dockerfile"] as const;
/** Rule sets: `baseline` (the Pod Security Standards' baseline controls and their Docker equivalents) and
 * `restricted` (every rule: the standard's restricted controls and everything beyond it). */
export const PROFILES = ["baseline", "restricted"] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Level = (typeof LEVELS)[number];
export type Shape = (typeof SHAPES)[number];
export type Profile = (typeof PROFILES)[number];

export interface ExampleFile {
  file: string;
  text: string;
}

/** A violating sample and the compliant one that fixes it, from inputs/ at build time. */
export interface RuleExample {
  violating: ExampleFile;
  compliant?: ExampleFile;
}

/** A rule parameter, declared in METADATA: what it means, its JSON Schema, and the value the rule uses when unset. */
export interface RuleParameter {
  description: string;
  schema: Record<string, unknown>;
  default: unknown;
}

export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  level: Level;
  description: string;
  /** The shapes the rule judges: those its remediation covers. */
  shapes: Shape[];
  /** The least profile the rule belongs to: a baseline rule runs under both, a restricted one only there. */
  profile: Profile;
  remediation: Partial<Record<Shape, string>>;
  references: string[];
  /** The METADATA's related_resources: where the standard or the peer check a rule implements is written. */
  links: Array<{ url: string; description: string }>;
  parameters: Record<string, RuleParameter>;
  examples: Partial<Record<Shape, RuleExample>>;
  package: string;
  /**
   * Where a rule comes from when it is not built in: `custom` (a team's rule over the container model, `-p
   * DIR`) or `conftest` (a plain conftest `deny`/`warn`/`violation` rule over the raw document).
   */
  origin?: "custom" | "conftest";
}

export interface Catalog {
  version: 1;
  rules: Rule[];
}

export function parseCatalog(json: unknown): Catalog {
  const catalog = json as Catalog;
  if (catalog?.version !== 1 || !Array.isArray(catalog.rules)) {
    throw new TypeError("not a shipshape rule catalog (version 1)");
  }
  return catalog;
}

export function rulesById(catalog: Catalog): Map<string, Rule> {
  return new Map(catalog.rules.map((rule) => [rule.id, rule]));
}
