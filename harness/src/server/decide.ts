import type { Checker } from "../check/checker.js";
import type { Finding } from "../report/finding.js";
import {
  admissionResponse,
  allowUnchecked,
  refuseUnchecked,
  type AdmissionRequest,
  type AdmissionResponse,
  type AdmissionReview,
} from "./admission.js";

/** How a review ended, as metrics and logs name it. */
export type AdmissionResult = "allowed" | "denied" | "audit_denied" | "skipped" | "invalid" | "error" | "shed";

export interface DecideOptions {
  /** Allow everything; answer what would have been denied as warnings. */
  audit: boolean;
  /** Namespaces allowed without evaluation. */
  excluded: ReadonlySet<string>;
}

export interface Decision {
  response: AdmissionResponse;
  result: AdmissionResult;
  findings: Finding[];
  /** Why the object was allowed without evaluation, or could not be checked. */
  reason?: string;
}

/**
 * The admission decision for one review, without any HTTP: what is allowed unchecked (DELETE, excluded
 * namespaces, objects being deleted, updates that only remove finalizers), what is checked, and the answer.
 * Waivers match on what the API server says of the object (kind, namespace, name), never on a file path.
 */
export function decide(checker: Checker, review: AdmissionReview, options: DecideOptions): Decision {
  const request = review.request;
  const unchecked = (reason: string): Decision => ({ response: allowUnchecked(review), result: "skipped", findings: [], reason });
  if (request.operation === "DELETE") return unchecked("DELETE");
  if (request.namespace !== undefined && options.excluded.has(request.namespace)) return unchecked("excluded namespace");
  if (request.operation === "UPDATE" && (beingDeleted(request.object) || beingDeleted(request.oldObject))) {
    return unchecked("the object is being deleted");
  }
  if (request.operation === "UPDATE" && onlyFinalizersChanged(request)) return unchecked("only finalizers changed");

  const subject = {
    ...(request.kind?.kind !== undefined && { kind: request.kind.kind }),
    ...(request.namespace !== undefined && { namespace: request.namespace }),
    ...(nameOf(request) !== undefined && { name: nameOf(request)! }),
  };
  const label = `${request.kind?.kind ?? "object"}/${request.namespace ?? "-"}/${nameOf(request) ?? "-"}`;
  // Only the object under review is evaluated: oldObject would double the work and judge nothing.
  const document = { apiVersion: review.apiVersion, kind: "AdmissionReview", request: { uid: request.uid, object: request.object } };
  const checked = checker.checkDocument(document, label, { subject });
  if (checked.errors.length > 0) {
    const reason = checked.errors.map((e) => e.message).join("; ");
    return {
      response: options.audit
        ? allowUnchecked(review, [`shipshape could not check this object: ${reason}`])
        : refuseUnchecked(review, reason),
      result: "invalid",
      findings: [],
      reason,
    };
  }
  const denies = checked.findings.some((f) => !f.waived && f.level === "deny");
  return {
    response: admissionResponse(review, checked.findings, options.audit),
    result: !denies ? "allowed" : options.audit ? "audit_denied" : "denied",
    findings: checked.findings,
  };
}

function nameOf(request: AdmissionRequest): string | undefined {
  if (request.name) return request.name;
  const metadata = (request.object as { metadata?: { name?: unknown; generateName?: unknown } } | undefined)?.metadata;
  if (typeof metadata?.name === "string") return metadata.name;
  return typeof metadata?.generateName === "string" ? metadata.generateName : undefined;
}

function beingDeleted(object: unknown): boolean {
  const metadata = (object as { metadata?: { deletionTimestamp?: unknown } } | null | undefined)?.metadata;
  return typeof metadata?.deletionTimestamp === "string" && metadata.deletionTimestamp !== "";
}

/** Metadata the API server itself changes on every write, and the finalizers a controller removes. */
const VOLATILE = new Set(["finalizers", "resourceVersion", "managedFields", "generation"]);

function onlyFinalizersChanged(request: AdmissionRequest): boolean {
  const strip = (object: unknown): unknown => {
    if (object === null || typeof object !== "object" || Array.isArray(object)) return object;
    const { metadata, ...rest } = object as Record<string, unknown>;
    if (metadata === null || typeof metadata !== "object") return object;
    return { ...rest, metadata: Object.fromEntries(Object.entries(metadata).filter(([key]) => !VOLATILE.has(key))) };
  };
  return request.oldObject !== undefined && canonical(strip(request.object)) === canonical(strip(request.oldObject));
}

/** JSON with keys sorted, so two objects compare equal whatever order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
