// Load on a real `shipshape serve` over TLS on loopback: fixed request rates with a realistic Deployment
// AdmissionReview, measured with autocannon running in this process (the load generator shares the 2 cores).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
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
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost"], { stdio: "ignore" });
  const server = spawn(process.execPath, ["bin/shipshape.js", "serve", "--host", "127.0.0.1", "--port", "0", "--tls-cert", cert, "--tls-key", key], { cwd: ROOT });
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => {
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
    request: { uid: "bench", kind: { group: "apps", version: "v1", kind: "Deployment" }, namespace: "apps", name: "web", operation: "CREATE", object: deployment },
  });
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"; // the certificate was made above, for loopback only
  const results: LoadResult[] = [];
  const target = { url: `https://127.0.0.1:${port}/validate`, method: "POST" as const, headers: { "content-type": "application/json" }, body };
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
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await serverLoad([100, 300], 5), null, 2));
}
