import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { parse } from "yaml";
import { InputError, type ShipshapeError } from "../errors.js";
import { syntaxOf } from "../inputs/parse.js";
import { CONFIG_NAMES } from "./config-file.js";
import { KUSTOMIZATION_FILES } from "./kustomize.js";

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git"]);
// shipshape's own configuration is not an input.
const SKIPPED_FILES = new Set(CONFIG_NAMES);

export interface ExpandedPaths {
  files: string[];
  errors: ShipshapeError[];
  /** The files named as themselves (not found by a walk or a glob): one no shape recognises is an error. */
  named: Set<string>;
  /** Files a walk found but does not check, and why: Helm chart templates, Kustomize patches. */
  passed: Array<{ file: string; reason: string }>;
  /**
   * For files a walk found below a directory with its own `.shipshape.yaml`: that configuration file
   * (absolute), the nearest one upward from the file within the walk.
   */
  configs: Map<string, string>;
}

const HELM_TEMPLATE = "a Helm chart template: check what it renders to (helm template CHART | shipshape check -)";
const KUSTOMIZE_PATCH = "a Kustomize patch: kustomize build renders it into whole objects, which can be checked";

/**
 * The files to check for the given paths: files as named (whatever their extension), directories walked for
 * .json/.yaml/.yml files (skipping node_modules, .git and .shipshape.yaml), globs expanded (for shells that did not), in a
 * stable order without duplicates. Relative paths are taken from `cwd` and reported as given. A path that
 * matches nothing, or a directory that holds no file to check (a mistyped path in CI must not pass), is an
 * error for that path only.
 */
export function expandPaths(paths: string[], cwd: string = process.cwd()): ExpandedPaths {
  const result: ExpandedPaths = { files: [], errors: [], named: new Set(), passed: [], configs: new Map() };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(resolve(cwd, path));
    } catch {
      if (isDynamicPattern(path)) {
        const matches = globSync(path, { cwd, ignore: ["**/node_modules/**", "**/.git/**"], onlyFiles: true }).sort();
        if (matches.length > 0) {
          result.files.push(...matches);
          continue;
        }
        result.errors.push(new InputError("no files match this pattern", { file: path }));
      } else {
        result.errors.push(new InputError("no such file or directory", { file: path }));
      }
      continue;
    }
    if (stats.isDirectory()) {
      const [files, errors, passed] = [result.files.length, result.errors.length, result.passed.length];
      walk(path, cwd, result, new Set());
      if (result.files.length === files && result.errors.length === errors && result.passed.length === passed) {
        result.errors.push(new InputError("no file to check here (.yaml, .yml, .json, Dockerfile)", { file: path }));
      }
    } else {
      result.files.push(path);
      result.named.add(path);
    }
  }
  result.files = [...new Set(result.files)];
  return result;
}

/**
 * The files of a directory that its kustomization lists as patches (`patchesStrategicMerge`, `patches[].path`,
 * `patchesJson6902[].path`): fragments of objects, which only kustomize build makes whole.
 */
function kustomizePatches(dir: string, names: string[]): Set<string> {
  const file = names.find((n) => KUSTOMIZATION_FILES.includes(n));
  const found = new Set<string>();
  if (!file) return found;
  let value: unknown;
  try {
    value = parse(readFileSync(join(dir, file), "utf8"));
  } catch {
    return found; // an unreadable kustomization is checked (and reported) as a file of its own
  }
  if (typeof value !== "object" || value === null) return found;
  const k = value as Record<string, unknown>;
  const add = (p: unknown) => {
    const name = typeof p === "string" ? p.replace(/^(\.\/)+/, "") : "";
    if (name !== "" && !name.includes("/")) found.add(name); // a patch in another directory is that directory's
  };
  for (const p of Array.isArray(k.patchesStrategicMerge) ? k.patchesStrategicMerge : []) add(p);
  for (const list of [k.patches, k.patchesJson6902]) {
    for (const p of Array.isArray(list) ? list : []) if (typeof p === "object" && p !== null) add((p as { path?: unknown }).path);
  }
  return found;
}

/**
 * Walks `dir` (as the user named it, relative to `cwd`), collecting paths in that same form. Symbolic links are
 * followed, to files and to directories; a directory already on the way down (a link loop) is not entered again.
 */
function walk(dir: string, cwd: string, result: ExpandedPaths, ancestors: Set<string>, passReason?: string, config?: string): void {
  let entries;
  let real: string;
  try {
    real = realpathSync(resolve(cwd, dir));
    if (ancestors.has(real)) return;
    entries = readdirSync(real, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (cause) {
    result.errors.push(new InputError(`cannot read directory: ${(cause as Error).message}`, { file: dir }, { cause }));
    return;
  }
  ancestors.add(real);
  const own = CONFIG_NAMES.find((name) => entries.some((e) => e.name === name && !e.isDirectory()));
  if (own !== undefined) config = join(resolve(cwd, dir), own);
  // A Helm chart's templates are Go templates, not YAML: what they become is `helm template`'s output.
  const chart = entries.some((e) => e.name === "Chart.yaml" && !e.isDirectory());
  const patches = kustomizePatches(
    real,
    entries.map((e) => e.name),
  );
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(resolve(cwd, path));
        [isDirectory, isFile] = [target.isDirectory(), target.isFile()];
      } catch {
        if (syntaxOf(entry.name)) result.errors.push(new InputError("a symbolic link to nothing", { file: path }));
        continue;
      }
    }
    if (isDirectory) {
      const reason = passReason ?? (chart && entry.name === "templates" ? HELM_TEMPLATE : undefined);
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, cwd, result, ancestors, reason, config);
    } else if (isFile && syntaxOf(entry.name) && !SKIPPED_FILES.has(entry.name)) {
      const reason = passReason ?? (patches.has(entry.name) ? KUSTOMIZE_PATCH : undefined);
      if (reason === undefined) {
        result.files.push(path);
        if (config !== undefined) result.configs.set(path, config);
      } else result.passed.push({ file: path, reason });
    }
  }
  ancestors.delete(real);
}
