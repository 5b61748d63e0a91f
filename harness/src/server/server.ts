import { readFileSync, unwatchFile, watchFile } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { Socket } from "node:net";
import type { Logger } from "pino";
import { UsageError } from "../errors.js";
import type { Evaluator } from "./evaluator.js";
import { ServerMetrics } from "./metrics.js";
import type { ServeOptions } from "./options.js";
import type { ReviewOutcome } from "./review.js";

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
  /**
   * Stops accepting, lets requests in flight finish for at most `graceMs`, closes every other connection at
   * once (idle keep-alive ones, TLS handshakes that never finished), then resolves.
   */
  close(graceMs: number): Promise<void>;
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

/** The TCP connection under a request's socket (a TLS socket wraps it; Node keeps it as `_parent`). */
function connectionOf(socket: Socket): Socket {
  return (socket as Socket & { _parent?: Socket })._parent ?? socket;
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  type = "application/json",
  headers: Record<string, string> = {},
): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text), ...headers });
  response.end(text);
}

/**
 * The validating admission webhook's HTTP side: POST /validate, GET /healthz, /readyz, /metrics. Deciding is
 * the evaluator's (server/decide.ts); this module reads bodies within limits, answers, logs and counts. Every
 * phase of a request is bounded by `timeoutMs`: the TLS handshake, the headers, the whole body.
 */
export function createAdmissionServer(evaluator: Evaluator, options: ServeOptions, log: Logger): AdmissionServer {
  if (!options.insecureHttp && !(options.tlsCert && options.tlsKey)) {
    throw new UsageError("serve needs --tls-cert and --tls-key (or --insecure-http for plain HTTP)");
  }
  const metrics = new ServerMetrics();
  let draining = false;
  /** Every open connection, and how many requests each has in flight, so shutdown can close the idle ones. */
  const sockets = new Map<Socket, number>();
  /** Connections whose TLS handshake finished; the others are closed at once on shutdown. */
  const secured = new WeakSet<Socket>();

  async function validate(request: IncomingMessage, response: ServerResponse, started: bigint): Promise<void> {
    let outcome: ReviewOutcome;
    try {
      outcome = await evaluator.review(await readBody(request, options.maxBodyBytes));
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      outcome = {
        status: status as 400,
        message: error instanceof HttpError ? error.message : "internal error",
        result: status === 500 ? "error" : "invalid",
      };
    }
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (outcome.status === 200) {
      send(response, 200, outcome.answer);
      for (const f of outcome.findings) metrics.findings.inc({ rule: f.rule, level: f.level });
      log.info(
        {
          ...outcome.request,
          result: outcome.result,
          rules: [...new Set(outcome.findings.filter((f) => f.level !== "waived").map((f) => f.rule))],
          ...(outcome.waivers.length > 0 && { waivers: outcome.waivers }),
          ...(outcome.reason !== undefined && { reason: outcome.reason }),
          durationMs,
        },
        "admission decision",
      );
    } else {
      if (outcome.status === 500) log.error({ err: outcome.message }, "admission failed");
      else log.warn({ status: outcome.status, reason: outcome.message }, "admission request not decided");
      if (!response.headersSent)
        send(
          response,
          outcome.status,
          { error: outcome.message },
          "application/json",
          outcome.status === 429 ? { "retry-after": "1" } : {},
        );
    }
    metrics.requests.inc({ result: outcome.result });
    metrics.duration.observe(durationMs / 1e3);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const path = (request.url ?? "/").split("?")[0];
    const socket = connectionOf(request.socket);
    sockets.set(socket, (sockets.get(socket) ?? 0) + 1);
    response.on("close", () => {
      sockets.set(socket, Math.max(0, (sockets.get(socket) ?? 1) - 1));
      // While draining, a connection that has just answered its last request is closed at once.
      if (draining && sockets.get(socket) === 0) request.socket.destroySoon();
    });
    if (draining) response.setHeader("connection", "close");
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

  // Node checks request and header timeouts only this often (30 s by default): often enough to honour them.
  const timeouts = {
    requestTimeout: options.timeoutMs,
    headersTimeout: options.timeoutMs,
    keepAliveTimeout: 5_000,
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(options.timeoutMs / 2))),
  };
  let server: Server;
  if (options.insecureHttp) {
    server = createHttpServer(timeouts, listener);
  } else {
    const load = () => ({ cert: readFileSync(options.tlsCert!), key: readFileSync(options.tlsKey!) });
    const https = createHttpsServer({ ...load(), ...timeouts, minVersion: "TLSv1.2", handshakeTimeout: options.timeoutMs }, listener);
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
    https.on("secureConnection", (socket: Socket) => secured.add(connectionOf(socket)));
    server = https;
  }
  server.on("connection", (socket: Socket) => {
    sockets.set(socket, 0);
    socket.on("close", () => sockets.delete(socket));
    if (draining) socket.destroy();
  });

  return {
    server,
    metrics,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host, () => resolve((server.address() as { port: number }).port));
      }),
    close: (graceMs: number) =>
      new Promise((resolve) => {
        draining = true;
        const deadline = setTimeout(() => {
          for (const socket of sockets.keys()) socket.destroy();
        }, graceMs);
        server.close(() => {
          clearTimeout(deadline);
          void evaluator.close().then(() => resolve());
        });
        // Keep-alive connections between requests go now (Node knows which are mid-request), and so do TLS
        // connections that never finished their handshake; the rest get until the deadline.
        server.closeIdleConnections();
        if (!options.insecureHttp) for (const socket of sockets.keys()) if (!secured.has(socket)) socket.destroy();
      }),
  };
}
