import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createTwoFilesPatch } from "diff";
import { Checker } from "../check/checker.js";
import { EMPTY_CONFIG } from "../config/config.js";
import { UsageError } from "../errors.js";
import type { FixResult } from "../fix/fix.js";
import { readBundledArtifacts } from "../node/bundled.js";
import { findConfigFile, loadConfigFile } from "../node/config-file.js";
import { expandPaths } from "../node/files.js";
import { readTextFile } from "../node/read-file.js";
import { DEFAULT_MAX_FILE_BYTES } from "../node/check-files.js";
import { parseCommandArgs } from "./args.js";
import type { CliIO } from "./io.js";
import { FIX_OPTIONS } from "./options.js";
import { commandHelp } from "./usage.js";

/**
 * `shipshape fix [PATH...]`: the safe fixes for the findings of rules that have a fixer, as a unified diff
 * (the default) or written back (`--write`). Exit 0 when nothing is left to fix by rules with a fixer, 1
 * otherwise (a dry run that would change something, a finding left with its reason), 2 for an unreadable file.
 */
export async function fix(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, FIX_OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("fix"));
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("fix needs at least one path");
  if (values.write === true && values["dry-run"] === true) throw new UsageError("--write and --dry-run: choose one");
  const runAsUser = values["run-as-user"] === undefined ? undefined : Number(values["run-as-user"]);
  if (runAsUser !== undefined && (!Number.isInteger(runAsUser) || runAsUser < 1))
    throw new UsageError("--run-as-user must be a non-zero user id");
  const rules = values.rule as string[] | undefined;
  const writablePaths = values["writable-path"] as string[] | undefined;
  for (const path of writablePaths ?? []) {
    if (!path.startsWith("/") || path.includes(":"))
      throw new UsageError(`--writable-path takes an absolute path without a colon (got "${path}")`);
  }
  const { wasm, catalog, shell } = readBundledArtifacts();
  for (const id of rules ?? []) {
    if (!catalog.rules.some((r) => r.id === id)) throw new UsageError(`unknown rule "${id}"`);
  }
  const noConfig = values["no-config"] === true || values.config === false;
  const configFile = noConfig ? undefined : typeof values.config === "string" ? resolve(io.cwd, values.config) : findConfigFile(io.cwd);
  const config = configFile ? loadConfigFile(configFile, catalog.rules).config : EMPTY_CONFIG;
  const checker = await Checker.create({ wasm, catalog, shell, config });

  const { files, errors } = expandPaths(positionals, io.cwd);
  let failed = errors.length > 0;
  for (const error of errors) io.stderr.write(`error ${error.file ?? ""}: ${error.message}\n`);
  let applied = 0;
  let changedFiles = 0;
  let left = 0;
  for (const file of files) {
    const path = resolve(io.cwd, file);
    let text: string;
    let result: FixResult;
    try {
      text = readTextFile(path, file, DEFAULT_MAX_FILE_BYTES);
      result = checker.fix(text, file, {
        env: io.env,
        projectDir: dirname(path),
        ...(rules && { rules }),
        ...(runAsUser !== undefined && { runAsUser }),
        ...(writablePaths && { writablePaths }),
      });
    } catch (error) {
      io.stderr.write(`error ${file}: ${(error as Error).message}\n`);
      failed = true;
      continue;
    }
    for (const { finding, reason } of result.skipped) io.stderr.write(`not fixed ${file}:${finding.line}: ${finding.rule}: ${reason}\n`);
    left += result.skipped.length;
    if (result.text === text) continue;
    changedFiles++;
    applied += result.applied.length;
    if (values.write === true) {
      writeFileSync(path, result.text);
    } else {
      io.stdout.write(
        createTwoFilesPatch(`a/${file}`, `b/${file}`, text, result.text, undefined, undefined, { context: 3 }).replace(/^=+\n/, ""),
      );
    }
  }
  const verb = values.write === true ? "fixed" : "would fix";
  io.stderr.write(
    `${verb} ${applied} finding${applied === 1 ? "" : "s"} in ${changedFiles} file${changedFiles === 1 ? "" : "s"}; ${left} left as they are\n`,
  );
  if (failed) return 2;
  return left > 0 || (values.write !== true && applied > 0) ? 1 : 0;
}
