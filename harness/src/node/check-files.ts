import { readFileSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { Checker } from "../check/checker.js";
import { InputError, toShipshapeError } from "../errors.js";
import type { Environment } from "../inputs/compose/interpolate.js";
import type { FileResult } from "../report/finding.js";
import { ComposeEnvironments } from "./environment.js";
import { expandPaths } from "./files.js";

export interface CheckFilesOptions {
  /** Variables for Compose interpolation; defaults to none (the CLI passes process.env). */
  env?: Environment;
  /** Files larger than this are refused with an error rather than parsed. */
  maxFileBytes?: number;
  /** The directory configuration globs are relative to (the configuration file's); defaults to the cwd. */
  configDir?: string;
  /** The directory relative paths are resolved from; defaults to the process's. */
  cwd?: string;
  /** Called after each file, for progress output. */
  onFile?: (done: number, total: number) => void;
}

export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

/** One file to check: as the user named it, where it is, and how configuration globs see it. */
export interface FileJob {
  file: string;
  absolute: string;
  matchPath: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes as UTF-8 text; bytes that are not UTF-8 are an error rather than silently replaced characters. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) throw new InputError("binary data (the file contains NUL bytes), not JSON or YAML", { file });
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError("the file is not valid UTF-8", { file });
  }
}

export const failedFile = (file: string, error: unknown): FileResult => {
  const failure = toShipshapeError(error, { file });
  return {
    file,
    documents: 0,
    findings: [],
    errors: [{ file, code: failure.code, message: failure.message }],
    skipped: [],
  };
};

/**
 * The files to check for `paths` (walked, globbed, minus configuration ignores), and a result for each path
 * that could not be expanded.
 */
export function planFiles(checker: Checker, paths: string[], options: CheckFilesOptions = {}) {
  const cwd = options.cwd ?? process.cwd();
  const { files, errors } = expandPaths(paths, cwd);
  const configDir = resolve(cwd, options.configDir ?? ".");
  const jobs: FileJob[] = files
    .map((file) => ({ file, absolute: resolve(cwd, file) }))
    .map(({ file, absolute }) => ({ file, absolute, matchPath: relative(configDir, absolute).split("\\").join("/") }))
    .filter(({ matchPath }) => !checker.isIgnored(matchPath));
  return { jobs, failures: errors.map((error) => failedFile(error.file ?? "", error)) };
}

/**
 * Reads and checks each file of a list, in order; every file yields a result. Each directory's `.env` is
 * read once for the whole list.
 */
export function checkFileList(checker: Checker, jobs: FileJob[], options: CheckFilesOptions = {}): FileResult[] {
  const environments = new ComposeEnvironments(options.env ?? {});
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  return jobs.map(({ file, absolute, matchPath }, i) => {
    let result: FileResult;
    try {
      const size = statSync(absolute).size;
      if (size > maxBytes) throw new InputError(`file is ${size} bytes, over the limit of ${maxBytes}`, { file });
      const text = decodeUtf8(readFileSync(absolute), file);
      result = checker.checkText(text, file, { env: environments.forFile(absolute), matchPath });
    } catch (error) {
      result = failedFile(file, error);
    }
    options.onFile?.(i + 1, jobs.length);
    return result;
  });
}

/**
 * Checks files, directories and globs; every path yields a result, unreadable ones as errors. Paths that the
 * configuration's `ignore` matches are not read.
 */
export function checkFiles(checker: Checker, paths: string[], options: CheckFilesOptions = {}): FileResult[] {
  const { jobs, failures } = planFiles(checker, paths, options);
  return [...failures, ...checkFileList(checker, jobs, options)];
}
