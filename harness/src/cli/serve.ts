import { unwatchFile, watchFile } from "node:fs";
import { resolve } from "node:path";
import { pino, type Logger } from "pino";
import { Checker } from "../check/checker.js";
import { EMPTY_CONFIG, type Config } from "../config/config.js";
import type { Catalog } from "../engine/catalog.js";
import { readBundledArtifacts } from "../node/bundled.js";
import { readBundleFile } from "../node/policy-source.js";
import { UsageError } from "../errors.js";
import { loadConfigFile } from "../node/config-file.js";
import { Evaluator, type ReviewWorkerSetup } from "../server/evaluator.js";
import { DEFAULT_SERVE_OPTIONS, REVIEW_WORKER_HEAP_MB, type ServeOptions } from "../server/options.js";
import { createAdmissionServer } from "../server/server.js";
import { parseCommandArgs } from "./args.js";
import { SERVE_OPTIONS } from "./options.js";
import { commandHelp } from "./usage.js";
import type { CliIO } from "./io.js";

function wholeNumber(name: string, value: unknown, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}`);
  return n;
}

/**
 * `shipshape serve`: the validating admission webhook. In-place waivers (annotations written by the author of
 * the object under review) are ignored unless the server's configuration allows some (`inline-waivers`) or
 * `--inline-waivers` allows all. Runs until SIGTERM or SIGINT, then drains and exits 0; SIGHUP reloads the
 * configuration file.
 */
export async function serve(args: string[], io: CliIO, signals: NodeJS.EventEmitter = process): Promise<number> {
  const { values } = parseCommandArgs(args, SERVE_OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("serve"));
    return 0;
  }
  const options: ServeOptions = {
    ...DEFAULT_SERVE_OPTIONS,
    port: wholeNumber("port", values.port, DEFAULT_SERVE_OPTIONS.port, 0),
    host: typeof values.host === "string" ? values.host : DEFAULT_SERVE_OPTIONS.host,
    ...(typeof values["tls-cert"] === "string" && { tlsCert: resolve(io.cwd, values["tls-cert"]) }),
    ...(typeof values["tls-key"] === "string" && { tlsKey: resolve(io.cwd, values["tls-key"]) }),
    insecureHttp: values["insecure-http"] === true,
    maxBodyBytes: wholeNumber("max-body-bytes", values["max-body-bytes"], DEFAULT_SERVE_OPTIONS.maxBodyBytes),
    timeoutMs: wholeNumber("timeout-ms", values["timeout-ms"], DEFAULT_SERVE_OPTIONS.timeoutMs),
    maxContainers: wholeNumber("max-containers", values["max-containers"], DEFAULT_SERVE_OPTIONS.maxContainers),
    shutdownGraceMs: wholeNumber("shutdown-grace-ms", values["shutdown-grace-ms"], DEFAULT_SERVE_OPTIONS.shutdownGraceMs, 0),
    excludedNamespaces: [
      ...DEFAULT_SERVE_OPTIONS.excludedNamespaces,
      ...((values["exclude-namespace"] as string[] | undefined) ?? []),
      ...(io.env.POD_NAMESPACE ? [io.env.POD_NAMESPACE] : []), // its own namespace, from the downward API
    ],
    audit: values.audit === true,
  };
  const log = pino({ base: { service: "shipshape" } }, { write: (line: string) => io.stdout.write(line) });
  const configFile = typeof values.config === "string" ? resolve(io.cwd, values.config) : undefined;
  const bundleFile = typeof values.bundle === "string" ? resolve(io.cwd, values.bundle) : undefined;
  interface LoadedPolicy {
    module: WebAssembly.Module;
    catalog: Catalog;
    hash: string;
  }
  /** The policy: the built-in one, or the --bundle file as it is now on disk. */
  async function loadPolicy(): Promise<LoadedPolicy> {
    const { wasm, catalog, hash } = bundleFile ? readBundleFile(bundleFile) : { ...readBundledArtifacts(), hash: "built-in" };
    return { module: await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>), catalog, hash };
  }
  let policy = await loadPolicy();

  /** The checker and the worker's setup for the configuration as it is now on disk. */
  async function load(): Promise<{ checker: Checker; setup: ReviewWorkerSetup; config: Config }> {
    const { module, catalog } = policy;
    const config = configFile ? loadConfigFile(configFile, catalog.rules).config : EMPTY_CONFIG;
    const inlineWaivers = values["inline-waivers"] === true ? true : (config.inlineWaivers ?? false);
    const checker = await Checker.create({ wasm: module, catalog, config, inlineWaivers, maxContainers: options.maxContainers });
    return { checker, setup: { checker: checker.options, audit: options.audit, excluded: options.excludedNamespaces }, config };
  }
  const loaded = await load();
  describeConfig(log, loaded.config, loaded.setup.checker.inlineWaivers);
  const evaluator = new Evaluator(loaded.checker, loaded.setup, {
    smallBytes: options.smallBodyBytes,
    maxPendingBytes: options.maxPendingBytes,
    timeoutMs: options.timeoutMs,
    workerHeapMb: REVIEW_WORKER_HEAP_MB,
  });
  const webhook = createAdmissionServer(evaluator, options, log);
  webhook.metrics.setPolicy(policy.hash, policy.catalog.rules.length);
  const port = await webhook.listen();
  log.info(
    { port, tls: !options.insecureHttp, audit: options.audit, excluded: options.excludedNamespaces, policy: policy.hash },
    "listening",
  );

  // A rebuilt bundle is taken up without a restart (a ConfigMap or volume updated in place); a broken one is
  // refused and the running policy kept.
  const reloadBundle = () => {
    loadPolicy()
      .then(async (next) => {
        if (next.hash === policy.hash) return;
        const previous = policy;
        policy = next;
        try {
          const { checker, setup } = await load();
          evaluator.replace(checker, setup);
        } catch (error) {
          policy = previous;
          throw error;
        }
        webhook.metrics.setPolicy(policy.hash, policy.catalog.rules.length);
        log.info({ bundle: bundleFile, policy: policy.hash, rules: policy.catalog.rules.length }, "reloaded the policy bundle");
      })
      .catch((error: unknown) =>
        log.error({ err: (error as Error).message, bundle: bundleFile }, "could not reload the policy bundle; keeping the old one"),
      );
  };
  if (bundleFile) watchFile(bundleFile, { interval: 1_000 }, reloadBundle);

  const reload = () => {
    load().then(
      ({ checker, setup, config }) => {
        evaluator.replace(checker, setup);
        describeConfig(log, config, setup.checker.inlineWaivers);
        log.info({ config: configFile ?? null }, "reloaded the configuration");
      },
      (error: unknown) => log.error({ err: (error as Error).message }, "could not reload the configuration; keeping the old one"),
    );
  };
  signals.on("SIGHUP", reload);

  return new Promise((done) => {
    const stop = (signal: string) => {
      signals.off("SIGHUP", reload);
      if (bundleFile) unwatchFile(bundleFile, reloadBundle);
      log.info({ signal, graceMs: options.shutdownGraceMs }, "draining in-flight requests");
      webhook.close(options.shutdownGraceMs).then(
        () => {
          log.info("stopped");
          done(0);
        },
        (error: unknown) => {
          log.error({ err: (error as Error).message }, "close failed");
          done(1);
        },
      );
    };
    signals.once("SIGTERM", () => stop("SIGTERM"));
    signals.once("SIGINT", () => stop("SIGINT"));
  });
}

/** Says at start-up (and on reload) what the configuration trusts, so an operator sees a risky setting. */
function describeConfig(log: Logger, config: Config, inlineWaivers: Config["inlineWaivers"]): void {
  const byPath = config.waivers.filter((w) => w.path !== undefined).length;
  if (byPath > 0)
    log.warn({ waivers: byPath }, "waivers with a path glob never match at admission (objects have no file); use kind, namespace and name");
  if (inlineWaivers === true) log.warn("in-place waivers are honoured: the author of an object can waive its own findings");
  else if (inlineWaivers) log.info({ inlineWaivers }, "in-place waivers are honoured only as configured");
}
