/** How `shipshape serve` runs. */
export interface ServeOptions {
  port: number;
  host: string;
  /** PEM files; reloaded when they change (cert-manager rotates them in place). */
  tlsCert?: string;
  tlsKey?: string;
  /** Plain HTTP: only on explicit request, for local testing behind a TLS-terminating proxy. */
  insecureHttp: boolean;
  /** Bodies larger than this get 413. The API server sends at most a few MiB. */
  maxBodyBytes: number;
  /** Budget for reading a request and answering it; keep well under the webhook's timeoutSeconds. */
  timeoutMs: number;
  /** Namespaces allowed without evaluation (the webhook's own, kube-system). */
  excludedNamespaces: string[];
  /** Allow everything; log, count and warn about what would have been denied. */
  audit: boolean;
}

export const DEFAULT_SERVE_OPTIONS: ServeOptions = {
  port: 8443,
  host: "0.0.0.0",
  insecureHttp: false,
  maxBodyBytes: 3 * 1024 * 1024,
  timeoutMs: 2_000,
  excludedNamespaces: ["kube-system"],
  audit: false,
};
