import { LEVELS, PROFILES, SEVERITIES, SHAPES, type Rule, type Shape } from "./catalog.js";

/** What `opa inspect -a -f json` says of one annotated package. */
export interface InspectedAnnotation {
  location?: { file?: string; row?: number; col?: number };
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

/** `opa inspect -a -f json` output: the packages by file, and the annotations. */
export interface Inspected {
  namespaces?: Record<string, string[]>;
  annotations?: InspectedAnnotation[];
}

export interface CatalogBuildOptions {
  /**
   * Built-in rules (the product's own catalog) must have what docs/spec.md §3 promises: a description, a
   * profile, an https reference, a violating sample per shape. A team's own rules need an id, a title, a
   * severity, a level and a remediation; the rest has defaults (the baseline profile: they run under both).
   */
  builtIn: boolean;
  /** A rule's samples, for its examples (built-in rules: inputs/<shape>/<verdict>/<id>.*). */
  examples?: (id: string) => Rule["examples"];
  /** A rule file's text, to check that its `params.param` calls name its own id. */
  readFile?: (file: string) => string;
}

/** The rules of the annotated packages under shipshape.rules, and every way their METADATA falls short. */
export function rulesFromInspect(inspected: Inspected, options: CatalogBuildOptions): { rules: Rule[]; problems: string[] } {
  const problems: string[] = [];
  const rules: Rule[] = [];
  const annotated = new Set<string>();
  for (const entry of inspected.annotations ?? []) {
    const a = entry.annotations;
    const id = a?.custom?.id;
    if (!a?.custom || !id || a.scope !== "package") continue;
    const segments = entry.path.map((p) => p.value);
    annotated.add(segments.slice(1).join("."));
    const where = `${locationOf(entry)} (${id})`;
    const need = (ok: boolean, what: string) => ok || problems.push(`${where}: ${what}`);
    need(typeof a.title === "string" && a.title.length > 0, "missing title");
    need(!options.builtIn || (typeof a.description === "string" && a.description.length > 0), "missing description");
    need((SEVERITIES as readonly unknown[]).includes(a.custom.severity), `severity must be one of ${SEVERITIES.join(", ")}`);
    need((LEVELS as readonly unknown[]).includes(a.custom.level), `level must be one of ${LEVELS.join(", ")}`);
    need(
      (!options.builtIn && a.custom.profile === undefined) || (PROFILES as readonly unknown[]).includes(a.custom.profile),
      `profile must be one of ${PROFILES.join(", ")}`,
    );
    const remediation = a.custom.remediation ?? {};
    need(
      SHAPES.some((s) => typeof remediation[s] === "string"),
      `missing remediation (per shape: ${SHAPES.join(", ")})`,
    );
    const examples = options.examples?.(id) ?? {};
    if (options.builtIn) {
      for (const shape of SHAPES) {
        if (remediation[shape] && !examples[shape]) need(false, `no inputs/${shape}/bad/${id}.* sample`);
      }
      // The standards a rule cites, as links (SARIF's helpUri is the first): prose alone cannot be followed.
      need(
        (a.related_resources ?? []).some((r) => typeof r.ref === "string" && /^https:\/\//.test(r.ref)),
        "missing related_resources (an https link)",
      );
    }
    // The id is written in three places (the package, custom.id and each params.param call); they must agree.
    need(segments.length === 4 && segments[1] === "shipshape" && segments[2] === "rules", "the package must be shipshape.rules.<name>");
    const pkg = segments.at(-1) ?? "";
    need(pkg === id.replace(/-/g, "_"), `package ${pkg} does not match its id (expected ${id.replace(/-/g, "_")})`);
    const file = entry.location?.file;
    if (file && options.readFile) {
      for (const [, other] of options.readFile(file).matchAll(/params\.param\("([^"]+)"/g)) {
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
      description: (a.description ?? a.title ?? "").trim(),
      shapes: SHAPES.filter((s) => typeof remediation[s] === "string"),
      profile: (a.custom.profile ?? "baseline") as Rule["profile"],
      remediation,
      references: a.custom.references ?? [],
      links: (a.related_resources ?? [])
        .filter((r) => typeof r.ref === "string")
        .map((r) => ({ url: r.ref!, description: r.description ?? r.ref! })),
      parameters: (a.custom.parameters ?? {}) as Rule["parameters"],
      examples,
      package: segments.slice(1).join("."),
    });
  }
  // A rule package without METADATA would never run: main.rego collects every package's findings, but the
  // harness knows a rule only from the catalog.
  for (const [namespace, files] of Object.entries(inspected.namespaces ?? {})) {
    const name = namespace.replace(/^data\./, "");
    if (!/^shipshape\.rules\.[^.]+$/.test(name) || annotated.has(name)) continue;
    const file = files.find((f) => !f.endsWith("_test.rego"));
    if (file) problems.push(`${file}: package ${name} has no METADATA with custom.id (a package-scoped annotation)`);
  }
  const ids = rules.map((r) => r.id);
  for (const id of new Set(ids)) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`duplicate rule id ${id}`);
  rules.sort((a, b) => a.id.localeCompare(b.id));
  return { rules, problems };
}

function locationOf(entry: InspectedAnnotation): string {
  const { file = "?", row } = entry.location ?? {};
  return row ? `${file}:${row}` : file;
}
