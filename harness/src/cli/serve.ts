import { resolve } from "node:path";
import { pino } from "pino";
import { Checker } from "../check/checker.js";
import { EMPTY_CONFIG } from "../config/config.js";
import { readBundledArtifacts } from "../engine/bundled.js";
import { UsageError } from "../errors.js";
import { loadConfigFile } from "../node/config-file.js";
import { DEFAULT_SERVE_OPTIONS, type ServeOptions } from "../server/options.js";
import { createAdmissionServer } from "../server/server.js";
import { parseCommandArgs } from "./args.js";
import type { CliIO } from "./io.js";

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number`);
  return n;
}

/** `shipshape serve`: the validating admission webhook. Runs until SIGTERM or SIGINT, then drains and exits 0. */
export async function serve(args: string[], io: CliIO, signals: NodeJS.EventEmitter = process): Promise<number> {
  const { values } = parseCommandArgs(args, {
    port: { type: "string" },
    host: { type: "string" },
    "tls-cert": { type: "string" },
    "tls-key": { type: "string" },
    "insecure-http": { type: "boolean", default: false },
    "max-body-bytes": { type: "string" },
    "timeout-ms": { type: "string" },
    "exclude-namespace": { type: "string", multiple: true },
    audit: { type: "boolean", default: false },
    config: { type: "string", short: "c" },
    "inline-waivers": { type: "boolean", default: true },
  });
  const options: ServeOptions = {
    port: positiveInteger("port", values.port, DEFAULT_SERVE_OPTIONS.port),
    host: typeof values.host === "string" ? values.host : DEFAULT_SERVE_OPTIONS.host,
    ...(typeof values["tls-cert"] === "string" && { tlsCert: resolve(io.cwd, values["tls-cert"]) }),
    ...(typeof values["tls-key"] === "string" && { tlsKey: resolve(io.cwd, values["tls-key"]) }),
    insecureHttp: values["insecure-http"] === true,
    maxBodyBytes: positiveInteger("max-body-bytes", values["max-body-bytes"], DEFAULT_SERVE_OPTIONS.maxBodyBytes),
    timeoutMs: positiveInteger("timeout-ms", values["timeout-ms"], DEFAULT_SERVE_OPTIONS.timeoutMs),
    excludedNamespaces: [
      ...DEFAULT_SERVE_OPTIONS.excludedNamespaces,
      ...((values["exclude-namespace"] as string[] | undefined) ?? []),
      ...(io.env.POD_NAMESPACE ? [io.env.POD_NAMESPACE] : []), // its own namespace, from the downward API
    ],
    audit: values.audit === true,
  };
  const { wasm, catalog } = readBundledArtifacts();
  const config = typeof values.config === "string" ? loadConfigFile(resolve(io.cwd, values.config), catalog.rules).config : EMPTY_CONFIG;
  const checker = await Checker.create({ wasm, catalog, config, inlineWaivers: values["inline-waivers"] !== false && config.inlineWaivers });
  const log = pino({ base: { service: "shipshape" } }, { write: (line: string) => io.stdout.write(line) });
  const webhook = createAdmissionServer(checker, options, log);
  const port = await webhook.listen();
  log.info({ port, tls: !options.insecureHttp, audit: options.audit, excluded: options.excludedNamespaces }, "listening");

  return new Promise((done) => {
    const stop = (signal: string) => {
      log.info({ signal }, "draining in-flight requests");
      webhook.close().then(() => {
        log.info("stopped");
        done(0);
      });
    };
    signals.once("SIGTERM", () => stop("SIGTERM"));
    signals.once("SIGINT", () => stop("SIGINT"));
  });
}
