// A worker thread of a parallel check: it instantiates the policy from the module the main thread compiled
// once, then checks the batches of files it is sent and posts their results back.
import { parentPort, workerData } from "node:worker_threads";
import { Checker } from "../check/checker.js";
import type { CheckFilesOptions } from "./check-files.js";
import { checkFileList, type FileJob } from "./check-files.js";
import type { WorkerSetup } from "./parallel.js";

const setup = workerData as WorkerSetup;
const checker = await Checker.create(setup.checker);
const options: CheckFilesOptions = setup.options;

parentPort!.on("message", (batch: { id: number; jobs: FileJob[] }) => {
  const check = () => parentPort!.postMessage({ id: batch.id, results: checkFileList(checker, batch.jobs, options) });
  if (batch.jobs.some((job) => checker.needsShell(job.file))) void checker.loadShell().then(check);
  else check();
});
parentPort!.postMessage({ ready: true });
