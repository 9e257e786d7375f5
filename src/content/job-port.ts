/**
 * The worker scripts' side of `parallel.ts`: takes jobs and answers each,
 * on a worker thread (parentPort) or in a child process (the IPC channel of
 * child_process.fork). A child whose parent has gone (its channel closed:
 * the parent ended, was killed or crashed) ends at once.
 */
import { parentPort } from 'node:worker_threads';

export function serveJobs<Job, Answer>(work: (job: Job) => Answer): void {
  const port = parentPort;
  if (port) {
    port.on('message', (job: Job) => port.postMessage(work(job)));
    return;
  }
  const send = process.send?.bind(process);
  if (!send) return;
  process.on('message', (job) => send(work(job as Job)));
  process.on('disconnect', () => process.exit(0));
}
