/**
 * A first run over a big folder parses on worker threads (content/parallel.ts),
 * and the commands' worker (quiz/ask-worker.ts) also tells which cards are
 * asked when their file alone decides it, so the main thread asks whyNotAsked
 * of the other cards only (library.ts knownReasons). Through the built CLI,
 * those cards must be exactly the ones the library keeps when it asks
 * whyNotAsked of every card itself, left-out cards included: notes with
 * cards that are not asked (test/fixtures/quality/unaskable), in Japanese
 * and English, some of them sharing a topic with another file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runBinary, tempDir } from '../helpers/cli.js';
import { readDir } from '../helpers/deck.js';

/**
 * The notes, then each again: the same (its sections move to #2 keys), its
 * headings below the topic renamed (the same topic, no key moved), or its
 * topic renamed (a topic of its own).
 */
function folder(): string {
  const dir = tempDir('awsquiz-cold-workers-');
  const notes = [
    ...Object.values(readDir(join(FIXTURES, 'quality', 'unaskable'))),
    ...Object.values(readDir(join(FIXTURES, 'notes-sets', 'ja'))).slice(0, 2),
    ...Object.values(readDir(join(FIXTURES, 'notes-sets', 'en'))).slice(0, 2),
  ];
  notes.forEach((text, i) => {
    writeFileSync(join(dir, `1-${String(i).padStart(2, '0')}.md`), text);
    const again = [
      text,
      text.replace(/^(##+) (.+)$/gmu, '$1 $2 (2)'),
      text.replace(/^# (.+)$/gmu, '# $1 (2)'),
    ][i % 3];
    writeFileSync(join(dir, `2-${String(i).padStart(2, '0')}.md`), again ?? text);
  });
  return dir;
}

describe('a first run over a folder, on workers', () => {
  it('makes and leaves out the same cards as a first run in process', () => {
    expect(existsSync(join(ROOT, 'dist', 'quiz', 'ask-worker.js'))).toBe(true);
    const dir = folder();
    // Workers from the first character: this folder is far below PARALLEL_FROM.
    const onWorkers = runBinary(['--content', dir, 'check', '--cards'], {
      env: { AWSQUIZ_TEST_PARALLEL_FROM: '1' },
    });
    const inProcess = runBinary(['--content', dir, 'check', '--cards']);
    expect(inProcess.status).toBe(0);
    expect(inProcess.stdout).toMatch(/^12 files, \d{3} cards/mu);
    expect(inProcess.stdout).toMatch(/cards not made.*give the answer away \d+/u);
    expect(onWorkers).toEqual(inProcess);
  }, 60_000);
});
