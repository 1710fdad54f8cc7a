/**
 * Spreads compilations over worker threads, so a cold build compiles several
 * modules at once (and Babel loads off the thread that answers the bundler).
 * Workers start on the first job, hold the process open only while they have
 * work, and answer in any order. Without the built worker script (sources run
 * directly, as under Jest) or with `HERMETIC_COMPILE_WORKERS=0`, jobs run in
 * this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompiledCommonJS, CompiledModuleInPlace } from '@hermetic/module-source';
import type { CompileJob, WithUsage } from './compile-job.js';

type Compiled = WithUsage<CompiledModuleInPlace> | WithUsage<CompiledCommonJS>;

interface PoolWorker {
  worker: Worker;
  jobs: number;
}

interface Waiting {
  resolve(result: Compiled): void;
  reject(error: Error): void;
  owner: PoolWorker;
}

const WORKER_SCRIPT = fileURLToPath(new URL('./compile-worker.js', import.meta.url));

/** How many workers a pool gets: one core stays with the bundler and this thread. */
function defaultSize(): number {
  const configured = process.env.HERMETIC_COMPILE_WORKERS;
  if (configured !== undefined && /^\d+$/.test(configured)) return Number(configured);
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** A pool of compile workers. */
export class CompilePool {
  private readonly workers: PoolWorker[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private nextTicket = 0;
  private readonly size: number;

  constructor(size = defaultSize()) {
    this.size = existsSync(WORKER_SCRIPT) ? size : 0;
  }

  /** Compiles `job` on the least busy worker (starting one while fewer than the pool's size run). */
  run(job: CompileJob): Promise<Compiled> {
    // Loaded on the first job in this thread only: a warm build never loads the compiler or the map tools.
    if (this.size === 0) return import('./compile-job.js').then(({ runCompileJob }) => runCompileJob(job));
    let owner = this.workers.reduce<PoolWorker | undefined>((best, w) => (best === undefined || w.jobs < best.jobs ? w : best), undefined);
    if (owner === undefined || (owner.jobs > 0 && this.workers.length < this.size)) owner = this.start();
    const ticket = this.nextTicket++;
    if (owner.jobs++ === 0) owner.worker.ref();
    return new Promise<Compiled>((resolve, reject) => {
      this.waiting.set(ticket, { resolve, reject, owner: owner! });
      owner!.worker.postMessage({ ticket, job });
    });
  }

  /**
   * Starts a worker that loads the compiler now, so the first compilation
   * does not also wait for the worker and Babel to load (a cold build).
   * Without workers, or once one runs, nothing happens.
   */
  warmUp(): void {
    if (this.size === 0 || this.workers.length > 0) return;
    const { worker } = this.start();
    worker.postMessage({ ticket: -1 });
    // Posting refs the worker again; a warm-up alone must not keep the process alive.
    worker.unref();
  }

  private start(): PoolWorker {
    // Node's flags carry over, except one that only a string entry (`node --input-type=module -e`) accepts.
    const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
    const entry: PoolWorker = { worker: new Worker(WORKER_SCRIPT, { execArgv }), jobs: 0 };
    entry.worker.unref();
    entry.worker.on('message', ({ ticket, result, error }: { ticket: number; result?: Compiled; error?: { name: string; message: string } }) => {
      const waiting = this.waiting.get(ticket);
      if (waiting === undefined) return;
      this.waiting.delete(ticket);
      if (--entry.jobs === 0) entry.worker.unref();
      if (error === undefined) {
        waiting.resolve(result!);
      } else {
        const failure = error.name === 'SyntaxError' ? new SyntaxError(error.message) : new Error(error.message);
        if (failure.name !== error.name) failure.name = error.name;
        waiting.reject(failure);
      }
    });
    entry.worker.on('error', (error) => {
      // A crashed worker fails its own jobs; the pool starts a fresh one for the next.
      this.workers.splice(this.workers.indexOf(entry), 1);
      for (const [ticket, waiting] of this.waiting) {
        if (waiting.owner !== entry) continue;
        this.waiting.delete(ticket);
        waiting.reject(error);
      }
    });
    this.workers.push(entry);
    return entry;
  }
}
