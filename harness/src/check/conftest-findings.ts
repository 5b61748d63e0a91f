import type { Level, Shape } from "../engine/catalog.js";
import type { ConftestResult, PolicyFinding } from "../engine/policy.js";
import type { DocumentPath } from "../inputs/document.js";

/**
 * A conftest-style rule's result as a finding, read as conftest reads it: a string is the message; an object
 * must carry a string `msg` (else it is an error, as in conftest). Conftest knows no field, so the finding is
 * put where the message points best: a Kubernetes object's `metadata.name`, the Compose service or
 * Dockerfile instruction whose name or argument the message quotes, else the document itself.
 */
export function conftestFinding(result: ConftestResult, level: Level, shape: Shape, document: unknown): PolicyFinding | string {
  const message = messageOf(result.result);
  if (message === undefined) return `${result.rule} returned a result without a string msg (conftest requires one)`;
  const { object, kind, owner, namespace, field } = subjectOf(shape, document, message);
  return {
    rule: result.rule,
    level,
    message,
    object,
    kind,
    owner,
    namespace,
    container: null,
    path: [],
    field,
    inline_waiver: null,
  };
}

/**
 * The name conftest's exceptions use for a rule (`main/deny_nodeport` → `nodeport`); bare `deny`, `warn` and
 * `violation` have none (""), so no exception matches them.
 */
export function exceptionName(id: string): string {
  const rule = id.slice(id.lastIndexOf("/") + 1);
  return /^(deny|warn|violation)$/.test(rule) ? "" : rule.replace(/^(violation|deny|warn)_/, "");
}

function messageOf(result: unknown): string | undefined {
  if (typeof result === "string") return result;
  const msg = (result as { msg?: unknown } | null)?.msg;
  return typeof msg === "string" ? msg : undefined;
}

interface Subject {
  object: string;
  kind: string;
  owner: string;
  namespace: string | null;
  field: DocumentPath;
}

function subjectOf(shape: Shape, document: unknown, message: string): Subject {
  const doc = (document ?? {}) as Record<string, unknown>;
  if (shape === "kubernetes") {
    const metadata = (doc.metadata ?? {}) as { name?: unknown; namespace?: unknown };
    const kind = typeof doc.kind === "string" ? doc.kind : "object";
    const name = typeof metadata.name === "string" ? metadata.name : "";
    const field: DocumentPath = name ? ["metadata", "name"] : doc.metadata ? ["metadata"] : [];
    return {
      object: name ? `${kind}/${name}` : kind,
      kind,
      owner: name,
      namespace: typeof metadata.namespace === "string" ? metadata.namespace : null,
      field,
    };
  }
  if (shape === "compose") {
    const services = doc.services && typeof doc.services === "object" ? Object.keys(doc.services) : [];
    const named = services.filter((s) => message.includes(s)).sort((a, b) => b.length - a.length)[0];
    return named
      ? { object: `service ${named}`, kind: "compose service", owner: named, namespace: null, field: ["services", named] }
      : { object: "compose file", kind: "compose file", owner: "", namespace: null, field: [] };
  }
  if (shape === "dockerfile" && Array.isArray(document)) {
    const instructions = document as Array<{ Value?: unknown }>;
    for (const [i, instruction] of instructions.entries()) {
      const values = Array.isArray(instruction.Value) ? instruction.Value : [];
      const k = values.findIndex((v) => typeof v === "string" && v.length > 1 && message.includes(v));
      if (k >= 0) return { object: "Dockerfile", kind: "Dockerfile", owner: "", namespace: null, field: [i, "Value", k] };
    }
    return { object: "Dockerfile", kind: "Dockerfile", owner: "", namespace: null, field: [0] };
  }
  const name = typeof doc.Name === "string" ? doc.Name : "";
  return {
    object: name ? `container ${name}` : "container",
    kind: "container",
    owner: name.replace(/^\//, ""),
    namespace: null,
    field: [],
  };
}
