/**
 * Parses many notes in parallel, in as many workers as the machine has
 * cores (at most one per note). Used for a first run over a big folder; a
 * small one is parsed in process, where starting workers would cost more
 * than it saves. The workers are child processes started with V8 flags of
 * their own (WORKER_V8_FLAGS); when a child cannot start or dies, worker
 * threads (without the flags) do the work, and when they cannot either
 * (the worker script is not built, as under the unit tests), the notes are
 * parsed in process.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../version.js';
import type { Card, ParsedFile } from './model.js';

/**
 * The V8 flags the child processes start with, on their command line, where
 * they hold before any code runs. (Set while a process runs, with
 * v8.setFlagsFromString, `--no-regexp-tier-up` crashes Node the next time a
 * pattern that ran before runs: never do that.) They only pay where much is
 * parsed and carded:
 * - `--no-regexp-tier-up`: each pattern is compiled to machine code on its
 *   first use instead of to bytecode first and to machine code again once it
 *   has run; the card rules test each line with some hundred patterns.
 * - `--no-turbo-inlining`: each worker compiles the card rules' hot functions
 *   on its own; without inlining that costs far less, and the compiled rules
 *   run about as fast.
 * - `--interrupt-budget=1000000` (V8's default is 67,584): a function is
 *   optimized after about 15 times as much work, so only the rules that run
 *   most are compiled by TurboFan, on a background thread that competes with
 *   the other worker for the cores: 100 files cold ~10% faster in wall time,
 *   ~13% less CPU (5 alternating rounds on two corpora; 300,000 gave ~7–10%).
 * - `--single-threaded-gc`: each worker collects its garbage on its own
 *   thread, instead of on helper threads that compete with the other worker
 *   for the same cores: 100 files cold ~4–5% faster (20 alternating pairs on
 *   two corpora, mean −0.28 s; faster in 15 of them).
 * 100 files cold: see bench/RESULTS.md.
 */
export const WORKER_V8_FLAGS: readonly string[] = [
  '--no-regexp-tier-up',
  '--no-turbo-inlining',
  '--interrupt-budget=1000000',
  '--single-threaded-gc',
];

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
 * file, with the job's index and answer (for a progress line, and to keep
 * each answer as it comes: a first run stopped half way keeps what was done).
 * After a worker fails, the jobs are done again another way and told again.
 */
export async function parseMany(
  jobs: readonly ParseJob[],
  onDone: OnDone = () => {},
  {
    worker = PARSE_WORKER,
    from = PARALLEL_FROM,
    via = ['processes', 'threads'],
    flags = WORKER_V8_FLAGS,
    started = () => {},
    cores = availableParallelism(),
    here,
  }: {
    /** The worker script, under dist/: content's own or one that answers the same and more. */
    worker?: string;
    /** From how many characters workers are started (PARALLEL_FROM; less in tests). */
    from?: number;
    /** The kinds of workers to try, in order, before parsing in process (tests choose). */
    via?: readonly Via[];
    /** The child processes' V8 flags (WORKER_V8_FLAGS; tests give a bad one). */
    flags?: readonly string[];
    /** Told where the jobs were done (tests). */
    started?: (where: Via | 'here') => void;
    /** How many workers at most (the machine's cores; tests ask for two on any machine). */
    cores?: number;
    /**
     * The worker's work, to do it in process when no worker is started (a few
     * files, one core, or no worker could run); by default parsing alone.
     */
    here?: () => Promise<(job: ParseJob) => Parsed>;
  } = {},
): Promise<Parsed[]> {
  const size = jobs.reduce((sum, job) => sum + job.text.length, 0);
  const count = Math.min(cores, jobs.length);
  const script = workerScript(worker);
  if (script && count > 1 && size >= from) {
    for (const kind of via) {
      const pool: Handle[] = [];
      try {
        for (let i = 0; i < count; i++) {
          pool.push(kind === 'processes' ? childWorker(script, flags) : threadWorker(script));
        }
        const out = await onWorkers(pool, jobs, onDone);
        started(kind);
        return out;
      } catch {
        // A worker failed to start or died: none is left running (a child's open channel
        // would keep this process alive), then the next kind, or in process below.
        for (const worker of pool) worker.stop();
      }
    }
  }
  const work = here ? await here() : await parseAlone();
  const out = jobs.map((job, i) => {
    const answer = work(job);
    onDone(i + 1, jobs.length, i, answer);
    return answer;
  });
  started('here');
  return out;
}

async function parseAlone(): Promise<(job: ParseJob) => Parsed> {
  const { parseMarkdown } = await import('./parse.js');
  return (job) => ({ parsed: parseMarkdown(job.file, job.text) });
}

/** Told after each job: how many are done of how many, and the job's index and answer. */
export type OnDone = (done: number, total: number, at?: number, answer?: Parsed) => void;

/** Where parseMany may do its jobs besides in process. */
export type Via = 'processes' | 'threads';

/** One worker, a child process or a thread, seen the same way. */
interface Handle {
  send(job: ParseJob): void;
  /** Calls back with each answer, and once with an error if the worker fails or ends before it is stopped. */
  listen(onAnswer: (answer: Answer) => void, onFail: (error: unknown) => void): void;
  stop(): void;
}

type Answer = { file: string; cards: Card[] } & Parsed;

function childWorker(script: string, flags: readonly string[]): Handle {
  const child: ChildProcess = fork(script, [], {
    execArgv: [...flags],
    // Structured clone, as between threads: the parse results and cards as they are.
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  return handle(
    child,
    (job) => child.send(job),
    () => child.kill(),
  );
}

function threadWorker(script: string): Handle {
  const thread = new Worker(script);
  return handle(
    thread,
    (job) => thread.postMessage(job),
    () => void thread.terminate(),
  );
}

/** A child process or a thread as a Handle: both tell 'message', 'error' and 'exit'. */
function handle(worker: EventEmitter, send: (job: ParseJob) => void, end: () => void): Handle {
  let stopped = false;
  return {
    send,
    listen(onAnswer, onFail) {
      worker.on('message', (answer) => onAnswer(answer as Answer));
      worker.on('error', onFail);
      worker.on('exit', (code, signal) => {
        if (!stopped) onFail(new Error(`parse worker ended (${code ?? signal})`));
      });
    },
    stop() {
      stopped = true;
      end();
    },
  };
}

function onWorkers(
  workers: readonly Handle[],
  jobs: readonly ParseJob[],
  onDone: OnDone,
): Promise<Parsed[]> {
  return new Promise((resolve, reject) => {
    const out: (Parsed | undefined)[] = new Array(jobs.length);
    const indexOf = new Map(jobs.map((job, i) => [job.file, i]));
    let next = 0;
    let done = 0;
    let ended = false;
    const stop = () => {
      ended = true;
      for (const worker of workers) worker.stop();
    };
    const give = (worker: Handle) => {
      const job = jobs[next++];
      if (job) worker.send(job);
    };
    for (const worker of workers) {
      worker.listen(
        (message) => {
          if (ended) return;
          const at = indexOf.get(message.file);
          done += 1;
          if (at !== undefined) {
            const { parsed, cards, reasons } = message;
            const answer = reasons ? { parsed, cards, reasons } : { parsed, cards };
            out[at] = answer;
            onDone(done, jobs.length, at, answer);
          } else onDone(done, jobs.length);
          if (done === jobs.length) {
            stop();
            resolve(out as Parsed[]);
          } else give(worker);
        },
        (error) => {
          if (ended) return;
          stop();
          reject(error);
        },
      );
      give(worker);
    }
  });
}
