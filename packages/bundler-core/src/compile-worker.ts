/**
 * A compile worker: runs the jobs the pool (compile-pool.ts) posts, one at a
 * time, and answers each with its result or its error's name and message.
 */
import { parentPort } from 'node:worker_threads';
import { preloadCompiler, runCompileJob, type CompileJob } from './compile-job.js';

parentPort?.on('message', async ({ ticket, job }: { ticket: number; job?: CompileJob }) => {
  // A job-less message only loads the compiler (CompilePool#warmUp); nobody waits for an answer.
  if (job === undefined) {
    await preloadCompiler().catch(() => undefined);
    return;
  }
  try {
    parentPort!.postMessage({ ticket, result: await runCompileJob(job) });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    parentPort!.postMessage({ ticket, error: { name, message } });
  }
});
