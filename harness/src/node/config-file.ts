import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseConfig, type Config } from "../config/config.js";
import type { Rule } from "../engine/catalog.js";
import { UsageError } from "../errors.js";

export const CONFIG_NAMES = [".shipshape.yaml", ".shipshape.yml"];

/** The nearest `.shipshape.yaml` from `dir` upward, or undefined; `seen` keeps each directory's answer across calls. */
export function findConfigFile(dir: string, seen?: Map<string, string | undefined>): string | undefined {
  const visited: string[] = [];
  let found: string | undefined;
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (seen?.has(current)) {
      found = seen.get(current);
      break;
    }
    visited.push(current);
    found = CONFIG_NAMES.map((name) => join(current, name)).find((candidate) => existsSync(candidate));
    if (found !== undefined || dirname(current) === current) break;
  }
  for (const directory of visited) seen?.set(directory, found);
  return found;
}

export interface LoadedConfig {
  config: Config;
  /** The file it came from; globs in it are relative to its directory. */
  file: string;
}

export function loadConfigFile(file: string, rules: Rule[]): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new UsageError(`cannot read configuration ${file}: ${(cause as Error).message}`);
  }
  return { config: parseConfig(text, file, rules), file: resolve(file) };
}
