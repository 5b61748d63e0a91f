import { parseArgs, type ParseArgsConfig } from "node:util";
import { ShipshapeError, UsageError } from "../errors.js";
import type { Level } from "../engine/catalog.js";
import { checkFiles } from "../node/check-files.js";
import { createBundledChecker } from "../node/bundled-checker.js";
import { buildReport, exitCode } from "../report/report.js";
import { formatters } from "../report/formatters/index.js";
import type { CliIO } from "./io.js";
import { packageVersion } from "./version.js";

const USAGE = `Usage: shipshape <command> [options]

Commands:
  check [PATH...|-]   check files and directories (- reads stdin)
  rules               list every rule
  version             print the version

Options for check:
  -f, --format FORMAT     ${Object.keys(formatters).join(", ")} (default: text)
      --fail-level LEVEL  deny (default) or warn: the lowest level that fails the run
      --stdin-filename F  the name to report for stdin

Exit codes: 0 no failing finding, 1 failing findings, 2 usage error or unreadable input.
`;

/** The CLI as a function of argv and streams: testable without spawning a process. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case "check":
        return await check(rest, io);
      case "rules":
        return await rules(rest, io);
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

function parse(args: string[], options: NonNullable<ParseArgsConfig["options"]>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function check(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: "string", short: "f", default: "text" },
    "fail-level": { type: "string", default: "deny" },
    "stdin-filename": { type: "string", default: "<stdin>" },
  });
  const format = String(values.format);
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`unknown format "${format}" (expected ${Object.keys(formatters).join(", ")})`);
  const failLevel = String(values["fail-level"]);
  if (failLevel !== "deny" && failLevel !== "warn") throw new UsageError(`--fail-level must be deny or warn`);
  if (positionals.length === 0) throw new UsageError("check needs at least one path (or - for stdin)");

  const checker = await createBundledChecker();
  const paths = positionals.filter((p) => p !== "-");
  const results = checkFiles(checker, paths, { env: io.env });
  if (positionals.includes("-")) {
    results.push(checker.checkText(await io.readStdin(), String(values["stdin-filename"]), { env: io.env }));
  }
  const report = buildReport(results, packageVersion());
  const color = format === "text" && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  io.stdout.write(formatter(report, { catalog: checker.catalog, color }));
  return exitCode(report, failLevel as Level);
}

async function rules(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, { format: { type: "string", short: "f", default: "text" } });
  const checker = await createBundledChecker();
  const { rules } = checker.catalog;
  if (values.format === "json") {
    io.stdout.write(JSON.stringify(rules, null, 2) + "\n");
  } else if (values.format === "text") {
    for (const rule of rules) {
      io.stdout.write(`${rule.id.padEnd(22)} ${rule.severity.padEnd(8)} ${rule.level.padEnd(5)} ${rule.title}\n`);
    }
  } else {
    throw new UsageError(`unknown format "${String(values.format)}" (expected text, json)`);
  }
  return 0;
}
