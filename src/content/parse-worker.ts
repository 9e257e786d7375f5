/**
 * A worker thread that parses notes for `parallel.ts`: { file, text } in,
 * { file, parsed } out (the same ParsedFile parseMarkdown gives in process).
 */
import { parentPort } from 'node:worker_threads';
import { parseMarkdown } from './parse.js';

parentPort?.on('message', (job: { file: string; text: string }) => {
  parentPort?.postMessage({ file: job.file, parsed: parseMarkdown(job.file, job.text) });
});
