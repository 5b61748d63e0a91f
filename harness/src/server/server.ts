import { readFileSync, unwatchFile, watchFile } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { Logger } from "pino";
import type { Checker } from "../check/checker.js";
import { UsageError } from "../errors.js";
import { admissionResponse, allowUnchecked, invalidReview, type AdmissionReview } from "./admission.js";
import { ServerMetrics } from "./metrics.js";
import type { ServeOptions } from "./options.js";

/** An HTTP error with a status and a message that is safe to show the client. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface AdmissionServer {
  server: Server;
  metrics: ServerMetrics;
  /** Resolves with the bound port once listening. */
  listen(): Promise<number>;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/**
 * Reads and discards the rest of an over-limit body so the client can finish sending and read the 413, rather
 * than having the connection reset under it mid-upload. A client that keeps sending far past the limit is cut off.
 */
function discardBody(request: IncomingMessage, limit: number): void {
  const budget = Math.max(limit * 4, 16 * 1024 * 1024);
  let discarded = 0;
  request.removeAllListeners("data");
  request.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > budget) request.socket.destroy();
  });
  request.resume();
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpError(413, `the body is over the limit of ${limit} bytes`);
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > limit) {
      discardBody(request, limit);
      return reject(tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        discardBody(request, limit);
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, type = "application/json"): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/**
 * The validating admission webhook: POST /validate, GET /healthz, /readyz, /metrics. The checker is ready
 * before the server is built, so /readyz answers 200 as soon as the port is open.
 */
export function createAdmissionServer(checker: Checker, options: ServeOptions, log: Logger): AdmissionServer {
  if (!options.insecureHttp && !(options.tlsCert && options.tlsKey)) {
    throw new UsageError("serve needs --tls-cert and --tls-key (or --insecure-http for plain HTTP)");
  }
  const metrics = new ServerMetrics();
  const excluded = new Set(options.excludedNamespaces);
  let draining = false;

  async function validate(request: IncomingMessage, response: ServerResponse, started: bigint): Promise<void> {
    let result = "error";
    let review: AdmissionReview | undefined;
    try {
      const body = await readBody(request, options.maxBodyBytes);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        throw new HttpError(400, "the body is not valid JSON");
      }
      const problem = invalidReview(parsed);
      if (problem) throw new HttpError(400, `not an admission.k8s.io/v1 AdmissionReview: ${problem}`);
      review = parsed as AdmissionReview;
      const { request: req } = review;
      if (req.operation === "DELETE" || (req.namespace !== undefined && excluded.has(req.namespace))) {
        result = "skipped";
        send(response, 200, allowUnchecked(review));
        return;
      }
      const name = `${req.kind?.kind ?? "object"}/${req.namespace ?? "-"}/${req.name ?? "-"}`;
      const checked = checker.checkDocument(review, name);
      if (checked.errors.length > 0) throw new HttpError(400, checked.errors.map((e) => e.message).join("; "));
      const answer = admissionResponse(review, checked.findings, options.audit);
      const denies = checked.findings.some((f) => !f.waived && f.level === "deny");
      result = !denies ? "allowed" : options.audit ? "audit_denied" : "denied";
      for (const f of checked.findings) metrics.findings.inc({ rule: f.rule, level: f.waived ? "waived" : f.level });
      send(response, 200, answer);
      log.info(
        {
          uid: req.uid,
          kind: req.kind?.kind,
          namespace: req.namespace,
          name: req.name,
          operation: req.operation,
          dryRun: req.dryRun === true,
          result,
          rules: [...new Set(checked.findings.filter((f) => !f.waived).map((f) => f.rule))],
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        },
        "admission decision",
      );
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      result = status === 500 ? "error" : "invalid";
      const message = error instanceof HttpError ? error.message : "internal error";
      if (status === 500) log.error({ err: (error as Error).message, uid: review?.request.uid }, "admission failed");
      else log.warn({ status, reason: message }, "admission request rejected");
      if (!response.headersSent) send(response, status, { error: message });
    } finally {
      metrics.requests.inc({ result });
      metrics.duration.observe(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const path = (request.url ?? "/").split("?")[0];
    if (draining) response.setHeader("connection", "close");
    // While draining, a connection that has just answered its last request is closed at once.
    response.on("finish", () => {
      if (draining) server.closeIdleConnections();
    });
    if (request.method === "POST" && path === "/validate") return validate(request, response, started);
    if (request.method === "GET" && path === "/healthz") return send(response, 200, "ok\n", "text/plain");
    if (request.method === "GET" && path === "/readyz") {
      return draining ? send(response, 503, "shutting down\n", "text/plain") : send(response, 200, "ready\n", "text/plain");
    }
    if (request.method === "GET" && path === "/metrics") {
      return send(response, 200, await metrics.registry.metrics(), metrics.registry.contentType);
    }
    send(response, 404, { error: "not found" });
  }

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      log.error({ err: (error as Error).message }, "request failed");
      if (!response.headersSent) send(response, 500, { error: "internal error" });
    });
  };

  let server: Server;
  if (options.insecureHttp) {
    server = createHttpServer(listener);
  } else {
    const load = () => ({ cert: readFileSync(options.tlsCert!), key: readFileSync(options.tlsKey!) });
    const https = createHttpsServer({ ...load(), minVersion: "TLSv1.2" }, listener);
    const reload = () => {
      try {
        https.setSecureContext(load());
        log.info({ cert: options.tlsCert }, "reloaded the TLS certificate");
      } catch (error) {
        log.error({ err: (error as Error).message }, "could not reload the TLS certificate; keeping the old one");
      }
    };
    for (const file of [options.tlsCert!, options.tlsKey!]) watchFile(file, { interval: 1_000 }, reload);
    https.on("close", () => [options.tlsCert!, options.tlsKey!].forEach((file) => unwatchFile(file, reload)));
    server = https;
  }
  server.requestTimeout = options.timeoutMs;
  server.headersTimeout = Math.min(options.timeoutMs, 60_000);
  server.keepAliveTimeout = 5_000;

  return {
    server,
    metrics,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host, () => resolve((server.address() as { port: number }).port));
      }),
    close: () =>
      new Promise((resolve) => {
        draining = true;
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
