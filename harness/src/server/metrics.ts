import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** The server's Prometheus metrics, all prefixed shipshape_, in a registry of their own. */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: "shipshape_admission_requests_total",
    help: "Admission reviews answered, by result (allowed, denied, audit_denied, skipped, invalid, error).",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: "shipshape_admission_duration_seconds",
    help: "Time to answer an admission review, from the request's first byte to the response.",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly findings = new Counter({
    name: "shipshape_findings_total",
    help: "Findings in admission reviews, by rule and level (waived ones under level waived).",
    labelNames: ["rule", "level"] as const,
    registers: [this.registry],
  });

  /** 1 for the policy in force: its source hash (`built-in` for the bundled rules) and how many rules it holds. */
  readonly policy = new Gauge({
    name: "shipshape_policy_info",
    help: "The policy in force: its bundle's source hash (built-in when none) and its number of rules; value 1.",
    labelNames: ["hash", "rules"] as const,
    registers: [this.registry],
  });

  /** Records the policy now in force (after start-up or a bundle reload). */
  setPolicy(hash: string, rules: number): void {
    this.policy.reset();
    this.policy.set({ hash, rules: String(rules) }, 1);
  }

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "shipshape_" });
  }
}
