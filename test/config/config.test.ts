import { describe, expect, it } from "vitest";
import { parseConfig, paramsOf } from "../../harness/src/config/config.js";
import { readBundledArtifacts } from "../../harness/src/node/bundled.js";

const { catalog } = readBundledArtifacts();
const parse = (text: string) => parseConfig(text, ".shipshape.yaml", catalog.rules);

describe("parseConfig", () => {
  it("reads rules, parameters, ignores and waivers", () => {
    const config = parse(
      [
        "rules:",
        "  no-latest-tag: {enabled: false}",
        "  resource-limits: {severity: high, level: warn, params: {resources: [memory]}}",
        "ignore: ['charts/**']",
        "waivers:",
        "  - {rule: no-root-user, path: 'legacy/*.yaml', reason: vendor image, expires: 2030-06-30}",
        "  - {rules: [read-only-rootfs, healthcheck-required], object: Deployment/web, reason: OPS-1}",
        "inline-waivers: false",
        "fail-level: warn",
      ].join("\n"),
    );
    expect(config.rules["no-latest-tag"]).toEqual({ enabled: false });
    expect(paramsOf(config)).toEqual({ "resource-limits": { resources: ["memory"] } });
    expect(config.ignore).toEqual(["charts/**"]);
    expect(config.waivers.map((w) => w.rules)).toEqual([["no-root-user"], ["read-only-rootfs", "healthcheck-required"]]);
    expect(config.inlineWaivers).toBe(false);
    expect(config.failLevel).toBe("warn");
  });

  it("accepts an empty file", () => {
    expect(parse("")).toEqual({ rules: {}, ignore: [], waivers: [] });
  });

  it.each([
    ["rules:\n  no-such-rule: {enabled: false}\n", /^\.shipshape\.yaml:2: unknown rule "no-such-rule" in configuration$/],
    [
      "rules:\n  no-root-user:\n    level: block\n",
      /^\.shipshape\.yaml:3: invalid configuration: rules\.no-root-user\.level must be one of deny, warn$/,
    ],
    ["waivers:\n  - {rule: no-root-user}\n", /^\.shipshape\.yaml:2: invalid configuration: .*reason/],
    ["waivers:\n  - {rule: no-root-user, rules: [x], reason: r}\n", /needs exactly one of "rule" or "rules"/],
    ["waivers:\n  - {rule: nope, reason: r}\n", /unknown rule "nope" in waiver/],
    ["waivers:\n  - {rule: no-root-user, reason: r, expires: 2026-02-30}\n", /:2: "2026-02-30" is not a date/],
    ["waivers:\n  - {rule: no-root-user, reason: r, expires: tomorrow}\n", /must match pattern/],
    ["colour: blue\n", /^\.shipshape\.yaml:1: invalid configuration: unknown field "colour" in the configuration$/],
    [
      "rules:\n  resource-limits:\n    params: {resource: [memory]}\n",
      /^\.shipshape\.yaml:3: invalid configuration: unknown parameter "resource" of resource-limits \(its parameters: resources\)$/,
    ],
    [
      "rules:\n  resource-limits:\n    params: {resources: [disk]}\n",
      /:3: invalid configuration: rules\.resource-limits\.params\.resources\.0 must be one of memory, cpu$/,
    ],
    ["rules:\n  no-root-user:\n    params: {x: 1}\n", /unknown parameter "x" of no-root-user \(it has no parameters\)/],
    ["rules: [\n", /^\.shipshape\.yaml:\d+: invalid configuration: /],
  ])("rejects %j", (text, message) => {
    expect(() => parse(text)).toThrow(message);
    try {
      parse(text);
    } catch (error) {
      expect(error).toMatchObject({ code: "USAGE_ERROR" });
    }
  });
});
