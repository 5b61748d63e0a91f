import type { Finding } from "../finding.js";

/** How many findings of one rule are deny, warn and waived (a baselined finding counts as waived). */
export interface RuleCounts {
  deny: number;
  warn: number;
  waived: number;
}

/** Findings counted by rule, most first (by `rank`, then by rule id): the per-rule tables of text and markdown. */
export function countsByRule(findings: readonly Finding[], rank: (c: RuleCounts) => number): Array<[string, RuleCounts]> {
  const byRule = new Map<string, RuleCounts>();
  for (const f of findings) {
    const count = byRule.get(f.rule) ?? { deny: 0, warn: 0, waived: 0 };
    count[f.waived ? "waived" : f.level] += 1;
    byRule.set(f.rule, count);
  }
  return [...byRule].sort((a, b) => rank(b[1]) - rank(a[1]) || a[0].localeCompare(b[0]));
}
