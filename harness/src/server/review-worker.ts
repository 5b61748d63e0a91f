// The admission server's worker thread: large reviews are parsed and evaluated here, so the main thread keeps
// answering small ones (and health checks) while they run. It builds its Checker from the module the main
// thread compiled once.
import { parentPort, workerData } from "node:worker_threads";
import { Checker } from "../check/checker.js";
import { reviewBody } from "./review.js";
import type { ReviewWorkerSetup } from "./evaluator.js";

const setup = workerData as ReviewWorkerSetup;
const checker = await Checker.create(setup.checker);
const options = { audit: setup.audit, excluded: new Set(setup.excluded) };

parentPort!.on("message", (job: { id: number; body: Uint8Array }) => {
  parentPort!.postMessage({ id: job.id, outcome: reviewBody(checker, job.body, options) });
});
parentPort!.postMessage({ ready: true });
