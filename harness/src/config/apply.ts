import picomatch from "picomatch";
import type { PolicyFinding } from "../engine/policy.js";
import type { Finding } from "../report/finding.js";
import type { Profile } from "../engine/catalog.js";
import type { Config, ConfigWaiver, InlineWaivers } from "./config.js";

export interface ApplyOptions {
  /** Whose waivers written into workloads count (see InlineWaivers); false when workload authors are not trusted. */
  inlineWaivers: InlineWaivers;
  /** Under `baseline`, only the rules of that profile run (besides rules the configuration enables by name). */
  profile?: Profile;
  /** Each rule's profile, by id (from the catalog). */
  ruleProfiles?: ReadonlyMap<string, Profile>;
  /** Today, as YYYY-MM-DD (UTC), for waiver expiry. */
  today: string;
}

/** The object a finding is about, as waivers match it: its kind, namespace and name. */
export interface WaiverSubject {
  kind?: string;
  namespace?: string;
  name?: string;
}

/** Where a finding comes from: a file (path globs apply) or an object under admission review (they never do). */
export interface FindingContext {
  /** The file's path as configuration globs see it; absent at admission, where no waiver `path` matches. */
  matchPath?: string;
  /** What the caller knows of the object for certain (the API server's kind, namespace and name). */
  subject?: WaiverSubject;
}

/**
 * Applies configuration to one file's findings: drops findings of disabled rules, overrides severity and
 * level, and marks waived findings (never dropping them). Waivers in the configuration match on the file path
 * (glob, relative to the configuration file), the owner (`object`, or `kind`/`namespace`/`name`) and the
 * container. In-place waivers count only as far as `inlineWaivers` allows, and a docker label never waives how
 * a container runs: image labels are written by the image's author, not by whoever runs it.
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
    const enabled = this.config.rules[ruleId]?.enabled;
    if (enabled !== undefined) return enabled;
    return this.options.profile !== "baseline" || this.options.ruleProfiles?.get(ruleId) === "baseline";
  }

  apply(finding: Finding, raw: PolicyFinding, context: FindingContext): Finding {
    const settings = this.config.rules[finding.rule];
    const adjusted: Finding = {
      ...finding,
      ...(settings?.severity && { severity: settings.severity }),
      ...(settings?.level && { level: settings.level }),
    };
    const subject: WaiverSubject = context.subject ?? {
      kind: raw.kind,
      name: raw.owner,
      ...(raw.namespace !== null && { namespace: raw.namespace }),
    };
    const configured = this.waivers.find((w) => this.covers(w, adjusted, context.matchPath, subject));
    if (configured) {
      if (configured.expires && configured.expires < this.options.today) {
        adjusted.waiver = `expired waiver (${configured.expires}): ${configured.reason}`;
      } else {
        return { ...adjusted, waived: true, waiver: configured.reason };
      }
    }
    if (raw.inline_waiver) {
      const reason = raw.inline_waiver.reason;
      const refused = this.inlineRefusal(finding, raw, subject);
      if (refused) adjusted.waiver = `in-place waiver ignored: ${refused}`;
      else if (reason === "") adjusted.waiver = "in-place waiver ignored: it gives no reason";
      else return { ...adjusted, waived: true, waiver: reason };
    }
    return adjusted;
  }

  /** Why an in-place waiver does not count here; undefined when it does. */
  private inlineRefusal(finding: Finding, raw: PolicyFinding, subject: WaiverSubject): string | undefined {
    const policy = this.options.inlineWaivers;
    if (finding.shape === "docker" && raw.kind === "container") {
      return "image labels are written by the image's author and cannot waive how a container runs";
    }
    if (policy === false) return "in-place waivers are not honoured here";
    if (policy === true) return undefined;
    if (policy.rules && !policy.rules.includes(finding.rule)) return `${finding.rule} may not be waived in place`;
    if (policy.namespaces && !(subject.namespace !== undefined && policy.namespaces.includes(subject.namespace))) {
      return `in-place waivers are not honoured in namespace ${subject.namespace ?? "(none)"}`;
    }
    return undefined;
  }

  private covers(waiver: (typeof this.waivers)[number], finding: Finding, matchPath: string | undefined, subject: WaiverSubject): boolean {
    return (
      waiver.rules.includes(finding.rule) &&
      (!waiver.matches || (matchPath !== undefined && waiver.matches(matchPath))) &&
      (!waiver.object || waiver.object === finding.object) &&
      (!waiver.kind || waiver.kind === subject.kind) &&
      (!waiver.namespace || waiver.namespace === subject.namespace) &&
      (!waiver.name || waiver.name === subject.name) &&
      (!waiver.container || waiver.container === finding.container)
    );
  }
}
