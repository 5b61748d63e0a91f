import type { Checker } from "../check/checker.js";
import { invalidReview, type AdmissionResponse, type AdmissionReview } from "./admission.js";
import { decide, type AdmissionResult, type DecideOptions } from "./decide.js";

/** What answering one request body gave: plain data, so a worker thread can hand it back. */
export type ReviewOutcome =
  | {
      status: 200;
      answer: AdmissionResponse;
      result: AdmissionResult;
      /** For the decision log: who asked for what, and what was found (rule ids only, never a value). */
      request: { uid: string; kind?: string; namespace?: string; name?: string; operation?: string; dryRun: boolean };
      findings: Array<{ rule: string; level: string }>;
      waivers: Array<{ rule: string; object: string; container?: string; reason: string }>;
      reason?: string;
    }
  | { status: 400 | 429 | 500; message: string; result: AdmissionResult };

/** Parses a request body as an AdmissionReview and decides it. Never throws. */
export function reviewBody(checker: Checker, body: Uint8Array, options: DecideOptions): ReviewOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return { status: 400, message: "the body is not valid JSON", result: "invalid" };
  }
  const problem = invalidReview(parsed);
  if (problem) return { status: 400, message: `not an admission.k8s.io/v1 AdmissionReview: ${problem}`, result: "invalid" };
  const review = parsed as AdmissionReview;
  try {
    const decision = decide(checker, review, options);
    const { uid, kind, namespace, name, operation, dryRun } = review.request;
    return {
      status: 200,
      answer: decision.response,
      result: decision.result,
      request: {
        uid,
        ...(kind?.kind !== undefined && { kind: kind.kind }),
        ...(namespace !== undefined && { namespace }),
        ...(name !== undefined && { name }),
        ...(operation !== undefined && { operation }),
        dryRun: dryRun === true,
      },
      findings: decision.findings.map((f) => ({ rule: f.rule, level: f.waived ? "waived" : f.level })),
      waivers: decision.findings
        .filter((f) => f.waived)
        .map((f) => ({
          rule: f.rule,
          object: f.object,
          ...(f.container !== undefined && { container: f.container }),
          reason: f.waiver ?? "",
        })),
      ...(decision.reason !== undefined && { reason: decision.reason }),
    };
  } catch (error) {
    return { status: 500, message: `internal error: ${(error as Error).message}`, result: "error" };
  }
}
