import { readFileSync, statSync } from "node:fs";
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
}

export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Checks files and directories; every path yields a result, with unreadable ones as errors. */
export function checkFiles(checker: Checker, paths: string[], options: CheckFilesOptions = {}): FileResult[] {
  const { files, errors } = expandPaths(paths);
  const environments = new ComposeEnvironments(options.env ?? {});
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const results: FileResult[] = errors.map((error) => ({
    file: error.file ?? "",
    documents: 0,
    findings: [],
    errors: [{ file: error.file ?? "", code: error.code, message: error.message }],
    skipped: [],
  }));
  for (const file of files) {
    let text: string;
    try {
      const size = statSync(file).size;
      if (size > maxBytes) throw new InputError(`file is ${size} bytes, over the limit of ${maxBytes}`, { file });
      text = readFileSync(file, "utf8");
    } catch (error) {
      const failure = toShipshapeError(error, { file });
      results.push({ file, documents: 0, findings: [], errors: [{ file, code: failure.code, message: failure.message }], skipped: [] });
      continue;
    }
    results.push(checker.checkText(text, file, { env: environments.forFile(file) }));
  }
  return results;
}
