import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../errors.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm", // WebAssembly.compileStreaming requires it
  ".txt": "text/plain; charset=utf-8",
};

/** The playground as built (dist/playground), found from wherever this module runs: dist/ or source. */
export function playgroundDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "dist", "playground");
    if (existsSync(join(candidate, "index.html"))) return candidate;
    if (dirname(dir) === dir) throw new UsageError("the playground is not built (dist/playground): run `make lib` or `npm run prepare`");
    dir = dirname(dir);
  }
}

/**
 * A static file server for one directory: GET and HEAD only, files inside the directory only (no listing, no
 * path outside it, no dotfiles), the types a browser needs for modules and WebAssembly, and no caching of
 * what may be rebuilt.
 */
export function staticSite(root: string): Server {
  return createServer((request, response) => {
    const refuse = (status: number) => {
      response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(`${status}\n`);
    };
    if (request.method !== "GET" && request.method !== "HEAD") return refuse(405);
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      return refuse(400);
    }
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || path.split("/").some((part) => part.startsWith("."))) return refuse(404);
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return refuse(404);
      size = stat.size;
    } catch {
      return refuse(404);
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": size,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    if (request.method === "HEAD") return response.end();
    createReadStream(file).pipe(response);
  });
}
