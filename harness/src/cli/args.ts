import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";
import { optionSignature, type OptionTable } from "./options.js";

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * node:util parseArgs over a command's option table (`--no-X` negates a boolean X). Mistakes are UsageErrors
 * (exit 2) in words, with a suggestion for a misspelt option, never parseArgs' own text.
 */
export function parseCommandArgs(args: string[], table: OptionTable): ParsedArgs {
  const options: NonNullable<ParseArgsConfig["options"]> = Object.fromEntries(
    Object.entries(table).map(([name, { type, short, multiple, default: fallback }]) => [
      name,
      {
        type,
        ...(short !== undefined && { short }),
        ...(multiple !== undefined && { multiple }),
        ...(fallback !== undefined && { default: fallback }),
      },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true, allowNegative: true });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    throw new UsageError(explainParseError(error as Error & { code?: string }, args, table));
  }
}

function explainParseError(error: Error & { code?: string }, args: string[], table: OptionTable): string {
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const given = /'(-[^']*)'/.exec(error.message)?.[1] ?? "";
    const name = given.replace(/^--?(no-)?/, "").split("=")[0] ?? "";
    const closest = Object.keys(table)
      .map((n) => [n, distance(name, n)] as const)
      .sort((a, b) => a[1] - b[1])[0];
    const hint = closest && closest[1] <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean --${closest[0]}?)` : "";
    return `unknown option "${given}"${hint}`;
  }
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const name = /--([a-z-]+)/.exec(error.message)?.[1] ?? "";
    const option = table[name];
    const signature = option ? optionSignature(name, option) : name;
    return /argument missing/.test(error.message) ? `${signature} needs a value` : `--${name} takes no value`;
  }
  if (error.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `unexpected argument "${args.find((a) => !a.startsWith("-")) ?? ""}"`;
  return error.message;
}

/** Levenshtein distance, for did-you-mean suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The value of a choice option, or a UsageError listing the choices. */
export function choice<C extends string>(name: string, value: unknown, choices: readonly C[]): C {
  if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as C;
  throw new UsageError(`--${name} must be one of ${choices.join(", ")} (got "${String(value)}")`);
}
