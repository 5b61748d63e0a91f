// Load on a real `shipshape serve` over TLS on loopback: fixed request rates with a realistic Deployment
// AdmissionReview, measured with autocannon running in this process (the load generator shares the 2 cores).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { parse } from "yaml";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface LoadResult {
  rate: number;
  throughput: number;
  /** Client-side latency (autocannon, whole milliseconds). */
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
  /** Server-side share of requests answered within 10 ms (from the server's own histogram). */
  serverWithin10ms: number;
}

// Cumulative counts of the server's duration histogram, by upper bound in seconds.
async function serverHistogram(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`https://127.0.0.1:${port}/metrics`)).text();
  return new Map(
    [...text.matchAll(/^shipshape_admission_duration_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)].map((m) => [m[1]!, Number(m[2])]),
  );
}

export async function serverLoad(rates: number[], seconds: number): Promise<LoadResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "shipshape-load-"));
  const [cert, key] = [join(dir, "cert.pem"), join(dir, "key.pem")];
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost"],
    { stdio: "ignore" },
  );
  const server = spawn(
    process.execPath,
    ["bin/shipshape.js", "serve", "--host", "127.0.0.1", "--port", "0", "--tls-cert", cert, "--tls-key", key],
    { cwd: ROOT },
  );
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        const entry = JSON.parse(line) as { msg: string; port?: number };
        if (entry.msg === "listening") resolve(entry.port!);
      }
    });
    server.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
  });
  // A typical Deployment under review: compliant but for a missing digest and CPU request (two warnings).
  const deployment = parse(readFileSync(join(ROOT, "inputs", "kubernetes", "good", "deployment.yaml"), "utf8"));
  deployment.spec.template.spec.containers[0].image = "registry.example.com/web:1.4.2";
  const body = JSON.stringify({
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    request: {
      uid: "bench",
      kind: { group: "apps", version: "v1", kind: "Deployment" },
      namespace: "apps",
      name: "web",
      operation: "CREATE",
      object: deployment,
    },
  });
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"; // the certificate was made above, for loopback only
  const results: LoadResult[] = [];
  const target = {
    url: `https://127.0.0.1:${port}/validate`,
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    body,
  };
  try {
    await autocannon({ ...target, connections: 4, overallRate: 200, duration: 3 }); // warm-up (JIT), not measured
    for (const rate of rates) {
      const before = await serverHistogram(port);
      const r = await autocannon({
        url: `https://127.0.0.1:${port}/validate`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        connections: 4,
        overallRate: rate,
        duration: seconds,
      });
      const after = await serverHistogram(port);
      const delta = (le: string) => (after.get(le) ?? 0) - (before.get(le) ?? 0);
      results.push({
        rate,
        throughput: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        requests: r.requests.total,
        serverWithin10ms: delta("0.01") / Math.max(1, delta("+Inf")),
      });
    }
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

export interface FloodResult {
  /** Small reviews (a Pod) at a fixed rate, client-side latency in milliseconds. */
  smallP50: number;
  smallP99: number;
  smallRequests: number;
  smallErrors: number;
  /** Maximum-size reviews (just under the 3 MiB body limit) sent back to back on 4 connections. */
  largeAnswered: number;
  largeShed: number;
  largeErrors: number;
  /** The server process's peak resident memory (VmHWM), MiB. */
  serverPeakRssMiB: number;
}

/**
 * Small reviews at `rate` per second while four other connections send maximum-size reviews back to back:
 * the small ones must stay fast (they are decided on the main thread; large ones wait for the worker or are
 * shed) and the server within its memory limit.
 */
export async function floodLoad(rate: number, seconds: number): Promise<FloodResult> {
  const dir = mkdtempSync(join(tmpdir(), "shipshape-flood-"));
  const [cert, key] = [join(dir, "cert.pem"), join(dir, "key.pem")];
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost"],
    { stdio: "ignore" },
  );
  const server = spawn(
    process.execPath,
    ["bin/shipshape.js", "serve", "--host", "127.0.0.1", "--port", "0", "--tls-cert", cert, "--tls-key", key],
    { cwd: ROOT },
  );
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        const entry = JSON.parse(line) as { msg: string; port?: number };
        if (entry.msg === "listening") resolve(entry.port!);
      }
    });
    server.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const request = (object: unknown) =>
    JSON.stringify({
      apiVersion: "admission.k8s.io/v1",
      kind: "AdmissionReview",
      request: { uid: "bench", kind: { kind: "Pod" }, namespace: "apps", operation: "CREATE", object },
    });
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: { containers: [{ name: "c", image: "registry.example.com/web:1.4.2" }] },
  };
  const big = request({ ...pod, metadata: { name: "big", annotations: { note: "x".repeat(3 * 1024 * 1024 - 4096) } } });
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"; // the certificate was made above, for loopback only
  const url = `https://127.0.0.1:${port}/validate`;
  const headers = { "content-type": "application/json" };
  const bigFile = join(dir, "big.json");
  writeFileSync(bigFile, big);
  try {
    await autocannon({ url, method: "POST", headers, body: request(pod), connections: 1, overallRate: 100, duration: 2 }); // warm-up
    // The flood comes from a process of its own: a load generator encrypting 3 MiB bodies would otherwise delay
    // this process's own small requests and measure itself.
    const flooder = spawn(process.execPath, [join(ROOT, "bench", "flood.mjs"), url, bigFile, String(seconds + 1)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let floodOutput = "";
    flooder.stdout.on("data", (chunk: Buffer) => (floodOutput += chunk.toString()));
    const flooded = new Promise<void>((resolve) => flooder.on("exit", () => resolve()));
    const small = await autocannon({
      url,
      method: "POST",
      headers,
      body: request(pod),
      connections: 1,
      overallRate: rate,
      duration: seconds,
    });
    await flooded;
    const large = JSON.parse(floodOutput) as { answered: number; shed: number; errors: number };
    const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
    const hwm = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    return {
      smallP50: small.latency.p50,
      smallP99: small.latency.p99,
      smallRequests: small.requests.total,
      smallErrors: small.errors + small.timeouts + small.non2xx,
      largeAnswered: large.answered,
      largeShed: large.shed,
      largeErrors: large.errors,
      serverPeakRssMiB: Math.round(hwm / 1024),
    };
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await serverLoad([100, 300], 5), null, 2));
  console.log(JSON.stringify(await floodLoad(50, 10), null, 2));
}
