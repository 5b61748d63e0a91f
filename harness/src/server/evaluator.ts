import { Worker } from "node:worker_threads";
import type { Checker, ResolvedCheckerOptions } from "../check/checker.js";
import { workerUrl } from "../node/worker-url.js";
import type { DecideOptions } from "./decide.js";
import { reviewBody, type ReviewOutcome } from "./review.js";

/** What the review worker needs to build its own Checker and decide as the main thread would. */
export interface ReviewWorkerSetup {
  checker: ResolvedCheckerOptions;
  audit: boolean;
  excluded: string[];
}

export interface EvaluatorOptions {
  /** Bodies up to this size are decided on the main thread at once; larger ones queue for the worker. */
  smallBytes: number;
  /** Bytes of large bodies that may wait for the worker; past this, new large ones are shed at once. */
  maxPendingBytes: number;
  /** A large body that waited this long is shed instead of evaluated (the API server has given up on it). */
  timeoutMs: number;
  /** Heap limit of the worker, in MiB: a review that needs more kills the worker, which is restarted. */
  workerHeapMb: number;
}

interface Job {
  id: number;
  body: Uint8Array;
  queued: number;
  resolve(outcome: ReviewOutcome): void;
}

const shed = (message: string): ReviewOutcome => ({ status: 429, message, result: "shed" });

/**
 * Decides reviews so that a flood of large ones cannot delay small ones: small bodies are decided on the
 * main thread as they arrive; large bodies wait, bounded in bytes and in time, for one worker thread. Under
 * overload a large review is shed with 429 at once rather than answered after the API server's timeout.
 */
export class Evaluator {
  private readonly queue: Job[] = [];
  private pendingBytes = 0;
  private running: Job | undefined;
  private worker: Worker | undefined;
  private ready: Promise<void> = Promise.resolve();
  private nextId = 0;

  constructor(
    private checker: Checker,
    private setup: ReviewWorkerSetup,
    private readonly options: EvaluatorOptions,
  ) {}

  review(body: Uint8Array): Promise<ReviewOutcome> {
    if (body.length <= this.options.smallBytes) return Promise.resolve(reviewBody(this.checker, body, this.decideOptions()));
    if (this.pendingBytes + body.length > this.options.maxPendingBytes) {
      return Promise.resolve(shed(`shipshape is overloaded (${this.queue.length + 1} large reviews waiting); retry`));
    }
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, body, queued: performance.now(), resolve });
      this.pendingBytes += body.length;
      this.dispatch();
    });
  }

  /** A new checker (configuration reloaded): used for the next reviews; the worker is replaced between jobs. */
  replace(checker: Checker, setup: ReviewWorkerSetup): void {
    this.checker = checker;
    this.setup = setup;
    if (!this.running) void this.stopWorker();
    else this.restartAfterRunning = true;
  }

  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.resolve(shed("shipshape is shutting down; retry"));
    this.pendingBytes = 0;
    await this.stopWorker();
  }

  private restartAfterRunning = false;

  private decideOptions(): DecideOptions {
    return { audit: this.setup.audit, excluded: new Set(this.setup.excluded) };
  }

  private dispatch(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) return;
    this.pendingBytes -= job.body.length;
    if (performance.now() - job.queued > this.options.timeoutMs) {
      job.resolve(shed(`shipshape is overloaded (the review waited over ${this.options.timeoutMs} ms); retry`));
      return this.dispatch();
    }
    this.running = job;
    const worker = this.workerFor();
    // Moved, not copied: the main thread has no further use for the bytes.
    const body = job.body.byteOffset === 0 && job.body.byteLength === job.body.buffer.byteLength ? job.body : job.body.slice();
    void this.ready.then(() => worker.postMessage({ id: job.id, body }, [body.buffer as ArrayBuffer]));
  }

  private finish(outcome: ReviewOutcome): void {
    const job = this.running;
    this.running = undefined;
    job?.resolve(outcome);
    if (this.restartAfterRunning) {
      this.restartAfterRunning = false;
      void this.stopWorker();
    }
    this.dispatch();
  }

  private workerFor(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl(import.meta.url, "server", "review-worker"), {
      workerData: this.setup,
      resourceLimits: { maxOldGenerationSizeMb: this.options.workerHeapMb },
    });
    this.ready = new Promise((resolve) => worker.once("message", () => resolve()));
    worker.on("message", (message: { id?: number; outcome?: ReviewOutcome }) => {
      if (message.outcome && message.id === this.running?.id) this.finish(message.outcome);
    });
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.running) this.finish({ status: 500, message: `the review could not be evaluated (${why})`, result: "error" });
    };
    worker.on("error", (error) => lost(error.message));
    worker.on("exit", (code) => lost(`worker exited with ${code}`));
    this.worker = worker;
    return worker;
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
