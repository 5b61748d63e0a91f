// Security review classes 1 and 8 against the real server process: its defaults and the shipped deploy/
// arguments refuse self-waivers; slow and silent clients cannot keep it alive after SIGTERM or hold a
// connection past --timeout-ms; SIGHUP reloads the configuration instead of killing the process.
import { connect } from "node:net";
import { request } from "node:https";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, tempDir } from "../helpers.js";
import { call, certificate, review, startServer } from "./support.js";

const tls = certificate();

const selfWaived = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "trust-me",
    annotations: { "shipshape.dev/waive": "no-privileged,no-host-namespaces", "shipshape.dev/waive-reason": "trust me" },
  },
  spec: { hostNetwork: true, containers: [{ name: "c", image: "a:1", securityContext: { privileged: true } }] },
};

/** The arguments the shipped Deployment runs the server with, except where it listens and its certificate. */
function deployedArgs(): string[] {
  const deployment = parse(readFileSync(join(ROOT, "deploy", "deployment.yaml"), "utf8")) as {
    spec: { template: { spec: { containers: Array<{ args: string[] }> } } };
  };
  return deployment.spec.template.spec.containers[0]!.args.filter((a) => a !== "serve" && !/^--(port|tls-cert|tls-key)=/.test(a));
}

describe("serve: self-waivers", () => {
  it.each([
    ["its defaults", []],
    ["the shipped deploy/ arguments", deployedArgs()],
  ])("refuses a privileged host-network Pod that waives itself, with %s", async (_, args) => {
    const server = await startServer(tls, args);
    try {
      const answer = JSON.parse((await call(tls.ca, server.port, "POST", "/validate", review(selfWaived))).body);
      expect(answer.response.allowed).toBe(false);
      expect(answer.response.status.message).toContain("[no-privileged]");
      expect(answer.response.status.message).toContain("[no-host-namespaces]");
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });
});

describe("serve: lifecycle", () => {
  it("exits after the grace period on SIGTERM, whatever slow and silent clients do", async () => {
    const server = await startServer(tls, ["--shutdown-grace-ms", "300", "--timeout-ms", "60000"]);
    const silent = connect(server.port, "127.0.0.1"); // TCP only: never starts the TLS handshake
    silent.on("error", () => {});
    await new Promise((resolve) => silent.once("connect", resolve));
    const slow = request({
      host: "127.0.0.1",
      servername: "localhost",
      port: server.port,
      method: "POST",
      path: "/validate",
      ca: tls.ca,
      headers: { "content-length": "1000" },
    });
    slow.on("error", () => {});
    slow.write("{");
    await call(tls.ca, server.port, "GET", "/healthz"); // the slow request is in flight by now
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    await server.waitForLog((l) => l.msg === "stopped");
    silent.destroy();
  });

  it("answers 408 to a body that does not arrive within --timeout-ms", async () => {
    const server = await startServer(tls, ["--timeout-ms", "300"]);
    try {
      const status = await new Promise<number | string>((resolve) => {
        const slow = request(
          {
            host: "127.0.0.1",
            servername: "localhost",
            port: server.port,
            method: "POST",
            path: "/validate",
            ca: tls.ca,
            headers: { "content-length": "1000" },
          },
          (res) => resolve(res.statusCode!),
        );
        slow.on("error", (error) => resolve((error as NodeJS.ErrnoException).code ?? "error"));
        slow.write("{");
      });
      expect([408, "ECONNRESET"]).toContain(status);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });

  it("reloads its configuration on SIGHUP, and keeps serving", async () => {
    const dir = tempDir("reload", { "config.yaml": "waivers: []\n" });
    const config = join(dir, "config.yaml");
    const server = await startServer(tls, ["--config", config]);
    try {
      const ask = async () =>
        JSON.parse((await call(tls.ca, server.port, "POST", "/validate", review(selfWaived))).body).response.status.message as string;
      expect(await ask()).toContain("[no-privileged]");
      writeFileSync(config, "waivers:\n  - {rule: no-privileged, kind: Pod, namespace: apps, name: trust-me, reason: OPS-12}\n");
      server.child.kill("SIGHUP");
      await server.waitForLog((l) => l.msg === "reloaded the configuration");
      expect(await ask()).not.toContain("[no-privileged]");
      const decision = await server.waitForLog((l) => l.msg === "admission decision" && Array.isArray(l.waivers));
      expect(decision.waivers).toEqual([{ rule: "no-privileged", object: "Pod/trust-me", container: "c", reason: "OPS-12" }]);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });
});

describe("serve: overload", () => {
  it("keeps answering small reviews while another client floods it with maximum-size ones", async () => {
    const server = await startServer(tls);
    try {
      const filler = "x".repeat(3 * 1024 * 1024 - 4096);
      const big = review({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "big", annotations: { note: filler } },
        spec: { containers: [{ name: "c", image: "a:1" }] },
      });
      expect(Buffer.byteLength(big)).toBeLessThan(3 * 1024 * 1024);
      const small = review(selfWaived);
      let flooding = true;
      const statuses: number[] = [];
      const flood = Array.from({ length: 4 }, async () => {
        while (flooding) statuses.push((await call(tls.ca, server.port, "POST", "/validate", big)).status);
      });
      for (let i = 0; i < 20; i++) {
        const answer = await call(tls.ca, server.port, "POST", "/validate", small);
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body).response.allowed).toBe(false);
      }
      flooding = false;
      await Promise.all(flood);
      expect(statuses.length).toBeGreaterThan(0);
      for (const status of statuses) expect([200, 429]).toContain(status);
      expect((await call(tls.ca, server.port, "GET", "/healthz")).status).toBe(200);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });
});
