import type { Catalog, Rule } from "../../harness/src/engine/catalog.js";
import type { FileResult, Finding, InputFailure } from "../../harness/src/report/finding.js";

/** A catalog of two rules, independent of the real one, so formatter tests do not move when rules change. */
export const CATALOG: Catalog = {
  version: 1,
  rules: [rule("no-root-user", "high", "deny"), rule("read-only-rootfs", "medium", "warn")],
};

function rule(id: string, severity: Rule["severity"], level: Rule["level"]): Rule {
  return {
    id,
    title: `Title of ${id}`,
    severity,
    level,
    description: `Why ${id} matters.`,
    profile: "restricted",
    shapes: ["kubernetes"],
    remediation: { kubernetes: `Fix ${id} in the manifest.` },
    references: [],
    links: [{ url: `https://standards.example.com/${id}`, description: `The standard behind ${id}` }],
    parameters: {},
    examples: {},
    package: `shipshape.rules.${id.replace(/-/g, "_")}`,
  };
}

/** A finding with everything set; `patch` changes what a test cares about. */
export function finding(patch: Partial<Finding> = {}): Finding {
  return {
    rule: "no-root-user",
    severity: "high",
    level: "deny",
    title: "Title of no-root-user",
    message: "container app of Deployment/web may run as root: runAsUser is 0",
    file: "deploy/web.yaml",
    line: 21,
    column: 13,
    document: 0,
    shape: "kubernetes",
    object: "Deployment/web",
    container: "app",
    path: "spec.template.spec.containers[0]",
    waived: false,
    ...patch,
  };
}

export function failure(patch: Partial<InputFailure> = {}): InputFailure {
  return { file: "broken.yaml", line: 4, column: 1, code: "PARSE_ERROR", message: "invalid YAML: bad indentation (document 1)", ...patch };
}

/** A finding about the pod as a whole: no container. */
function podLevel(f: Finding): Finding {
  const { container: _container, ...rest } = f;
  return rest;
}

/** One deny, one pod-level deny, one warn, one waived finding, an unreadable file and a skipped document. */
export function results(): FileResult[] {
  return [
    {
      file: "deploy/web.yaml",
      documents: 2,
      findings: [
        finding(),
        finding({
          rule: "read-only-rootfs",
          severity: "medium",
          level: "warn",
          title: "Title of read-only-rootfs",
          line: 22,
          message: "container app of Deployment/web has a writable root filesystem",
        }),
        podLevel(
          finding({
            rule: "no-host-namespaces",
            title: "Title of no-host-namespaces",
            line: 12,
            column: 7,
            message: "Deployment/web shares the host's network namespace",
            path: "spec.template.spec",
          }),
        ),
        finding({
          line: 40,
          object: "Deployment/api",
          message: "container app of Deployment/api may run as root: runAsUser is 0",
          waived: true,
          waiver: "vendor image, OPS-7",
        }),
      ],
      errors: [],
      skipped: [{ file: "deploy/web.yaml", document: 1, reason: "no shape recognises this document" }],
    },
    { file: "broken.yaml", documents: 0, findings: [], errors: [failure()], skipped: [] },
  ];
}
