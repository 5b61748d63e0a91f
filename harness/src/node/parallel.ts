import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";
import type { Checker, ResolvedCheckerOptions } from "../check/checker.js";
import type { FileResult } from "../report/finding.js";
import { checkFileList, checkIncludes, ignoredFile, planFiles, type CheckFilesOptions, type FileJob } from "./check-files.js";
import { workerUrl } from "./worker-url.js";

/**
 * What a worker needs: the checker's own resolved options (the compiled module is shared, not recompiled), so
 * a worker's checker cannot differ from the main thread's, and how to read files.
 */
export interface WorkerSetup {
  checker: ResolvedCheckerOptions;
  options: Omit<CheckFilesOptions, "onFile">;
}

/**
 * Below this much input, starting workers costs more than it saves. Measured on 2 cores (docs/decisions.md):
 * two workers were slower than one on 4.6, 5.5 (the shared corpus), 9.9 and 20 MB; on 31 MB 10% faster by hand
 * and 9% slower in `npm run bench`: that is the crossover here, within the noise.
 */
export const PARALLEL_THRESHOLD_MB = 24;

const BATCH = 16;

/** The number of worker threads to use for `files` when the user did not say: by their size, not their count. */
export function defaultJobs(files: Array<{ absolute: string }>): number {
  let bytes = 0;
  for (const { absolute } of files) {
    try {
      bytes += statSync(absolute).size;
    } catch {
      // unreadable: its error is reported when it is checked
    }
    if (bytes >= PARALLEL_THRESHOLD_MB * 1024 * 1024) return Math.min(availableParallelism(), 4);
  }
  return 1;
}

/**
 * Checks files on `jobs` worker threads, each with its own WASM instance, and returns the results in the
 * order a serial run would. Workers pull batches as they finish, so a slow file does not idle the others.
 */
export async function checkFilesParallel(
  checker: Checker,
  paths: string[],
  options: CheckFilesOptions,
  requestedJobs?: number,
): Promise<FileResult[]> {
  const { jobs: planned, failures } = planFiles(checker, paths, options);
  // Files below a directory with its own configuration are checked by that configuration's checker.
  const scopes = new Map<string | undefined, FileJob[]>();
  for (const job of planned) scopes.set(job.config, [...(scopes.get(job.config) ?? []), job]);
  if (!options.checkerFor || scopes.size === 0 || (scopes.size === 1 && scopes.has(undefined))) {
    return [...failures, ...(await checkJobs(checker, planned, options, requestedJobs))];
  }
  const order = new Map(planned.map((job, i) => [job.file, i]));
  const results: FileResult[] = [];
  let done = 0;
  for (const [config, jobs] of scopes) {
    const scoped = config === undefined ? checker : await options.checkerFor(config);
    const configDir = config === undefined ? options.configDir : dirname(config);
    const kept = new Set(jobs.filter((job) => config === undefined || !scoped.isIgnored(job.matchPath)));
    results.push(...jobs.filter((job) => !kept.has(job)).map((job) => ignoredFile(job.file)));
    const offset = done;
    const onFile = options.onFile && ((n: number) => options.onFile!(offset + n, planned.length));
    const { checkerFor: _, configFile: __, ...rest } = options;
    results.push(
      ...(await checkJobs(
        scoped,
        [...kept],
        { ...rest, ...(configDir !== undefined && { configDir }), ...(onFile && { onFile }) },
        requestedJobs,
      )),
    );
    done += jobs.length;
  }
  // In the order a walk found them; files that `include:` added after the walk's.
  const rank = (result: FileResult) => order.get(result.file) ?? planned.length;
  return [
    ...failures,
    ...results
      .map((result, i) => ({ result, i }))
      .sort((a, b) => rank(a.result) - rank(b.result) || a.i - b.i)
      .map((r) => r.result),
  ];
}

/** Checks planned files: on this thread for few files or one job, else on worker threads. */
async function checkJobs(checker: Checker, files: FileJob[], options: CheckFilesOptions, requestedJobs?: number): Promise<FileResult[]> {
  const jobs = requestedJobs ?? defaultJobs(files);
  if (jobs <= 1 || files.length < 2) {
    if (files.some((job) => checker.needsShell(job.file))) await checker.loadShell();
    return checkIncludes(checker, files, checkFileList(checker, files, options), options);
  }
  const { onFile, checkerFor: _, ...workerOptions } = options;
  const batches: FileJob[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const ordered = new Array<FileResult[]>(batches.length);
  let nextBatch = 0;
  let done = 0;
  const workers = Array.from(
    { length: Math.min(jobs, batches.length) },
    () =>
      new Worker(workerUrl(import.meta.url, "node", "worker"), {
        workerData: { checker: checker.options, options: workerOptions } satisfies WorkerSetup,
      }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (nextBatch >= batches.length) return resolve();
              const id = nextBatch++;
              worker.postMessage({ id, jobs: batches[id] });
            };
            worker.on("message", (message: { ready?: boolean; id?: number; results?: FileResult[] }) => {
              if (message.results !== undefined && message.id !== undefined) {
                ordered[message.id] = message.results;
                done += message.results.length;
                onFile?.(done, files.length);
              }
              send();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return checkIncludes(checker, files, ordered.flat(), options);
}
