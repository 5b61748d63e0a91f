// Security review class 5: values that counted as set when they are not, and host features no rule judged.
// Each case goes through the compiled policy, for every shape that can express it.
import { describe, expect, it } from "vitest";
import { samplesChecker } from "../helpers.js";

const rules = async (text: string, file: string) => (await samplesChecker()).checkText(text, file).findings.map((f) => f.rule);

const pod = (container: string, spec = "") =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}  containers:\n    - name: c\n      image: a:1\n${container}`;
const service = (settings: string) => `services:\n  web:\n    image: a:1\n${settings}`;
const inspect = (config: object, host: object) => JSON.stringify([{ Name: "/c", Config: { Image: "a:1", ...config }, HostConfig: host }]);

describe("class 5: values that count as set when they are not", () => {
  it("a zero limit is no limit, however it is spelled", async () => {
    const limits = (await rules(pod('      resources: {limits: {memory: "0Mi", cpu: "0"}}\n'), "p.yaml")).filter(
      (r) => r === "resource-limits",
    );
    expect(limits).toHaveLength(2);
    for (const settings of ['    mem_limit: 0m\n    cpus: "0.0"\n', '    deploy: {resources: {limits: {memory: "0", cpus: 0}}}\n']) {
      expect((await rules(service(settings), "compose.yaml")).filter((r) => r === "resource-limits")).toHaveLength(2);
    }
    expect(
      (await rules(inspect({}, { Memory: 0, NanoCpus: 0, CpuQuota: -1 }), "i.json")).filter((r) => r === "resource-limits"),
    ).toHaveLength(2);
  });

  it("a health check whose test starts with NONE is disabled", async () => {
    expect(await rules(service('    healthcheck: {test: ["NONE", "curl", "-f", "http://x/"]}\n'), "compose.yaml")).toContain(
      "healthcheck-required",
    );
    expect(await rules(inspect({ Healthcheck: { Test: ["NONE", "x"] } }, {}), "i.json")).toContain("healthcheck-required");
  });

  it("a secret literal that starts with $ is still a literal where nothing expands it", async () => {
    expect(await rules(pod('      env: [{name: DB_PASSWORD, value: "$ecret"}]\n'), "p.yaml")).toContain("no-secrets-in-env");
    expect(await rules(pod('      env: [{name: DB_PASSWORD, value: "$(DB_PASSWORD_FROM_SECRET)"}]\n'), "p.yaml")).not.toContain(
      "no-secrets-in-env",
    );
    expect(await rules(service('    environment: {DB_PASSWORD: "$$ecret"}\n'), "compose.yaml")).toContain("no-secrets-in-env");
    expect(await rules(service('    environment: {DB_PASSWORD: "${DB_PASSWORD:-changeme}"}\n'), "compose.yaml")).toContain(
      "no-secrets-in-env",
    );
    expect(await rules(service('    environment: {DB_PASSWORD: "${DB_PASSWORD}"}\n'), "compose.yaml")).not.toContain("no-secrets-in-env");
    expect(await rules(inspect({ Env: ["DB_PASSWORD=$ecret"] }, {}), "i.json")).toContain("no-secrets-in-env");
  });

  it("the host cgroup namespace and host devices are judged", async () => {
    const compose = await rules(service('    cgroup: host\n    devices: ["/dev/sda:/dev/xvda"]\n'), "compose.yaml");
    expect(compose).toEqual(expect.arrayContaining(["no-host-namespaces", "no-host-devices"]));
    const docker = await rules(
      inspect({}, { CgroupnsMode: "host", Devices: [{ PathOnHost: "/dev/mem", PathInContainer: "/dev/mem" }] }),
      "i.json",
    );
    expect(docker).toEqual(expect.arrayContaining(["no-host-namespaces", "no-host-devices"]));
  });
});
