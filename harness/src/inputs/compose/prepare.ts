import { parseDockerfile } from "../dockerfile.js";
import type { ImageIndex } from "../images.js";
import { looksLikeCompose } from "./keys.js";
import { interpolateCompose, type Environment } from "./interpolate.js";
import { extendService, isMapping } from "./merge.js";

/** Where a Compose file stands, and how to read the files it names. */
export interface ComposeContext {
  env: Environment;
  /**
   * The absolute directory relative host paths resolve against (compose-go's working directory: the file's
   * own). Without one, a stand-in root `/project` is used, so a path that climbs out of the project is still
   * judged where it lands.
   */
  projectDir?: string;
  /**
   * The home directory `~` stands for. compose-go takes the home of whoever runs it; a check must not depend on
   * who runs it, so by default `~` is an unprivileged user's home, HOME_STAND_IN.
   */
  home?: string;
  /** Reads another file by absolute path (`extends.file`); absent where there is no file access. */
  readFile?: (path: string) => string;
  /** Parses the text of another Compose file into its value (the same YAML reading as this one). */
  parse?: (text: string, path: string) => unknown;
  /** Images whose config is known (`docker image inspect`): a service that runs one is judged by its config. */
  images?: ImageIndex;
}

/** A Compose file as `docker compose config` would hand it to the engine, and what could not be followed. */
export interface PreparedCompose {
  value: Record<string, unknown>;
  /** Files that `include:` names (absolute), to be checked as Compose files of their own. */
  includes: string[];
  /** Why part of the file could not be followed (an `extends.file` without file access, a missing base). */
  problems: string[];
}

export const STAND_IN_PROJECT_DIR = "/project";
export const HOME_STAND_IN = "/home/user";

/**
 * Interpolation (environments excepted, see interpolateCompose), relative host paths resolved against the
 * project directory, and `extends` (within the file and from other files), in compose-go's order.
 */
export function prepareCompose(compose: Record<string, unknown>, context: ComposeContext): PreparedCompose {
  const problems: string[] = [];
  const dir = context.projectDir ?? STAND_IN_PROJECT_DIR;
  const value = resolvePaths(interpolateCompose(compose, context.env), dir, context.home);
  const services = value.services;
  if (isMapping(services)) {
    const resolver = new ExtendsResolver(context, problems);
    const resolved = Object.fromEntries(Object.keys(services).map((name) => [name, resolver.resolve(name, services, dir, [])]));
    value.services = Object.fromEntries(
      Object.entries(resolved).map(([name, service]) => [name, withImage(withBuild(service, dir, context), context)]),
    );
  }
  return { value, includes: includesOf(value, dir), problems };
}

class ExtendsResolver {
  /** Other files' services, prepared once each. */
  private readonly files = new Map<string, Record<string, unknown> | string>();

  constructor(
    private readonly context: ComposeContext,
    private readonly problems: string[],
  ) {}

  resolve(name: string, services: Record<string, unknown>, dir: string, chain: string[]): unknown {
    const service = services[name];
    if (!isMapping(service) || service.extends === undefined) return service;
    const key = `${dir}\u0000${name}`;
    if (chain.includes(key)) {
      this.problems.push(`services.${name}: extends forms a cycle`);
      return withoutExtends(service);
    }
    const spec = service.extends;
    const baseName = typeof spec === "string" ? spec : isMapping(spec) && typeof spec.service === "string" ? spec.service : undefined;
    if (baseName === undefined) {
      this.problems.push(`services.${name}: extends needs a service name`);
      return withoutExtends(service);
    }
    let baseServices = services;
    let baseDir = dir;
    if (isMapping(spec) && typeof spec.file === "string") {
      const path = joinPath(dir, spec.file);
      const loaded = this.load(path);
      if (typeof loaded === "string") {
        this.problems.push(`services.${name}: extends.file ${spec.file} was not followed: ${loaded}`);
        return withoutExtends(service);
      }
      baseServices = loaded;
      baseDir = dirname(path);
    }
    if (!isMapping(baseServices[baseName])) {
      this.problems.push(`services.${name}: extends names service "${baseName}", which is not there`);
      return withoutExtends(service);
    }
    const base = this.resolve(baseName, baseServices, baseDir, [...chain, key]);
    return isMapping(base) ? withoutExtends(extendService(withoutExtends(base), service)) : withoutExtends(service);
  }

  /** The services of another Compose file, interpolated and with paths resolved in its own directory. */
  private load(path: string): Record<string, unknown> | string {
    const cached = this.files.get(path);
    if (cached !== undefined) return cached;
    let loaded: Record<string, unknown> | string;
    const { readFile, parse } = this.context;
    if (!readFile || !parse) {
      loaded = "there is no file access here (check the files with the CLI)";
    } else {
      try {
        const value = parse(readFile(path), path);
        const services = isMapping(value) ? value.services : undefined;
        loaded = isMapping(value) && isMapping(services) ? (resolvePaths(interpolateCompose(value, this.context.env), dirname(path), this.context.home).services as Record<string, unknown>) : "it is not a Compose file";
      } catch (error) {
        loaded = (error as Error).message;
      }
    }
    this.files.set(path, loaded);
    return loaded;
  }
}

/**
 * A service that builds its image and sets no user or health check of its own runs with what its Dockerfile's
 * final (or `target`) stage sets. The Dockerfile is read and parsed here and handed to the policy as
 * `x-shipshape-build: {file, instructions, target}`; when it cannot be read, as `{file, error}`, so the verdict
 * stays the Compose file's and says why.
 */
