/**
 * The worker pool for batches: a long-lived piscina pool (workers take ~350 ms to start, so they
 * are started once per run), exactly `jobs` documents in flight, and a time budget per document
 * that starts when the document reaches a worker, not when it is queued. A document over its
 * budget has its worker terminated (piscina does this on abort) and a fresh one takes its place.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { WorkerTask } from './worker.js';
import { formatDuration } from './budget.js';

export interface PoolOptions {
  jobs: number;
  timeoutMs: number;
  /** Heap cap per worker; over it the document fails with "out of memory", the run goes on. */
  heapMb: number;
  /** Aborted on Ctrl-C: in-flight documents are dropped. */
  signal: AbortSignal;
}

/** Thrown for documents dropped because the run was interrupted. */
export class Cancelled extends Error {
  override name = 'Cancelled';
}

/** Deep nesting recurses; a larger stack lets a worker survive what the main thread would not. */
const WORKER_STACK_MB = 32;
/**
 * Parsing allocates short-lived objects by the million, and with V8's default young generation a
 * fifth of the time went to scavenges. 96 MB cut a worker's CPU time per document by about a
 * quarter on scraped pages (BENCHMARKS.md), for ~40 MB more RSS; larger gave nothing more.
 */
const WORKER_YOUNG_MB = 96;

export class DocumentPool {
  private readonly piscina: Piscina;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: PoolOptions) {
    this.piscina = new Piscina({
      filename: workerFile(),
      minThreads: options.jobs,
      maxThreads: options.jobs,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB, stackSizeMb: WORKER_STACK_MB },
    });
    // A worker dying is reported through the task's rejection; the pool's own error event would
    // otherwise be an unhandled 'error' and take the process down.
    this.piscina.on('error', () => {});
  }

  async run<R>(task: WorkerTask, transferList?: ArrayBuffer[]): Promise<R> {
    await this.slot();
    try {
      if (this.options.signal.aborted) throw new Cancelled('interrupted');
      const timeout = AbortSignal.timeout(this.options.timeoutMs);
      const signal = AbortSignal.any([this.options.signal, timeout]);
      try {
        return (await this.piscina.run(task, { signal, ...(transferList ? { transferList } : {}) })) as R;
      } catch (error) {
        if (this.options.signal.aborted) throw new Cancelled('interrupted');
        if (timeout.aborted) throw new Error(`timed out after ${formatDuration(this.options.timeoutMs)} (worker stopped)`);
        const code = (error as { code?: string }).code;
        if (code === 'ERR_WORKER_OUT_OF_MEMORY') throw new Error(`out of memory (worker heap cap ${this.options.heapMb} MB)`);
        throw new Error(`worker failed: ${(error as Error).message ?? String(error)}`);
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }

  private async slot(): Promise<void> {
    if (this.running < this.options.jobs) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes straight to the next waiter
    else this.running -= 1;
  }
}

/**
 * The worker script: the bundle that `npm run build` makes (one file to load, so a worker starts
 * sooner), else tsc's output. Running from TypeScript sources (vitest) there is no worker beside
 * this file; the build in dist/ (made by `pretest`) serves then.
 */
function workerFile(): string {
  const candidates = ['./worker.bundle.mjs', './worker.js', '../../dist/cli/worker.bundle.mjs', '../../dist/cli/worker.js'];
  for (const candidate of candidates) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error('worker not built: run `npm run build`');
}
