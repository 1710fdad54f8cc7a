/**
 * A compile worker: runs the jobs the pool (compile-pool.ts) posts, one at a
 * time, and answers each with its result or its error's name and message.
 */
import { parentPort } from 'node:worker_threads';
import { runCompileJob, type CompileJob } from './compile-job.js';

parentPort?.on('message', async ({ ticket, job }: { ticket: number; job: CompileJob }) => {
  try {
    parentPort!.postMessage({ ticket, result: await runCompileJob(job) });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    parentPort!.postMessage({ ticket, error: { name, message } });
  }
});
