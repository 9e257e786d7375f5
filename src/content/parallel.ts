/**
 * Parses many notes on worker threads, as many as the machine has cores
 * (at most one per note). Used for a first run over a big folder; a small
 * one is parsed in process, where starting workers would cost more than it
 * saves. Falls back to parsing in process when workers cannot start (the
 * worker script is not built, as under the unit tests).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../version.js';
import type { Card, ParsedFile } from './model.js';

/** Below this many characters to parse, or with one core, workers are not worth starting. */
export const PARALLEL_FROM = 400_000;

export interface ParseJob {
  file: string;
  text: string;
}

/**
 * A file's parse result; from a worker also its cards, made there from the
 * file alone (library.ts cardsByFile uses them when no other file changed its
 * section keys), so that card making runs on every core too.
 */
export interface Parsed {
  parsed: ParsedFile;
  cards?: Card[];
  /**
   * From a worker that decides whether cards are asked (library.ts
   * OpenOptions.worker): per card of `cards`, why it is left out, '' when
   * it is asked, undefined when its file alone cannot tell.
   */
  reasons?: (string | undefined)[];
}

/** The worker script of the content layer: parses a file and makes its cards. */
export const PARSE_WORKER = 'content/parse-worker.js';

function workerScript(name: string): string | undefined {
  const script = join(packageRoot(), 'dist', name);
  return existsSync(script) ? script : undefined;
}

/**
 * The parse result of every job, in job order. `onDone` is told after each
 * file (for a progress line).
 */
export async function parseMany(
  jobs: readonly ParseJob[],
  onDone: (done: number, total: number) => void = () => {},
  {
    worker = PARSE_WORKER,
    from = PARALLEL_FROM,
  }: {
    /** The worker script, under dist/: content's own or one that answers the same and more. */
    worker?: string;
    /** From how many characters workers are started (PARALLEL_FROM; less in tests). */
    from?: number;
  } = {},
): Promise<Parsed[]> {
  const size = jobs.reduce((sum, job) => sum + job.text.length, 0);
  const threads = Math.min(availableParallelism(), jobs.length);
  const script = workerScript(worker);
  if (script && threads > 1 && size >= from) {
    try {
      return await onWorkers(script, threads, jobs, onDone);
    } catch {
      // Workers failed to start or died: parse in process below.
    }
  }
  const { parseMarkdown } = await import('./parse.js');
  return jobs.map((job, i) => {
    const parsed = parseMarkdown(job.file, job.text);
    onDone(i + 1, jobs.length);
    return { parsed };
  });
}

function onWorkers(
  script: string,
  threads: number,
  jobs: readonly ParseJob[],
  onDone: (done: number, total: number) => void,
): Promise<Parsed[]> {
  return new Promise((resolve, reject) => {
    const out: (Parsed | undefined)[] = new Array(jobs.length);
    const indexOf = new Map(jobs.map((job, i) => [job.file, i]));
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = () => {
      for (const worker of workers) void worker.terminate();
    };
    const give = (worker: Worker) => {
      const job = jobs[next++];
      if (job) worker.postMessage(job);
    };
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(script);
      workers.push(worker);
      worker.on('message', (message: { file: string; cards: Card[] } & Parsed) => {
        const at = indexOf.get(message.file);
        if (at !== undefined) {
          const { parsed, cards, reasons } = message;
          out[at] = reasons ? { parsed, cards, reasons } : { parsed, cards };
        }
        done += 1;
        onDone(done, jobs.length);
        if (done === jobs.length) {
          stop();
          resolve(out as Parsed[]);
        } else give(worker);
      });
      worker.on('error', (error) => {
        if (failed) return;
        failed = true;
        stop();
        reject(error);
      });
      give(worker);
    }
  });
}
