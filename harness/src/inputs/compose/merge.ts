/**
 * compose-go's merge of a service over the service it extends (override/merge.go and uncity.go): mappings
 * merge key by key; sequences append, dropping exact duplicates (so a base's `cap_drop: [ALL]` survives an
 * extension that drops nothing); `environment`, `labels` and the like merge by key; `command`, `entrypoint`
 * and `healthcheck.test` are replaced; `volumes` and `devices` keep one entry per target; a `logging` with
 * another driver replaces the base's. Objects are built from entries, so a key such as `__proto__` stays an
 * ordinary key.
 */

type Mapping = Record<string, unknown>;

const REPLACED = new Set(["command", "entrypoint", "healthcheck.test"]);
const BY_KEY = new Set(["annotations", "environment", "labels", "sysctls", "build.args", "build.labels", "deploy.labels"]);
/** Sequences compose-go keeps one entry per target of. */
const BY_TARGET = new Set(["volumes", "devices"]);

export function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The service `own` extending `base`; neither is changed. */
export function extendService(base: Mapping, own: Mapping): Mapping {
  return mergeMapping(base, own, "");
}

function mergeMapping(base: Mapping, own: Mapping, path: string): Mapping {
  const out = new Map(Object.entries(base));
  for (const [key, value] of Object.entries(own)) {
    const next = path === "" ? key : `${path}.${key}`;
    out.set(key, out.has(key) ? mergeValue(out.get(key), value, next) : value);
  }
  return Object.fromEntries(out);
}

function mergeValue(base: unknown, own: unknown, path: string): unknown {
  if (REPLACED.has(path)) return own;
  if (BY_KEY.has(path)) return mergeByKey(base, own);
  if (path === "logging" && isMapping(base) && isMapping(own)) {
    const sameDriver = own.driver === undefined || base.driver === undefined || own.driver === base.driver;
    return sameDriver ? mergeMapping(base, own, path) : own;
  }
  if (own === null || own === undefined) return base;
  if (isMapping(base) && isMapping(own)) return mergeMapping(base, own, path);
  if (Array.isArray(base) && Array.isArray(own)) {
    const merged = appendWithoutDuplicates(base, own);
    return BY_TARGET.has(path) ? onePerTarget(merged) : merged;
  }
  if (typeof base === "string" && Array.isArray(own) && ["dns", "dns_search", "env_file", "tmpfs"].includes(path)) {
    return appendWithoutDuplicates([base], own);
  }
  return own;
}

function appendWithoutDuplicates(base: unknown[], own: unknown[]): unknown[] {
  const merged = [...base];
  for (const item of own) if (!merged.some((existing) => deepEqual(existing, item))) merged.push(item);
  return merged;
}

/** KEY=VALUE lists and mappings merged by key, the extension's value winning; the result is a mapping. */
function mergeByKey(base: unknown, own: unknown): Mapping {
  return Object.fromEntries(new Map([...keyValues(base), ...keyValues(own)]));
}

function keyValues(value: unknown): Array<[string, unknown]> {
  if (isMapping(value)) return Object.entries(value);
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is string => typeof entry === "string")
    .map((entry) => {
      const at = entry.indexOf("=");
      return at < 0 ? [entry, null] : [entry.slice(0, at), entry.slice(at + 1)];
    });
}

/** The last entry for each container path wins, in the place of the first (as EnforceUnicity does). */
function onePerTarget(entries: unknown[]): unknown[] {
  const byTarget = new Map<string, unknown>();
  entries.forEach((entry, i) => byTarget.set(targetOf(entry) ?? `#${i}`, entry));
  return [...byTarget.values()];
}

function targetOf(entry: unknown): string | undefined {
  if (isMapping(entry)) return typeof entry.target === "string" ? entry.target : undefined;
  if (typeof entry !== "string") return undefined;
  const parts = entry.split(":");
  return parts.length === 1 ? parts[0] : parts[1];
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMapping(a) && isMapping(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
