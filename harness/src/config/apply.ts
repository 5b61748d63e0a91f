import picomatch from "picomatch";
import type { PolicyFinding } from "../engine/policy.js";
import type { Finding } from "../report/finding.js";
import type { Config, ConfigWaiver } from "./config.js";

export interface ApplyOptions {
  /** Honour waivers written into workloads; false when anyone who edits a workload is not trusted to. */
  inlineWaivers: boolean;
  /** Today, as YYYY-MM-DD (UTC), for waiver expiry. */
  today: string;
}

/**
 * Applies configuration to one file's findings: drops findings of disabled rules, overrides severity and
 * level, and marks waived findings (never dropping them). `matchPath` is the file's path relative to the
 * configuration file, the form `ignore` and waiver `path` globs are written in.
 */
export class ConfigApplier {
  private readonly waivers: Array<ConfigWaiver & { matches?: (path: string) => boolean }>;
  private readonly ignored: (path: string) => boolean;

  constructor(
    private readonly config: Config,
    private readonly options: ApplyOptions,
  ) {
    this.waivers = config.waivers.map((w) => ({ ...w, ...(w.path && { matches: picomatch(w.path, { dot: true }) }) }));
    this.ignored = config.ignore.length > 0 ? picomatch(config.ignore, { dot: true }) : () => false;
  }

  isIgnored(matchPath: string): boolean {
    return this.ignored(matchPath);
  }

  isEnabled(ruleId: string): boolean {
    return this.config.rules[ruleId]?.enabled !== false;
  }

  apply(finding: Finding, raw: PolicyFinding, matchPath: string): Finding {
    const settings = this.config.rules[finding.rule];
    const adjusted: Finding = {
      ...finding,
      ...(settings?.severity && { severity: settings.severity }),
      ...(settings?.level && { level: settings.level }),
    };
    const configured = this.waivers.find((w) => this.covers(w, adjusted, matchPath));
    if (configured) {
      if (configured.expires && configured.expires < this.options.today) {
        adjusted.waiver = `expired waiver (${configured.expires}): ${configured.reason}`;
      } else {
        return { ...adjusted, waived: true, waiver: configured.reason };
      }
    }
    if (raw.inline_waiver) {
      const reason = raw.inline_waiver.reason;
      if (!this.options.inlineWaivers) adjusted.waiver = "in-place waiver ignored (--no-inline-waivers)";
      else if (reason === "") adjusted.waiver = "in-place waiver ignored: it gives no reason";
      else return { ...adjusted, waived: true, waiver: reason };
    }
    return adjusted;
  }

  private covers(waiver: (typeof this.waivers)[number], finding: Finding, matchPath: string): boolean {
    return (
      waiver.rules.includes(finding.rule) &&
      (!waiver.matches || waiver.matches(matchPath)) &&
      (!waiver.object || waiver.object === finding.object) &&
      (!waiver.container || waiver.container === finding.container)
    );
  }
}
