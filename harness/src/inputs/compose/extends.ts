/**
 * Resolves `extends: {service: NAME}` (or `extends: NAME`) between services of the same file, as
 * `docker compose config` does: the base is merged under the service, mappings merged key by key, the
 * service's own values winning. `extends` naming another `file` cannot be followed here and is left alone.
 */
export function resolveExtends(compose: Record<string, unknown>): Record<string, unknown> {
  const services = compose.services;
  if (!isMapping(services)) return compose;
  const resolved: Record<string, unknown> = {};
  for (const name of Object.keys(services)) resolved[name] = resolveService(name, services, new Set());
  return { ...compose, services: resolved };
}

function resolveService(name: string, services: Record<string, unknown>, seen: Set<string>): unknown {
  const service = services[name];
  if (!isMapping(service)) return service;
  const base = baseName(service.extends);
  if (base === undefined || seen.has(name) || !isMapping(services[base])) return service;
  seen.add(name);
  const { extends: _, ...own } = service;
  const parent = resolveService(base, services, seen);
  seen.delete(name);
  return isMapping(parent) ? merge(withoutExtends(parent), own) : service;
}

function baseName(spec: unknown): string | undefined {
  if (typeof spec === "string") return spec;
  if (isMapping(spec) && typeof spec.service === "string" && spec.file === undefined) return spec.service;
  return undefined;
}

function withoutExtends(service: Record<string, unknown>): Record<string, unknown> {
  const { extends: _, ...rest } = service;
  return rest;
}

function merge(base: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) {
    const inherited = out[key];
    out[key] = isMapping(inherited) && isMapping(value) ? merge(inherited, value) : value;
  }
  return out;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
