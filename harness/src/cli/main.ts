import { ShipshapeError, UsageError } from "../errors.js";
import { check } from "./check.js";
import type { CliIO } from "./io.js";
import { newRule, test } from "./authoring.js";
import { build } from "./build.js";
import { explain, rules } from "./rules.js";
import { fix } from "./fix.js";
import { playground } from "./playground.js";
import { serve } from "./serve.js";
import { USAGE } from "./usage.js";
import { packageVersion } from "./version.js";

/** The CLI as a function of argv and streams: testable without spawning a process. Never throws. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case "check":
        return await check(rest, io);
      case "rules":
        return await rules(rest, io);
      case "explain":
        return await explain(rest, io);
      case "build":
        return await build(rest, io);
      case "test":
        return await test(rest, io);
      case "new-rule":
        return newRule(rest, io);
      case "fix":
        return await fix(rest, io);
      case "playground":
        return await playground(rest, io);
      case "serve":
        return await serve(rest, io);
      case "version":
      case "--version":
        io.stdout.write(`shipshape ${packageVersion()}\n`);
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof ShipshapeError) {
      io.stderr.write(`shipshape: ${error.message}\n`);
      if (error.code === "USAGE_ERROR") io.stderr.write("Run `shipshape help` for usage.\n");
      return 2;
    }
    io.stderr.write(`shipshape: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    return 2;
  }
}
