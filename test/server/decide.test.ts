// The admission decision without HTTP (server/decide.ts): security review classes 1 (self-waivers) and 8
// (finalizers, objects that cannot be checked).
import { describe, expect, it } from "vitest";
import { createBundledChecker, type Checker } from "../../harness/src/node.js";
import type { AdmissionReview } from "../../harness/src/server/admission.js";
import { decide } from "../../harness/src/server/decide.js";

const options = { audit: false, excluded: new Set(["kube-system"]) };

// A clearly unsafe Pod whose author waives its own findings.
const unsafe = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "trust-me",
    namespace: "apps",
    annotations: { "shipshape.dev/waive": "no-privileged,no-host-namespaces,no-docker-socket", "shipshape.dev/waive-reason": "trust me" },
  },
  spec: {
    hostNetwork: true,
    volumes: [{ name: "sock", hostPath: { path: "/var/run/docker.sock" } }],
    containers: [{ name: "c", image: "a:1", securityContext: { privileged: true }, volumeMounts: [{ name: "sock", mountPath: "/s" }] }],
  },
};

const review = (object: unknown, request: Partial<AdmissionReview["request"]> = {}): AdmissionReview => ({
  apiVersion: "admission.k8s.io/v1",
  kind: "AdmissionReview",
  request: { uid: "u", kind: { kind: "Pod" }, namespace: "apps", name: "trust-me", operation: "CREATE", object, ...request },
});

const denied = (checker: Checker, r: AdmissionReview) => {
  const { response } = decide(checker, r, options);
  return response.response.allowed ? [] : response.response.status!.message.match(/\[([a-z-]+)\]/g)!.map((m) => m.slice(1, -1));
};

describe("decide: waivers at admission", () => {
  it("ignores in-place waivers by default: the author cannot waive its own findings", async () => {
    const checker = await createBundledChecker({ inlineWaivers: false });
    expect(denied(checker, review(unsafe))).toEqual(expect.arrayContaining(["no-privileged", "no-host-namespaces", "no-docker-socket"]));
  });

  it("honours only the self-waivers a configuration allows, and names every waiver applied", async () => {
    const checker = await createBundledChecker({ inlineWaivers: { rules: ["no-host-namespaces"] } });
    const { response } = decide(checker, review(unsafe), options);
    const rules = denied(checker, review(unsafe));
    expect(rules).toEqual(expect.arrayContaining(["no-privileged", "no-docker-socket"]));
    expect(rules).not.toContain("no-host-namespaces");
    expect(response.response.warnings).toContainEqual(expect.stringMatching(/^\[no-host-namespaces\] waived \(trust me\): /));
  });

  it("applies configuration waivers by kind, namespace and name, and never by a path glob", async () => {
    const waivers = [
      { rule: "no-privileged", kind: "Pod", namespace: "apps", name: "trust-me", reason: "OPS-9: node agent" },
      { rule: "no-docker-socket", path: "**", reason: "a file waiver" },
    ];
    const checker = await createBundledChecker({ config: { waivers }, inlineWaivers: false });
    const rules = denied(checker, review(unsafe));
    expect(rules).not.toContain("no-privileged");
    expect(rules).toContain("no-docker-socket");
    // The same object in another namespace is not covered.
    expect(denied(checker, review({ ...unsafe, metadata: { ...unsafe.metadata, namespace: "prod" } }, { namespace: "prod" }))).toContain(
      "no-privileged",
    );
  });
});

describe("decide: objects it does not or cannot check", () => {
  it("allows removing a finalizer from a terminating non-compliant Pod", async () => {
    const checker = await createBundledChecker({ inlineWaivers: false });
    const terminating = { ...unsafe, metadata: { ...unsafe.metadata, deletionTimestamp: "2026-12-02T00:00:00Z", finalizers: ["x/y"] } };
    const released = { ...terminating, metadata: { ...terminating.metadata, finalizers: [] } };
    expect(decide(checker, review(released, { operation: "UPDATE", oldObject: terminating }), options)).toMatchObject({
      result: "skipped",
      reason: "the object is being deleted",
    });
  });

  it("allows an update that only changes finalizers, and checks one that changes the spec", async () => {
    const checker = await createBundledChecker({ inlineWaivers: false });
    const before = { ...unsafe, metadata: { ...unsafe.metadata, finalizers: ["x/y"], resourceVersion: "1" } };
    const after = { ...unsafe, metadata: { ...unsafe.metadata, resourceVersion: "2" } };
    expect(decide(checker, review(after, { operation: "UPDATE", oldObject: before }), options)).toMatchObject({
      result: "skipped",
      reason: "only finalizers changed",
    });
    const changed = { ...after, spec: { ...after.spec, hostPID: true } };
    expect(decide(checker, review(changed, { operation: "UPDATE", oldObject: before }), options).result).toBe("denied");
  });

  it("denies an object it cannot check with the reason, instead of failing the webhook call", async () => {
    const checker = await createBundledChecker({ inlineWaivers: false, maxContainers: 10 });
    let deep: unknown = "x";
    for (let i = 0; i < 300; i++) deep = { a: deep };
    const tooDeep = decide(checker, review({ ...unsafe, metadata: { ...unsafe.metadata, labels: deep } }), options);
    expect(tooDeep.result).toBe("invalid");
    expect(tooDeep.response.response).toMatchObject({
      allowed: false,
      status: { code: 422, message: expect.stringContaining("nests deeper than 256 levels") },
    });
    const crowded = { ...unsafe, spec: { containers: Array.from({ length: 11 }, (_, i) => ({ name: `c${i}`, image: "a:1" })) } };
    expect(decide(checker, review(crowded), options).response.response.status!.message).toContain(
      "holds 11 containers, more than the 10 allowed",
    );
  });
});
