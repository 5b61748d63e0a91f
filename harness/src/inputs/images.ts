import { InputError } from "../errors.js";

/**
 * What an image runs as unless told otherwise, from `docker image inspect`: the references it is known by, its
 * default user (`Config.User`, "" for root) and whether it carries a health check. A Compose service that sets
 * no user or health check runs with these (issue 15: use the image's config where it is known, not a guess).
 */
export interface ImageConfig {
  refs: string[];
  user: string;
  healthcheck: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The images of a `docker image inspect` output (an array of images, or one image object). Anything else, a
 * container's inspect output included (it has HostConfig, and its Config.User already holds the image's
 * default), is an InputError naming the file.
 */
export function imageConfigsOf(value: unknown, file: string): ImageConfig[] {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) throw new InputError("holds no image (expected `docker image inspect` output)", { file });
  return items.map((item, i) => {
    if (!isObject(item) || !Array.isArray(item.RepoTags) || !isObject(item.Config) || "HostConfig" in item) {
      throw new InputError(`item ${i} is not an image (expected \`docker image inspect\` output, with RepoTags and Config)`, {
        file,
      });
    }
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((r): r is string => typeof r === "string") : []);
    const test = isObject(item.Config.Healthcheck) ? strings(item.Config.Healthcheck.Test) : [];
    return {
      refs: [...strings(item.RepoTags), ...strings(item.RepoDigests)],
      user: typeof item.Config.User === "string" ? item.Config.User : "",
      healthcheck: test.length > 0 && test[0] !== "NONE",
    };
  });
}

/**
 * A reference as the engine resolves it, for matching: the registry spelled out (`nginx` is
 * `docker.io/library/nginx`), `latest` when no tag is given, and only the digest when there is one (the tag
 * beside a digest is not what is pulled).
 */
export function canonicalRef(ref: string): string {
  const [name = "", digest] = ref.split("@", 2);
  const slash = name.indexOf("/");
  const first = slash === -1 ? "" : name.slice(0, slash);
  const host = first !== "" && (first.includes(".") || first.includes(":") || first === "localhost");
  let qualified = host ? name : `docker.io/${name}`;
  qualified = qualified.replace(/^(index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com)\//, "docker.io/");
  // Docker Hub's official images live under library/, however the reference spells the host.
  if (/^docker\.io\/[^/]+$/.test(qualified)) qualified = qualified.replace(/^docker\.io\//, "docker.io/library/");
  const lastSlash = qualified.lastIndexOf("/");
  const tagAt = qualified.indexOf(":", lastSlash);
  const repository = tagAt === -1 ? qualified : qualified.slice(0, tagAt);
  if (digest !== undefined) return `${repository}@${digest}`;
  return tagAt === -1 ? `${qualified}:latest` : qualified;
}

/** The images known to a check, looked up by the reference a service names. */
export class ImageIndex {
  private readonly byRef = new Map<string, ImageConfig>();

  constructor(configs: readonly ImageConfig[]) {
    for (const config of configs) for (const ref of config.refs) this.byRef.set(canonicalRef(ref), config);
  }

  get size(): number {
    return this.byRef.size;
  }

  lookup(ref: string): ImageConfig | undefined {
    return this.byRef.get(canonicalRef(ref));
  }
}