function withBuild(service: unknown, dir: string, context: ComposeContext): unknown {
  if (!isMapping(service) || service.build === undefined || service.build === null) return service;
  if (service.user !== undefined && service.user !== null && isMapping(service.healthcheck)) return service;
  const build = isMapping(service.build) ? service.build : { context: service.build };
  const buildContext = typeof build.context === "string" ? build.context : ".";
  const target = typeof build.target === "string" ? { target: build.target } : {};
  const inline = typeof build.dockerfile_inline === "string" ? build.dockerfile_inline : undefined;
  const name = typeof build.dockerfile === "string" ? build.dockerfile : "Dockerfile";
  const file = inline !== undefined ? "dockerfile_inline" : joinPath(buildContext, name).replace(/^(\.\/)+/, "");
  const read = (): string => {
    if (inline !== undefined) return inline;
    if (/^[a-z]+:\/\/|^git@/.test(buildContext)) throw new Error("the build context is remote");
    if (!context.readFile) throw new Error("there is no file access here");
    return context.readFile(joinPath(joinPath(dir, buildContext), name));
  };
  try {
    return { ...service, "x-shipshape-build": { file, instructions: instructionsOf(read(), file), ...target } };
  } catch (error) {
    return { ...service, "x-shipshape-build": { file, error: (error as Error).message } };
  }
}

/**
 * A service that runs a known image (and does not build it) and sets no user or health check of its own runs
 * with the image's: handed to the policy as `x-shipshape-image: {ref, user, healthcheck}`.
 */
function withImage(service: unknown, context: ComposeContext): unknown {
  if (!context.images || !isMapping(service) || typeof service.image !== "string" || "x-shipshape-build" in service) return service;
  if (service.user !== undefined && service.user !== null && isMapping(service.healthcheck)) return service;
  const config = context.images.lookup(service.image);
  if (!config) return service;
  return { ...service, "x-shipshape-image": { ref: service.image, user: config.user, healthcheck: config.healthcheck } };
}

function instructionsOf(text: string, file: string): unknown[] {
  const parsed = parseDockerfile(text, file);
  if (parsed.errors[0]) throw parsed.errors[0];
  return (parsed.documents[0]?.value as unknown[] | undefined) ?? [];
}

function withoutExtends(service: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(service).filter(([key]) => key !== "extends"));
}

/**
 * Host paths as compose-go resolves them: a short-syntax volume whose source starts with `.`, `/` or `~` is a
 * bind mount, relative to the project directory; long-syntax binds and local volumes bound to a `device`
 * likewise. Only these sources change.
 */
function resolvePaths(compose: Record<string, unknown>, dir: string, home = HOME_STAND_IN): Record<string, unknown> {
  const resolve = (source: string) => (source.startsWith("~") ? `${home}${source.slice(1)}` : joinPath(dir, source));
  const out = { ...compose };
  if (isMapping(compose.services)) {
    out.services = Object.fromEntries(
      Object.entries(compose.services).map(([name, service]) => {
        if (!isMapping(service) || !Array.isArray(service.volumes)) return [name, service];
        const volumes = (service.volumes as unknown[]).map((volume) => {
          if (typeof volume === "string" && /^[.~]/.test(volume)) {
            const at = volume.indexOf(":");
            return at < 0 ? volume : resolve(volume.slice(0, at)) + volume.slice(at);
          }
          if (isMapping(volume) && volume.type === "bind" && typeof volume.source === "string" && /^[.~]/.test(volume.source)) {
            return { ...volume, source: resolve(volume.source) };
          }
          return volume;
        });
        return [name, { ...service, volumes }];
      }),
    );
  }
  if (isMapping(compose.volumes)) {
    out.volumes = Object.fromEntries(
      Object.entries(compose.volumes).map(([name, volume]) => {
        const options = isMapping(volume) ? volume.driver_opts : undefined;
        if (!isMapping(volume) || !isMapping(options) || typeof options.device !== "string" || !/^[.~]/.test(options.device)) return [name, volume];
        return [name, { ...volume, driver_opts: { ...options, device: resolve(options.device) } }];
      }),
    );
  }
  return out;
}

/** `include:` entries: a path, a list of paths, or `{path}` with one path or a list. */
function includesOf(compose: Record<string, unknown>, dir: string): string[] {
  const entries = Array.isArray(compose.include) ? compose.include : [];
  return entries
    .flatMap((entry): unknown[] => (isMapping(entry) ? (Array.isArray(entry.path) ? entry.path : [entry.path]) : [entry]))
    .filter((path): path is string => typeof path === "string" && path !== "")
    .map((path) => joinPath(dir, path));
}

/** POSIX joining without node:path (this runs in browsers too); `..` and `.` are left for the policy to clean. */
export function joinPath(dir: string, path: string): string {
  return path.startsWith("/") ? path : `${dir.replace(/\/+$/, "")}/${path}`;
}

function dirname(path: string): string {
  const at = path.lastIndexOf("/");
  return at <= 0 ? "/" : path.slice(0, at);
}

/** Compose files get interpolated before evaluation; the policy decides the shape of everything else. */
export function isCompose(value: unknown): value is Record<string, unknown> {
  return looksLikeCompose(value);
}

/** The value the policy evaluates for a parsed document: Compose files prepared, everything else as parsed. */
export function prepareDocument(value: unknown, context: ComposeContext = { env: {} }): unknown {
  return isCompose(value) ? prepareCompose(value, context).value : value;
}
