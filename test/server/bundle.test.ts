// serve --bundle: the admission server runs a team's prebuilt rules (no OPA in the image), reloads the bundle
// file when it is replaced, and says which bundle is in force in /metrics and its logs.
import { cpSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers.js";
import { runCli } from "../cli/run-cli.js";
import { call as callWith, certificate, review, startServer, type Running } from "./support.js";

const tls = certificate();
const call = (port: number, method: string, path: string, body?: string) => callWith(tls.ca, port, method, path, body);
const env = () => ({ XDG_CACHE_HOME: tempDir("cache"), SHIPSHAPE_OPA: join(ROOT, ".tools", "bin", "opa") });

const nodePort = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "edge", labels: { owner: "web" } },
  spec: { type: "NodePort", ports: [{ port: 80 }] },
};

async function build(policy: string, output: string): Promise<string> {
  const run = await runCli(["build", "-p", policy, "-o", output], { env: env() });
  expect(run.code).toBe(0);
  return /sha256 ([0-9a-f]{12})/.exec(run.stderr)![1]!;
}

describe("shipshape serve --bundle", () => {
  let server: Running | undefined;
  afterAll(() => {
    server?.child.kill("SIGTERM");
  });

  it("judges with the bundle's rules, and takes up a replaced bundle without a restart", async () => {
    const dir = tempDir("serve-bundle");
    const policy = join(dir, "policy");
    cpSync(join(ROOT, "examples", "custom-rules", "policy"), policy, { recursive: true });
    const bundle = join(dir, "team.bundle");
    const first = await build(policy, bundle);
    server = await startServer(tls, ["--bundle", bundle]);

    const denied = JSON.parse((await call(server.port, "POST", "/validate", review(nodePort))).body);
    expect(denied.response).toMatchObject({ allowed: false });
    expect(denied.response.status.message).toContain("[main/deny_nodeport] Service edge is of type NodePort");
    const metrics = (await call(server.port, "GET", "/metrics")).body;
    expect(metrics).toMatch(new RegExp(`shipshape_policy_info\\{hash="${first}[0-9a-f]{52}",rules="\\d+"\\} 1`));

    // The team drops its NodePort rule and rebuilds; the new file replaces the old one in one rename.
    rmSync(join(policy, "services.rego"));
    const second = await build(policy, `${bundle}.new`);
    renameSync(`${bundle}.new`, bundle);
    await server.waitForLog((entry) => entry.msg === "reloaded the policy bundle");
    const allowed = JSON.parse((await call(server.port, "POST", "/validate", review(nodePort))).body);
    expect(allowed.response).toMatchObject({ allowed: true });
    expect((await call(server.port, "GET", "/metrics")).body).toMatch(new RegExp(`shipshape_policy_info\\{hash="${second}`));
  });
});
