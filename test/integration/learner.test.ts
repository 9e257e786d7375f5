/**
 * The learner's keys in a study session, in-process on a fake terminal and
 * clock (issue 14): x suspends, u takes back the last answer, e opens the note
 * in the editor at the card's line; and `awsquiz suspended`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorArguments } from '../../src/commands/editor.js';
import { type FakeTerminalRun, runCli, startCli, tempDir } from '../helpers/cli.js';
import { fakeEditor, gardenNotes as notes } from '../helpers/learner-notes.js';

const NOW = Date.parse('2026-05-04T09:00:00Z');

/** A study key on the question now on screen: typed questions take `:x` and Enter. */
async function press(run: FakeTerminalRun, key: string): Promise<void> {
  // Once the question and its key hints are on screen.
  const screen = await run.waitFor(/card \d+\/(?:(?!card \d+\/)[\s\S])*x suspend[^\n]*\n?$/);
  const question = screen.slice(screen.lastIndexOf('card '));
  if (/Your answer/.test(question) && !/press Enter to see it|↑↓/.test(question))
    run.send(`:${key}\r`);
  else run.send(key);
}

/** Answers the question on screen: recall Good, choice the first option, typed a wrong word. */
async function answerOne(run: FakeTerminalRun, n: number): Promise<void> {
  const screen = await run.waitFor(new RegExp(`card ${n}/\\d+[\\s\\S]*\\?`));
  const question = screen.slice(screen.lastIndexOf(`card ${n}/`));
  if (question.includes('press Enter to see it')) {
    run.send('\r');
    await run.waitFor('How well did you know it?');
    run.send('\r');
  } else if (question.includes('↑↓')) run.send('\r');
  else run.send('zzzz\r');
  await run.waitFor(/next review/);
}

function studyNew(output: string): number {
  const match = /Studying .*: 0 due, (\d+) new\./.exec(output);
  return Number(match?.[1]);
}

