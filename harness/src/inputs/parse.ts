import { ParseError, UsageError } from "../errors.js";
import type { ParsedFile } from "./document.js";
import type { CommandReader } from "./shell.js";
import { isDockerfileName, parseDockerfile } from "./dockerfile.js";
import { parseJson } from "./json.js";
import { parseYaml, type YamlLimits } from "./yaml.js";
import type { YamlDialect } from "./yaml-scalars.js";

export type Syntax = "json" | "yaml" | "dockerfile";

/** The syntax a file name implies; undefined for files the walker should pass over. */
export function syntaxOf(file: string): Syntax | undefined {
  if (isDockerfileName(file)) return "dockerfile";
  const lower = file.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  return undefined;
}

/**
 * Parses a file's text by its syntax. Files without a known extension (stdin) are tried as JSON when they
 * look like JSON, else as YAML. YAML scalars are read as `dialect`'s consumer reads them (detected per
 * document when not given). Dockerfiles' RUN, CMD and ENTRYPOINT commands are read by `shell` when given.
 */
export function parseText(
  text: string,
  file: string,
  syntax?: Syntax,
  limits?: YamlLimits,
  dialect?: YamlDialect,
  shell?: CommandReader,
): ParsedFile {
  if (text.includes("\u0000")) {
    return { documents: [], errors: [new ParseError("binary data (the file contains NUL bytes), not JSON or YAML", { file })] };
  }
  const chosen = syntax ?? syntaxOf(file) ?? (/^\s*[[{]/.test(text) ? "json" : "yaml");
  if (chosen === "json") return parseJson(text, file);
  if (chosen === "dockerfile") return parseDockerfile(text, file, shell);
  if (chosen === "yaml") return parseYaml(text, file, limits, dialect);
  throw new UsageError(`unknown syntax ${String(chosen)}`);
}
