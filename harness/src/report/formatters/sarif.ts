import type * as Sarif from "sarif";
import type { Finding } from "../finding.js";
import type { Formatter } from "./formatter.js";

// GitHub code scanning ranks alerts by this property (0-10).
const SECURITY_SEVERITY = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" } as const;

/** A file path as a SARIF artifact URI: relative paths stay relative, with forward slashes. */
function artifactUri(file: string): string {
  const slashed = file.split("\\").join("/");
  if (slashed.startsWith("/")) return encodeURI(`file://${slashed}`);
  return encodeURI(slashed.replace(/^\.\//, ""));
}

/** SARIF 2.1.0: one run, one reporting descriptor per rule with its help text, regions for every result. */
export const formatSarif: Formatter = (report, { catalog, sourceRoot }) => {
  const rules = catalog.rules;
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  // Repository-relative, against %SRCROOT%, where the file lies under the source root; else as given.
  const artifact = (file: string): Sarif.ArtifactLocation => {
    const inRoot = sourceRoot?.relative(file);
    return inRoot === undefined ? { uri: artifactUri(file) } : { uri: encodeURI(inRoot.split("\\").join("/")), uriBaseId: "%SRCROOT%" };
  };
  const result = (f: Finding): Sarif.Result => ({
    ruleId: f.rule,
    ruleIndex: index.get(f.rule) ?? -1,
    level: f.level === "deny" ? "error" : "warning",
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(f.file),
          region: { startLine: f.line, startColumn: f.column },
        },
        logicalLocations: [{ fullyQualifiedName: f.container === undefined ? f.object : `${f.object}/${f.container}`, kind: "object" }],
      },
    ],
    // The same finding after edits elsewhere in the file: rule, object, container and field, not the line.
    partialFingerprints: { "shipshape/v1": [f.rule, f.object, f.container ?? "", f.path].join("|") },
    ...(f.waived && { suppressions: [{ kind: "external", justification: f.waiver ?? "" }] }),
    properties: {
      severity: f.severity,
      object: f.object,
      ...(f.container !== undefined && { container: f.container }),
      path: f.path,
      ...(f.source !== undefined && { source: f.source }),
    },
  });
  const sarif: Sarif.Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "shipshape",
            version: report.tool.version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.title },
              ...(rule.links[0] && { helpUri: rule.links[0].url }),
              fullDescription: { text: rule.description.replace(/\s+/g, " ").trim() },
              help: {
                text: Object.entries(rule.remediation)
                  .map(([shape, text]) => `${shape}: ${text.replace(/\s+/g, " ").trim()}`)
                  .join("\n"),
                markdown: [
                  ...Object.entries(rule.remediation).map(([shape, text]) => `**${shape}**: ${text.replace(/\s+/g, " ").trim()}`),
                  ...(rule.links.length > 0 ? ["", ...rule.links.map((l) => `- [${l.description}](${l.url})`)] : []),
                ].join("\n"),
              },
              defaultConfiguration: { level: rule.level === "deny" ? "error" : "warning" },
              properties: {
                "security-severity": SECURITY_SEVERITY[rule.severity],
                tags: ["security", "containers"],
              },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.errors.map((e) => ({
              level: "error",
              message: { text: e.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: artifact(e.file),
                    ...(e.line !== undefined && { region: { startLine: e.line, ...(e.column && { startColumn: e.column }) } }),
                  },
                },
              ],
            })),
          },
        ],
        results: report.findings.map(result),
        ...(sourceRoot && { originalUriBaseIds: { "%SRCROOT%": { uri: sourceRoot.uri } } }),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
};
