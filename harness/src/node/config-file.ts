import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseConfig, type Config } from "../config/config.js";
import type { Rule } from "../engine/catalog.js";
import { UsageError } from "../errors.js";

export const CONFIG_NAMES = [".shipshape.yaml", ".shipshape.yml"];

/** The nearest `.shipshape.yaml` from `dir` upward, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(current) === current) return undefined;
  }
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
