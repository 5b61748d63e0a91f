import { dirname, relative, resolve } from "node:path";
import type { Checker } from "../check/checker.js";
import type { Environment } from "../inputs/compose/interpolate.js";
import { InputError } from "../errors.js";
import { failedFile, toInputFailure, type FileResult } from "../report/finding.js";
import { ComposeEnvironments } from "./environment.js";
import { expandPaths } from "./files.js";
import { readTextFile } from "./read-file.js";

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
  /** Skip named files no shape recognises, as a walk does (for hooks that pass every changed file). */
  skipUnknown?: boolean;
  /** The configuration file `checker` was made from (absolute), if any. */
  configFile?: string;
  /**
   * The checker for another configuration file: given, files a directory walk finds below a directory with its
   * own `.shipshape.yaml` are checked under that file (the nearest upward from each file, as ESLint and
   * Prettier do); without it, under `checker`'s. The CLI gives it.
   */
  checkerFor?: (configFile: string) => Promise<Checker>;
}

export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

/** One file to check: as the user named it, where it is, and how configuration globs see it. */
export interface FileJob {
  file: string;
  absolute: string;
  matchPath: string;
  /** Named on the command line as itself: a file no shape recognises is then an error, not a skip. */
  named?: boolean;
  /** Found by a walk below a directory with its own configuration file: that file (absolute). */
  config?: string;
}

export const ignoredFile = (file: string): FileResult => ({ file, documents: 0, findings: [], errors: [], skipped: [], ignored: true });

/**
 * The files to check for `paths` (walked, globbed, minus configuration ignores), and a result for each path
 * that could not be expanded.
 */
export function planFiles(checker: Checker, paths: string[], options: CheckFilesOptions = {}) {
  const cwd = options.cwd ?? process.cwd();
  const { files, errors, named, passed, configs } = expandPaths(paths, cwd);
  const configDir = resolve(cwd, options.configDir ?? ".");
  const planned: FileJob[] = files.map((file) => {
    const absolute = resolve(cwd, file);
    const config = options.checkerFor && configs.get(file) !== options.configFile ? configs.get(file) : undefined;
    return {
      file,
      absolute,
      matchPath: matchPathOf(config === undefined ? configDir : dirname(config), absolute),
      ...(named.has(file) && !options.skipUnknown && { named: true }),
      ...(config !== undefined && { config }),
    };
  });
  // Files under another configuration are matched against its `ignore` by its own checker, later.
  const ignoredHere = ({ matchPath, config }: FileJob) => config === undefined && checker.isIgnored(matchPath);
  const jobs = planned.filter((job) => !ignoredHere(job));
  const ignored = planned.filter(ignoredHere).map(({ file }) => ignoredFile(file));
  const skipped = passed.map(({ file, reason }): FileResult => ({
    file,
    documents: 0,
    findings: [],
    errors: [],
    skipped: [{ file, document: 0, reason }],
  }));
  return { jobs, failures: [...errors.map((error) => failedFile(error.file ?? "", error)), ...ignored, ...skipped] };
}

const matchPathOf = (configDir: string, absolute: string) => relative(configDir, absolute).split("\\").join("/");

/**
 * Reads and checks each file of a list, in order; every file yields a result. Each directory's `.env` is
 * read once for the whole list. Compose files resolve relative host paths against their own directory and
 * follow `extends.file`.
 */
export function checkFileList(checker: Checker, jobs: FileJob[], options: CheckFilesOptions = {}): FileResult[] {
  const environments = new ComposeEnvironments(options.env ?? {});
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const readFile = (path: string) => readTextFile(path, path, maxBytes);
  return jobs.map(({ file, absolute, matchPath, named }, i) => {
    let result: FileResult;
    try {
      const text = readTextFile(absolute, file, maxBytes);
      result = checker.checkText(text, file, { env: environments.forFile(absolute), matchPath, projectDir: dirname(absolute), readFile });
      if (named) result = unrecognisedAsError(result);
      else result = templateAsSkipped(result, text);
    } catch (error) {
      result = failedFile(file, error);
    }
    options.onFile?.(i + 1, jobs.length);
    return result;
  });
}

