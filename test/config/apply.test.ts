import { describe, expect, it } from "vitest";
import { ConfigApplier } from "../../harness/src/config/apply.js";
import { EMPTY_CONFIG, type Config, type InlineWaivers } from "../../harness/src/config/config.js";
import type { PolicyFinding } from "../../harness/src/engine/policy.js";
import { finding as reportFinding } from "../report/fixtures.js";

const finding = reportFinding({ title: "t", message: "m", line: 3, column: 5 });
const raw = (inline: PolicyFinding["inline_waiver"] = null): PolicyFinding => ({
  rule: "no-root-user",
  level: "deny",
  message: "m",
  object: "Deployment/web",
  kind: "Deployment",
  owner: "web",
  namespace: "shop",
  container: "app",
  path: [],
  field: [],
  inline_waiver: inline,
});
const applier = (config: Partial<Config>, inlineWaivers: InlineWaivers = true) =>
  new ConfigApplier({ ...EMPTY_CONFIG, ...config }, { inlineWaivers, today: "2026-11-23" });

describe("ConfigApplier", () => {
  it("overrides severity and level, and knows disabled rules", () => {
    const a = applier({ rules: { "no-root-user": { severity: "low", level: "warn" }, "no-latest-tag": { enabled: false } } });
    expect(a.apply(finding, raw(), { matchPath: finding.file })).toMatchObject({ severity: "low", level: "warn", waived: false });
    expect(a.isEnabled("no-latest-tag")).toBe(false);
    expect(a.isEnabled("no-root-user")).toBe(true);
  });

  it("waives by rule, path glob, object and container, keeping the finding", () => {
    const waiver = { rules: ["no-root-user"], path: "deploy/*.yaml", object: "Deployment/web", container: "app", reason: "OPS-1" };
    expect(applier({ waivers: [waiver] }).apply(finding, raw(), { matchPath: "deploy/web.yaml" })).toMatchObject({
      waived: true,
      waiver: "OPS-1",
    });
    for (const miss of [{ path: "other/*.yaml" }, { object: "Deployment/api" }, { container: "sidecar" }, { rules: ["no-latest-tag"] }]) {
      expect(applier({ waivers: [{ ...waiver, ...miss }] }).apply(finding, raw(), { matchPath: "deploy/web.yaml" }).waived).toBe(false);
    }
  });

  it("applies a waiver through its expiry day and not after", () => {
    const on = (expires: string) =>
      applier({ waivers: [{ rules: ["no-root-user"], reason: "r", expires }] }).apply(finding, raw(), { matchPath: "x" });
    expect(on("2026-11-23")).toMatchObject({ waived: true });
    expect(on("2026-11-22")).toMatchObject({ waived: false, waiver: "expired waiver (2026-11-22): r" });
  });

  it("honours in-place waivers only with a reason and only when allowed", () => {
    expect(applier({}).apply(finding, raw({ reason: "vendor" }), { matchPath: "x" })).toMatchObject({ waived: true, waiver: "vendor" });
    expect(applier({}).apply(finding, raw({ reason: "" }), { matchPath: "x" })).toMatchObject({
      waived: false,
      waiver: "in-place waiver ignored: it gives no reason",
    });
    expect(applier({}, false).apply(finding, raw({ reason: "vendor" }), { matchPath: "x" })).toMatchObject({
      waived: false,
      waiver: "in-place waiver ignored: in-place waivers are not honoured here",
    });
  });

  it("honours in-place waivers only for the rules and namespaces allowed", () => {
    const inline = raw({ reason: "vendor" });
    const at = { matchPath: "x" };
    expect(applier({}, { rules: ["no-root-user"] }).apply(finding, inline, at).waived).toBe(true);
    expect(applier({}, { rules: ["no-privileged"] }).apply(finding, inline, at)).toMatchObject({
      waived: false,
      waiver: "in-place waiver ignored: no-root-user may not be waived in place",
    });
    expect(applier({}, { namespaces: ["shop"] }).apply(finding, inline, at).waived).toBe(true);
    expect(applier({}, { namespaces: ["tools"] }).apply(finding, inline, at).waived).toBe(false);
    // What the API server says of the object wins over what the manifest says.
    expect(applier({}, { namespaces: ["shop"] }).apply(finding, inline, { subject: { namespace: "tools" } }).waived).toBe(false);
  });

  it("never lets a docker label waive how a container runs", () => {
    const container = { ...raw({ reason: "trust me" }), kind: "container", namespace: null };
    expect(applier({}).apply({ ...finding, shape: "docker" }, container, { matchPath: "x" })).toMatchObject({ waived: false });
    const image = { ...container, kind: "image" };
    expect(applier({}).apply({ ...finding, shape: "docker" }, image, { matchPath: "x" })).toMatchObject({ waived: true });
  });

  it("matches waivers on kind, namespace and name, and never on a path glob for an object under review", () => {
    const waiver = { rules: ["no-root-user"], kind: "Deployment", namespace: "shop", name: "web", reason: "OPS-2" };
    expect(applier({ waivers: [waiver] }).apply(finding, raw(), { matchPath: "x" }).waived).toBe(true);
    const review = { subject: { kind: "Deployment", namespace: "shop", name: "web" } };
    expect(applier({ waivers: [waiver] }).apply(finding, raw(), review).waived).toBe(true);
    expect(applier({ waivers: [{ ...waiver, namespace: "prod" }] }).apply(finding, raw(), review).waived).toBe(false);
    // A Pod named like a file path does not pick up a file waiver at admission.
    const byPath = { rules: ["no-root-user"], path: "**", reason: "files" };
    expect(applier({ waivers: [byPath] }).apply(finding, raw(), review).waived).toBe(false);
  });

  it("ignores paths by glob", () => {
    const a = applier({ ignore: ["charts/**", "*.generated.yaml"] });
    expect(a.isIgnored("charts/web/templates/deploy.yaml")).toBe(true);
    expect(a.isIgnored("x.generated.yaml")).toBe(true);
    expect(a.isIgnored("deploy/web.yaml")).toBe(false);
  });
});
