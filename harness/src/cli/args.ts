import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** node:util parseArgs (`--no-X` negates a boolean X) with usage errors as UsageError (exit 2). */
export function parseCommandArgs(args: string[], options: Options): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true, allowNegative: true });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The value of a choice option, or a UsageError listing the choices. */
export function choice<C extends string>(name: string, value: unknown, choices: readonly C[]): C {
  if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as C;
  throw new UsageError(`--${name} must be one of ${choices.join(", ")} (got "${String(value)}")`);
}
