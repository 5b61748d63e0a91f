import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { ROOT, tempDir } from "../helpers.js";

/** A self-signed certificate for localhost, made once per test file, in a temp dir removed afterwards. */
export function certificate(): { cert: string; key: string; ca: Buffer } {
  const dir = tempDir("serve");
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  return { cert, key, ca: readFileSync(cert) };
}

export interface Running {
  child: ChildProcess;
  port: number;
  logs: string[];
  /** Resolves when a log line satisfies `test` (already written or still to come). */
  waitForLog(test: (entry: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/** The real server (bin/shipshape.js serve) on a random loopback port over TLS. */
export function startServer(tls: { cert: string; key: string }, extra: string[] = []): Promise<Running> {
  const child = spawn(
    process.execPath,
    ["bin/shipshape.js", "serve", "--host", "127.0.0.1", "--port", "0", "--tls-cert", tls.cert, "--tls-key", tls.key, ...extra],
    { cwd: ROOT },
  );
  const logs: string[] = [];
  const waiters: Array<{ test: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }> = [];
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return new Promise((resolve, reject) => {
    const running: Running = {
      child,
      port: 0,
      logs,
      exited,
      waitForLog: (test) =>
        new Promise((found) => {
          const seen = logs.map((l) => JSON.parse(l) as Record<string, unknown>).find(test);
          if (seen) found(seen);
          else waiters.push({ test, resolve: found });
        }),
    };
    child.stdout.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        logs.push(line);
        const entry = JSON.parse(line) as Record<string, unknown>;
        for (const waiter of waiters.filter((w) => w.test(entry))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(entry);
        }
        if (entry.msg === "listening") resolve({ ...running, port: entry.port as number });
      }
    });
    void exited.then((code) => reject(new Error(`serve exited early with ${code}`)));
  });
}

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

export function call(ca: Buffer, port: number, method: string, path: string, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", servername: "localhost", port, method, path, ca, headers: { "content-type": "application/json" } },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode!, body: text, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export const review = (object: unknown, request: Record<string, unknown> = {}) =>
  JSON.stringify({
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    request: {
      uid: `uid-${Math.random()}`,
      kind: { group: "", version: "v1", kind: (object as { kind: string }).kind },
      namespace: "apps",
      operation: "CREATE",
      object,
      ...request,
    },
  });
