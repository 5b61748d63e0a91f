import { automaticFix } from "../fix/fixers.js";
import { SHAPES, type Catalog, type Rule } from "../engine/catalog.js";
import { findConfigFile } from "../node/config-file.js";
import { policySettingsOf, selectPolicy } from "../node/policy-source.js";
import { UsageError } from "../errors.js";
import { choice, parseCommandArgs } from "./args.js";
import { EXPLAIN_OPTIONS, RULES_OPTIONS } from "./options.js";
import { commandHelp } from "./usage.js";
import type { CliIO } from "./io.js";

/** The catalog of the rules in force: built-in, or with -p rules / a --bundle (and the configuration's policies:). */
async function catalogFor(values: { policy?: string[]; bundle?: string; opa?: string }, io: CliIO): Promise<Catalog> {
  const configFile = findConfigFile(io.cwd);
  const settings = configFile === undefined ? { policies: [] } : policySettingsOf(configFile);
  const { catalog } = await selectPolicy({
    ...(values.bundle !== undefined && { bundle: values.bundle }),
    policies: [...(values.policy ?? []), ...settings.policies],
    ...(values.opa !== undefined && { opa: values.opa }),
    env: io.env,
    cwd: io.cwd,
  });
  return catalog;
}

export async function rules(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, RULES_OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("rules"));
    return 0;
  }
  const format = choice("format", values.format, ["text", "json"] as const);
  const catalog = await catalogFor(values, io);
  if (format === "json") {
    const listed = catalog.rules.map(({ id, title, severity, level, shapes, description, origin }) => ({
      id,
      title,
      severity,
      level,
      shapes,
      description,
      ...(origin && { origin }),
    }));
    io.stdout.write(JSON.stringify(listed, null, 2) + "\n");
    return 0;
  }
  const width = Math.max(...catalog.rules.map((r) => r.id.length)) + 1;
  const shapes = (rule: Rule) => (rule.shapes.length === SHAPES.length ? "all shapes" : rule.shapes.join(","));
  const shapesWidth = Math.max(...catalog.rules.map((r) => shapes(r).length)) + 1;
  for (const rule of catalog.rules) {
    io.stdout.write(
      `${rule.id.padEnd(width)} ${rule.severity.padEnd(8)} ${rule.level.padEnd(5)} ${rule.profile.padEnd(10)} ${shapes(rule).padEnd(shapesWidth)} ${rule.title}\n`,
    );
  }
  return 0;
}

export async function explain(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, EXPLAIN_OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("explain"));
    return 0;
  }
  const [id] = positionals;
  const catalog = await catalogFor(values, io);
  const rule = catalog.rules.find((r) => r.id === id);
  if (!rule) {
    throw new UsageError(`${id ? `unknown rule "${id}"` : "explain needs a rule id"}; rules: ${catalog.rules.map((r) => r.id).join(", ")}`);
  }
  const out = [
    `${rule.id}: ${rule.title}`,
    `severity ${rule.severity}, default level ${rule.level}; profile ${rule.profile}; judges ${rule.shapes.join(", ")}${rule.origin ? `; ${rule.origin} rule` : ""}`,
    "",
    rule.description.trim(),
    "",
  ];
  if (rule.references.length > 0) out.push("References:", ...rule.references.map((r) => `  - ${r}`), "");
  if (rule.links.length > 0) out.push("Links:", ...rule.links.map((l) => `  - ${l.description}: ${l.url}`), "");
  for (const [name, parameter] of Object.entries(rule.parameters)) {
    out.push(`Parameter ${name}: ${parameter.description} Default: ${JSON.stringify(parameter.default)}.`, "");
  }
  for (const [shape, remediation] of Object.entries(rule.remediation)) {
    out.push(`How to fix (${shape}): ${remediation.replace(/\s+/g, " ").trim()}`);
    if (!rule.origin) out.push(`  ${automaticFix(rule.id, shape)}`);
    const example = rule.examples[shape as keyof typeof rule.examples];
    if (example) {
      out.push("", `  Violating (${example.violating.file}):`, indent(example.violating.text));
      if (example.compliant) out.push(`  Fixed (${example.compliant.file}):`, indent(example.compliant.text));
    }
    out.push("");
  }
  io.stdout.write(out.join("\n"));
  return 0;
}

const indent = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n") + "\n";
