import type { Finding } from "../report/finding.js";

/** An admission.k8s.io/v1 AdmissionReview request, as much of it as the webhook reads. */
export interface AdmissionRequest {
  uid: string;
  kind?: { group?: string; version?: string; kind?: string };
  namespace?: string;
  name?: string;
  operation?: string;
  dryRun?: boolean;
  object?: unknown;
  oldObject?: unknown;
}

export interface AdmissionReview {
  apiVersion: string;
  kind: "AdmissionReview";
  request: AdmissionRequest;
}

export interface AdmissionResponse {
  apiVersion: string;
  kind: "AdmissionReview";
  response: {
    uid: string;
    allowed: boolean;
    status?: { code: number; message: string };
    warnings?: string[];
  };
}

/** Why a body is not an AdmissionReview; undefined when it is one. */
export function invalidReview(body: unknown): string | undefined {
  const review = body as Partial<AdmissionReview> | null;
  if (review === null || typeof review !== "object" || Array.isArray(review)) return "the body is not a JSON object";
  if (review.kind !== "AdmissionReview") return 'kind must be "AdmissionReview"';
  if (review.apiVersion !== "admission.k8s.io/v1") return 'apiVersion must be "admission.k8s.io/v1"';
  const request = review.request;
  if (request === null || typeof request !== "object") return "request is missing";
  if (typeof request.uid !== "string" || request.uid === "") return "request.uid is missing";
  return undefined;
}

/** Kubernetes shows each warning to kubectl users; the API server truncates long ones. */
const MAX_WARNING = 250;
const MAX_WARNINGS = 20;

/**
 * The response for a review: deny-level findings refuse the request (403, listed in `status.message`),
 * warn-level ones become `warnings`. In audit mode nothing is refused, but the same findings are returned as
 * warnings so the author still sees them. Waived findings neither refuse nor warn, but every waiver applied is
 * named in a warning, so nobody is waived in silence.
 */
export function admissionResponse(review: AdmissionReview, findings: Finding[], audit: boolean): AdmissionResponse {
  const active = findings.filter((f) => !f.waived);
  const denied = active.filter((f) => f.level === "deny");
  const warned = active.filter((f) => f.level === "warn");
  const allowed = denied.length === 0 || audit;
  const line = (f: Finding) => `[${f.rule}] ${f.message}`;
  const waived = findings.filter((f) => f.waived).map((f) => `[${f.rule}] waived (${f.waiver ?? ""}): ${f.message}`);
  const warnings = [...(audit ? denied.map(line) : []), ...warned.map(line), ...waived].map((w) =>
    w.length > MAX_WARNING ? `${w.slice(0, MAX_WARNING - 1)}…` : w,
  );
  return {
    apiVersion: review.apiVersion,
    kind: "AdmissionReview",
    response: {
      uid: review.request.uid,
      allowed,
      ...(!allowed && {
        status: { code: 403, message: `shipshape denied the request: ${denied.map(line).join("; ")}` },
      }),
      ...(warnings.length > 0 && {
        warnings:
          warnings.length > MAX_WARNINGS
            ? [...warnings.slice(0, MAX_WARNINGS - 1), `and ${warnings.length - MAX_WARNINGS + 1} more`]
            : warnings,
      }),
    },
  };
}

/** An answer that allows without evaluating (DELETE, excluded namespaces, objects being deleted). */
export function allowUnchecked(review: AdmissionReview, warnings: string[] = []): AdmissionResponse {
  return {
    apiVersion: review.apiVersion,
    kind: "AdmissionReview",
    response: {
      uid: review.request.uid,
      allowed: true,
      ...(warnings.length > 0 && { warnings: warnings.map((w) => w.slice(0, MAX_WARNING)) }),
    },
  };
}

/**
 * An answer that refuses an object shipshape cannot check (too deep, too many containers): a denial with the
 * reason, rather than an HTTP error the API server would report as a failed webhook call.
 */
export function refuseUnchecked(review: AdmissionReview, reason: string): AdmissionResponse {
  return {
    apiVersion: review.apiVersion,
    kind: "AdmissionReview",
    response: { uid: review.request.uid, allowed: false, status: { code: 422, message: `shipshape cannot check this object: ${reason}` } },
  };
}
