/** How `shipshape serve` runs. */
export interface ServeOptions {
  port: number;
  host: string;
  /** PEM files; reloaded when they change (cert-manager rotates them in place). */
  tlsCert?: string;
  tlsKey?: string;
  /** Plain HTTP: only on explicit request, for local testing behind a TLS-terminating proxy. */
  insecureHttp: boolean;
  /** Bodies larger than this get 413. The API server sends at most a few MiB (an object and its old version). */
  maxBodyBytes: number;
  /**
   * Bound on every phase of a request: the TLS handshake, the headers, the whole body, and the time a large
   * review may wait for evaluation before it is shed. Keep it well under the webhook's timeoutSeconds.
   */
  timeoutMs: number;
  /** Namespaces allowed without evaluation (the webhook's own, kube-system). */
  excludedNamespaces: string[];
  /** Allow everything; log, count and warn about what would have been denied. */
  audit: boolean;
  /** Most containers one object under review may hold; more is a denial with the reason. */
  maxContainers: number;
  /** Bodies up to this size are decided at once on the main thread; larger ones go to the worker. */
  smallBodyBytes: number;
  /** Bytes of large reviews that may wait for the worker; past this, new ones are shed (429) at once. */
  maxPendingBytes: number;
  /** On SIGTERM, how long requests in flight may take before every connection is closed. */
  shutdownGraceMs: number;
}

export const DEFAULT_SERVE_OPTIONS: ServeOptions = {
  port: 8443,
  host: "0.0.0.0",
  insecureHttp: false,
  maxBodyBytes: 3 * 1024 * 1024,
  timeoutMs: 2_000,
  excludedNamespaces: ["kube-system"],
  audit: false,
  maxContainers: 100,
  smallBodyBytes: 64 * 1024,
  maxPendingBytes: 16 * 1024 * 1024,
  shutdownGraceMs: 10_000,
};

/** Heap limit of the review worker, in MiB; the shipped Deployment's memory limit is 256 MiB. */
export const REVIEW_WORKER_HEAP_MB = 96;
