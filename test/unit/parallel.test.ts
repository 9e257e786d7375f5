/**
 * content/parallel.ts: a first run over many notes parses them in child
 * processes started with V8 flags of their own (never set while a process
 * runs: that crashes Node), falls back to worker threads when a child
 * cannot start, and to the main thread when no worker can run. Every way
 * gives the same parse results and cards. Needs the built worker script
 * (test/global-setup.ts bundles it).
 */
import { execFileSync, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCards } from '../../src/content/cards.js';
import { buildDeck } from '../../src/content/deck.js';
import {
  PARSE_WORKER,
  type ParseJob,
  parseMany,
  type Via,
  WORKER_V8_FLAGS,
} from '../../src/content/parallel.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { readDir } from '../helpers/deck.js';

const jobs: ParseJob[] = Object.entries({
  ...readDir(join(FIXTURES, 'notes-sets', 'en')),
  ...readDir(join(FIXTURES, 'notes-sets', 'ja')),
})
  .slice(0, 6)
  .map(([file, text]) => ({ file, text }));

/** What a worker answers for each job, made here (through JSON, as the clone drops undefined). */
const expected = JSON.parse(
  JSON.stringify(
    jobs.map((job) => {
      const parsed = parseMarkdown(job.file, job.text);
      return { parsed, cards: buildCards(buildDeck([parsed])) };
    }),
  ),
);

async function run(options: Parameters<typeof parseMany>[2]) {
  let where: Via | 'here' | undefined;
  const done: number[] = [];
  /** Each answer as it came, by job: a first run stopped half way keeps these. */
  const told: unknown[] = [];
  const out = await parseMany(
    jobs,
    (n, _total, at, answer) => {
      done.push(n);
      if (at !== undefined) told[at] = answer;
    },
    {
      from: 1,
      // Two workers on any machine (one core would mean parsing in process).
      cores: 2,
      started: (w) => {
        where = w;
      },
      ...options,
    },
  );
  expect(told).toEqual(out);
  return { where, done, out: JSON.parse(JSON.stringify(out)) };
}

describe('parsing many notes at once', () => {
  it('has a built worker script to run', () => {
    expect(existsSync(join(ROOT, 'dist', PARSE_WORKER))).toBe(true);
  });

  it('runs in child processes with the V8 flags, giving what the main thread gives', async () => {
    const { where, done, out } = await run({});
    expect(where).toBe('processes');
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out).toEqual(expected);
  }, 30_000);

  it('falls back to worker threads when a child cannot start (node refuses a flag)', async () => {
    const { where, out } = await run({ flags: ['--no-such-v8-flag'] });
    expect(where).toBe('threads');
    expect(out).toEqual(expected);
  }, 30_000);

  it('parses in process when there is no worker script to run', async () => {
    const { where, out } = await run({ worker: 'content/no-such-worker.js' });
    expect(where).toBe('here');
    expect(out.map((o: { parsed: unknown }) => o.parsed)).toEqual(
      expected.map((o: { parsed: unknown }) => o.parsed),
    );
  });

  it('starts with flags this Node knows (it refuses an unknown one, exit 9)', () => {
    expect(WORKER_V8_FLAGS.length).toBeGreaterThan(0);
    expect(() => execFileSync(process.execPath, [...WORKER_V8_FLAGS, '-e', '0'])).not.toThrow();
    expect(() =>
      execFileSync(process.execPath, ['--no-regexp-tier-upx', '-e', '0'], { stdio: 'ignore' }),
    ).toThrow();
  });

  it('has a child that ends by itself once its parent has gone (its channel closed)', async () => {
    const child = fork(join(ROOT, 'dist', PARSE_WORKER), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const [job] = jobs;
    if (!job) throw new Error('no notes to parse');
    const answer = await new Promise((resolve) => {
      child.once('message', resolve);
      child.send(job);
    });
    expect(JSON.parse(JSON.stringify(answer))).toMatchObject({ file: job.file });
    const ended = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.disconnect();
    expect(await ended).toBe(0);
  }, 30_000);
});
