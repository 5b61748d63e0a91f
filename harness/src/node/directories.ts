import { readdirSync, type Dirent } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Visits each directory under the given paths (as named, relative to `cwd`), in name order, never into
 * node_modules or .git; `visit` returns false to keep out of a directory's subdirectories. An unreadable
 * directory is passed over (the file walk reports it).
 */
export function walkDirectories(paths: string[], cwd: string, visit: (dir: string, entries: Dirent[]) => boolean | void): void {
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(resolve(cwd, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    if (visit(dir, entries) === false) return;
    for (const entry of entries) {
      if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== ".git") walk(join(dir, entry.name));
    }
  };
  for (const path of paths) walk(path);
}
