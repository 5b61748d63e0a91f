import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { INPUTS, ROOT } from "../helpers.js";
import { call as callWith, certificate, review, startServer, type Running } from "./support.js";

// The real server (bin/shipshape.js serve) on a random loopback port over TLS, with a certificate made here.
const tls = certificate();
const { ca } = tls;
const start = (extra: string[] = []) => startServer(tls, extra);
const call = (port: number, method: string, path: string, body?: string | Buffer) => callWith(ca, port, method, path, body);
const sample = (path: string) => parse(readFileSync(join(INPUTS, path), "utf8"));

describe("shipshape serve", () => {
  let server: Running;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => {
    server.child.kill("SIGTERM");
  });

  it("is alive and ready", async () => {
    expect(await call(server.port, "GET", "/healthz")).toMatchObject({ status: 200, body: "ok\n" });
    expect(await call(server.port, "GET", "/readyz")).toMatchObject({ status: 200, body: "ready\n" });
  });

  it("denies a Pod with deny findings, echoing the uid, with warnings for warn findings", async () => {
    const body = readFileSync(join(INPUTS, "kubernetes", "bad", "admission-review.json"));
    const { status, body: text } = await call(server.port, "POST", "/validate", body);
    const answer = JSON.parse(text);
    expect(status).toBe(200);
    expect(answer).toMatchObject({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview" });
    expect(answer.response).toMatchObject({ uid: "705ab4f5-6393-11e8-b7cc-42010a800002", allowed: false, status: { code: 403 } });
    expect(answer.response.status.message).toContain("[no-root-user] container debugger of Pod/debug");
    expect(answer.response.warnings).toEqual([expect.stringContaining("[image-digest-pinned]")]);
  });

  it("allows a compliant Deployment and CronJob", async () => {
    for (const path of ["kubernetes/good/deployment.yaml", "kubernetes/good/cronjob-no-probes.yaml"]) {
      const answer = JSON.parse((await call(server.port, "POST", "/validate", review(sample(path)))).body);
      expect(answer.response).toEqual({ uid: expect.any(String), allowed: true });
    }
  });

  it("evaluates dry runs, and allows DELETE and excluded namespaces without evaluating", async () => {
    const bad = sample("kubernetes/bad/no-root-user.yaml");
    expect(JSON.parse((await call(server.port, "POST", "/validate", review(bad, { dryRun: true }))).body).response.allowed).toBe(false);
    expect(JSON.parse((await call(server.port, "POST", "/validate", review(bad, { operation: "DELETE" }))).body).response.allowed).toBe(
      true,
    );
    expect(
      JSON.parse((await call(server.port, "POST", "/validate", review(bad, { namespace: "kube-system" }))).body).response.allowed,
    ).toBe(true);
  });

  it("answers 400 to bodies that are not AdmissionReviews and 404 elsewhere", async () => {
    expect(await call(server.port, "POST", "/validate", "{not json")).toMatchObject({
      status: 400,
      body: '{"error":"the body is not valid JSON"}',
    });
    const wrong = await call(server.port, "POST", "/validate", JSON.stringify({ kind: "Pod" }));
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.body).error).toBe('not an admission.k8s.io/v1 AdmissionReview: kind must be "AdmissionReview"');
    expect((await call(server.port, "GET", "/nope")).status).toBe(404);
  });

  it("answers 413 to bodies over the limit", async () => {
    const big = Buffer.alloc(4 * 1024 * 1024, " ");
    expect((await call(server.port, "POST", "/validate", big)).status).toBe(413);
  });

  it("exports Prometheus metrics prefixed shipshape_", async () => {
    // Its own requests, so the counts do not depend on other tests having run.
    const bad = sample("kubernetes/bad/no-root-user.yaml");
    await call(server.port, "POST", "/validate", review(bad));
    await call(server.port, "POST", "/validate", review(bad, { operation: "DELETE" }));
    await call(server.port, "POST", "/validate", "{not json");
    const { status, body, headers } = await call(server.port, "GET", "/metrics");
    expect(status).toBe(200);
    expect(String(headers["content-type"])).toContain("text/plain");
    expect(body).toMatch(/^shipshape_admission_requests_total\{result="denied"\} [1-9]/m);
    expect(body).toMatch(/^shipshape_admission_requests_total\{result="skipped"\} [1-9]/m);
    expect(body).toMatch(/^shipshape_admission_requests_total\{result="invalid"\} [1-9]/m);
    expect(body).toMatch(/^shipshape_findings_total\{rule="no-root-user",level="deny"\} [1-9]/m);
    expect(body).toMatch(/^shipshape_admission_duration_seconds_bucket\{le="0.01"\} [1-9]/m);
    expect(body).toMatch(/^shipshape_process_cpu_seconds_total /m);
    for (const line of body.split("\n").filter((l) => l && !l.startsWith("#"))) expect(line).toMatch(/^shipshape_/);
  });

  it("logs one JSON line per decision, without secret values", async () => {
    const secret = "Zq7-server-secret-42";
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "s" },
      spec: { containers: [{ name: "c", image: "a:1", env: [{ name: "DB_PASSWORD", value: secret }] }] },
    };
    const { body } = await call(server.port, "POST", "/validate", review(pod));
    expect(body).toContain("no-secrets-in-env");
    expect(body).not.toContain(secret);
    const decision = await server.waitForLog(
      (l) =>
        l.msg === "admission decision" && l.name === undefined && l.kind === "Pod" && (l.rules as string[]).includes("no-secrets-in-env"),
    );
    expect(decision).toMatchObject({
      kind: "Pod",
      namespace: "apps",
      result: "denied",
      rules: expect.arrayContaining(["no-secrets-in-env"]),
    });
    expect(server.logs.join("\n")).not.toContain(secret);
  });
});