/**
 * A file named on the command line whose every document no shape recognises was checked for nothing: an error
 * that says so (exit 2), where a directory walk skips it quietly (counted).
 */
function unrecognisedAsError(result: FileResult): FileResult {
  const unrecognised =
    result.documents > 0 && result.skipped.length === result.documents && result.findings.length === 0 && result.errors.length === 0;
  if (!unrecognised) return result;
  const reasons = [...new Set(result.skipped.map((s) => s.reason))];
  const message =
    reasons.length === 1 && reasons[0] !== "no shape recognises this document"
      ? `it was named to be checked, but ${reasons[0]!}`
      : "no shape recognises this file (Kubernetes, Compose, docker inspect, Dockerfile); --input-type reads it as one";
  return { ...result, skipped: [], errors: [toInputFailure(new InputError(message, { file: result.file }))] };
}

/**
 * A file a walk found that does not parse and holds Go template actions (`{{ ... }}`: a Helm or other template
 * outside a chart's templates/ directory) is a template, not a broken manifest: skipped with the reason.
 */
function templateAsSkipped(result: FileResult, text: string): FileResult {
  const broken = result.errors.length > 0 && result.errors.every((e) => e.code === "PARSE_ERROR") && result.findings.length === 0;
  if (!broken || !/\{\{-?\s*[^}]*\}\}/.test(text)) return result;
  const reason = "holds template actions ({{ ... }}) and is not YAML as written: check what it renders to";
  return { ...result, errors: [], skipped: [{ file: result.file, document: 0, reason }] };
}

/** Most files an `include:` chain may add to a run; a loop of includes stops at the files already checked. */
const MAX_INCLUDED_FILES = 1_000;

/**
 * Jobs for the Compose files that checked files include and that the run has not checked yet: `include:` makes
 * them part of the project, so they are checked as files of their own (their findings point into them).
 */
export function includedJobs(checker: Checker, results: FileResult[], checked: Set<string>, options: CheckFilesOptions = {}): FileJob[] {
  const cwd = options.cwd ?? process.cwd();
  const configDir = resolve(cwd, options.configDir ?? ".");
  const jobs: FileJob[] = [];
  for (const result of results) {
    for (const include of result.includes ?? []) {
      const absolute = resolve(include);
      if (checked.has(absolute) || checked.size >= MAX_INCLUDED_FILES) continue;
      checked.add(absolute);
      const matchPath = matchPathOf(configDir, absolute);
      if (!checker.isIgnored(matchPath)) jobs.push({ file: relative(cwd, absolute) || absolute, absolute, matchPath });
    }
  }
  return jobs;
}

/** Checks the files `results` include, and theirs in turn, appending their results. */
export function checkIncludes(checker: Checker, jobs: FileJob[], results: FileResult[], options: CheckFilesOptions = {}): FileResult[] {
  const checked = new Set(jobs.map((job) => job.absolute));
  const { onFile: _progress, ...quiet } = options; // included files are not part of the progress count
  for (let next = includedJobs(checker, results, checked, options); next.length > 0;) {
    const more = checkFileList(checker, next, quiet);
    results.push(...more);
    next = includedJobs(checker, more, checked, options);
  }
  return results;
}

/**
 * Checks files, directories and globs; every path yields a result, unreadable ones as errors. Paths that the
 * configuration's `ignore` matches are not read.
 */
export function checkFiles(checker: Checker, paths: string[], options: CheckFilesOptions = {}): FileResult[] {
  const { jobs, failures } = planFiles(checker, paths, options);
  return [...failures, ...checkIncludes(checker, jobs, checkFileList(checker, jobs, options), options)];
}