describe('suspending cards', () => {
  it('x sets the card aside: not planned again, counted per topic, listed, brought back', async () => {
    const content = notes();
    const dataDir = tempDir();
    const now = () => new Date(NOW);
    const args = ['--content', content, 'study', '--new', '100'];
    const first = startCli(args, { dataDir, now });
    const all = studyNew(await first.waitFor(/card 1\//));
    expect(all).toBeGreaterThan(4);
    await press(first, 'x');
    await first.waitFor('Suspended: not asked again');
    await first.waitFor('card 1/');
    first.send('\u0003');
    expect((await first.done).status).toBe(130);

    const listed = await runCli(['--content', content, 'suspended', '--json'], { dataDir, now });
    const rows = JSON.parse(listed.stdout) as { id: string; file: string; line: number }[];
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.file).toMatch(/\.md$/);
    expect(row?.line).toBeGreaterThan(0);

    const text = await runCli(['--content', content, 'suspended'], { dataDir, now });
    expect(text.stdout).toContain('Suspended cards: 1');
    expect(text.stdout).toContain(`${row?.file}:${row?.line}`);
    expect(text.stdout).toContain('awsquiz suspended --unsuspend <id>');

    const topics = JSON.parse(
      (await runCli(['--content', content, 'topics', '--json'], { dataDir, now })).stdout,
    ) as { suspended: number }[];
    expect(topics.reduce((sum, t) => sum + t.suspended, 0)).toBe(1);
    const stats = JSON.parse(
      (await runCli(['--content', content, 'stats', '--json'], { dataDir, now })).stdout,
    ) as { topics: { suspended: number }[] };
    expect(stats.topics.reduce((sum, t) => sum + t.suspended, 0)).toBe(1);

    // The next session does not plan it.
    const second = startCli(args, { dataDir, now });
    expect(studyNew(await second.waitFor(/card 1\//))).toBe(all - 1);
    second.send('\u0003');
    await second.done;

    expect(
      (await runCli(['--content', content, 'suspended', '--unsuspend', 'nope'], { dataDir, now }))
        .status,
    ).toBe(1);
    const back = await runCli(['--content', content, 'suspended', '--unsuspend', row?.id ?? ''], {
      dataDir,
      now,
    });
    expect(back.stdout).toContain('Brought back: 1.');
    const third = startCli(args, { dataDir, now });
    expect(studyNew(await third.waitFor(/card 1\//))).toBe(all);
    third.send('\u0003');
    await third.done;
    expect((await runCli(['--content', content, 'suspended'], { dataDir, now })).stdout).toContain(
      'No suspended cards.',
    );
  });
});

describe('undo', () => {
  it('u takes back the last answer: the log and the schedule as before, the card asked again', async () => {
    const content = notes();
    const dataDir = tempDir();
    let time = NOW;
    const now = () => new Date(time);
    const run = startCli(['--content', content, 'study', '--seed', '4'], { dataDir, now });
    await answerOne(run, 1);
    time += 5_000;
    await answerOne(run, 2);
    await run.waitFor('card 3/');
    const before = run.output();
    // The header is part of the prompt (drawn again with it): the question as first drawn.
    const second = before.slice(before.indexOf('card 2/'), before.indexOf('card 3/'));
    expect(second).toContain('u undo last');
    await press(run, 'u');
    await run.waitFor('Last answer taken back');
    const after = run.output();
    // The same card again, as card 2.
    expect(after.slice(after.lastIndexOf('Last answer taken back'))).toContain('card 2/');
    run.send('\u0003');
    await run.done;
    const stats = JSON.parse(
      (await runCli(['--content', content, 'stats', '--json'], { dataDir, now })).stdout,
    ) as { reviews: number; topics: { new: number; cards: number }[] };
    expect(stats.reviews).toBe(1);
    const cards = stats.topics.reduce((sum, t) => sum + t.cards, 0);
    expect(stats.topics.reduce((sum, t) => sum + t.new, 0)).toBe(cards - 1);
  });
});

describe('editing the note', () => {
  it('e opens the editor at the card’s file and line; an edited line changes only its cards', async () => {
    const content = notes();
    const dataDir = tempDir();
    const { editor, record } = fakeEditor(content);
    const before = JSON.parse(
      (await runCli(['--content', content, 'export'], { dataDir })).stdout,
    ) as { cards: { id: string; file: string; line: number }[] };

    const run = startCli(['--content', content, 'study', '--order', 'notes', '--seed', '1'], {
      dataDir,
      env: { EDITOR: editor, VISUAL: undefined },
    });
    await run.waitFor(/card 1\/[\s\S]*\?/);
    await press(run, 'e');
    await run.waitFor('Notes read again.');
    const [lineArg, fileArg] = readFileSync(record, 'utf8').trim().split('\n');
    expect(fileArg).toBe(join(content, '01-garden.md'));
    const line = Number(lineArg?.replace(/^\+/, ''));
    expect(before.cards.some((c) => c.file === '01-garden.md' && c.line === line)).toBe(true);
    await run.waitFor(/card 1\/[\s\S]*Notes read again[\s\S]*card 1\//);
    run.send('\u0003');
    await run.done;

    const after = JSON.parse(
      (await runCli(['--content', content, 'export'], { dataDir })).stdout,
    ) as { cards: { id: string; file: string; line: number }[] };
    const kept = new Set(after.cards.map((c) => c.id));
    const changed = before.cards.filter((c) => !kept.has(c.id));
    expect(changed.length).toBeGreaterThan(0);
    for (const card of changed) expect(`${card.file}:${card.line}`).toBe('01-garden.md:6');
  });

  it('says clearly when there is no editor, and the session goes on', async () => {
    const content = notes();
    const run = startCli(['--content', content, 'study'], {
      dataDir: tempDir(),
      env: {
        EDITOR: undefined,
        VISUAL: undefined,
        PATH: tempDir(), // an empty folder: no vi either
      },
    });
    await run.waitFor(/card 1\/[\s\S]*\?/);
    await press(run, 'e');
    await run.waitFor('No editor: set VISUAL or EDITOR');
    await run.waitFor(/No editor[\s\S]*card 1\//);
    run.send('\u0003');
    expect((await run.done).status).toBe(130);
  });

  it('tells each family of editors the line its own way', () => {
    expect(editorArguments('vim', 'a.md', 7)).toEqual(['+7', 'a.md']);
    expect(editorArguments('/usr/bin/nano', 'a.md', 7)).toEqual(['+7', 'a.md']);
    expect(editorArguments('emacs', 'a.md', 7)).toEqual(['+7', 'a.md']);
    expect(editorArguments('code', 'a.md', 7)).toEqual(['-g', 'a.md:7']);
    expect(editorArguments('cursor', 'a.md', 7)).toEqual(['-g', 'a.md:7']);
    expect(editorArguments('subl', 'a.md', 7)).toEqual(['a.md:7']);
    expect(editorArguments('zed', 'a.md', 7)).toEqual(['a.md:7']);
  });
});

describe('study --help', () => {
  it('shows every study key, in English and Japanese, within 40 columns', async () => {
    for (const lang of ['en', 'ja']) {
      const help = (await runCli(['--lang', lang, 'study', '--help'], { env: { COLUMNS: '40' } }))
        .stdout;
      for (const key of ['1–4', 'x ', 'e ', 'u ', ':x', 'Ctrl+C', 'Enter', '--order'])
        expect(help, `${lang}: ${key}`).toContain(key);
    }
  });
});