describe("shipshape serve --audit", () => {
  it("allows what it would deny, and says so in warnings", async () => {
    const audit = await start(["--audit"]);
    try {
      const answer = JSON.parse((await call(audit.port, "POST", "/validate", review(sample("kubernetes/bad/no-root-user.yaml")))).body);
      expect(answer.response.allowed).toBe(true);
      expect(answer.response.warnings).toEqual(expect.arrayContaining([expect.stringContaining("[no-root-user]")]));
      expect((await call(audit.port, "GET", "/metrics")).body).toMatch(/^shipshape_admission_requests_total\{result="audit_denied"\} 1/m);
    } finally {
      audit.child.kill("SIGTERM");
    }
  });
});

describe("graceful shutdown", () => {
  it("finishes a request in flight on SIGTERM, then exits 0", async () => {
    const running = await start();
    const body = review(sample("kubernetes/good/deployment.yaml"));
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          servername: "localhost",
          port: running.port,
          method: "POST",
          path: "/validate",
          ca,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 100)); // the request is in flight when the signal arrives
      req.flushHeaders();
      req.on("socket", (socket) =>
        socket.once("secureConnect", () => {
          // A request on another connection, sent after this one's first bytes: once it is answered, the
          // server has read them, so this request is in flight when the signal arrives.
          void call(running.port, "GET", "/readyz").then(() => {
            running.child.kill("SIGTERM");
            // Finish the body only once the server has said it is draining: it must still answer.
            void running.waitForLog((l) => l.msg === "draining in-flight requests").then(() => req.end(body.slice(100)));
          });
        }),
      );
    });
    const exited = running.exited;
    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text).response.allowed).toBe(true);
    expect(await exited).toBe(0);
    expect(running.logs.some((l) => l.includes('"signal":"SIGTERM"'))).toBe(true);
  });

  it("refuses to start without TLS unless --insecure-http", async () => {
    let stderr = "";
    const child = spawn(process.execPath, ["bin/shipshape.js", "serve", "--port", "0"], { cwd: ROOT });
    child.stderr.on("data", (c) => (stderr += c));
    expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(2);
    expect(stderr).toContain("serve needs --tls-cert and --tls-key (or --insecure-http for plain HTTP)");
  });
});

describe("request limits", () => {
  it("answers 413 to a chunked body that grows past the limit", async () => {
    const running = await start(["--max-body-bytes", "1024"]);
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          { host: "127.0.0.1", servername: "localhost", port: running.port, method: "POST", path: "/validate", ca },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on("error", reject);
        for (let i = 0; i < 8; i++) req.write(" ".repeat(512));
        req.end();
      });
      expect(status).toBe(413);
    } finally {
      running.child.kill("SIGTERM");
    }
  });
});
