/**
 * After a note is edited, only that note is carded and judged again: the
 * cards each note made alone, and what its worker told of whyNotAsked, are
 * kept in the files cache (library.ts parseAll, quiz/ask-job.ts). Through the
 * CLI, the cards after an edit must be exactly those the library makes
 * of the whole edited deck without any per-file cards, left-out cards
 * included: when a line is added, when a topic is renamed so that a later,
 * unchanged note's sections move to #2 keys (its kept cards no longer fit
 * and are made again), when a note is removed, when one is added, and when
 * the kept cards of the notes are damaged (made again); and the rest of what
 * `check` says must be what a first run over the edited notes says. Only the
 * edited notes (and those whose keys moved) are carded again: counted.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as cards from '../../src/content/cards.js';
import { openLibrary } from '../../src/content/library.js';
import { whyNotAsked } from '../../src/quiz/questions.js';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';
import { readDir } from '../helpers/deck.js';

function folder(): string {
  const dir = tempDir('awsquiz-edit-cards-');
  const notes = [
    ...Object.values(readDir(join(FIXTURES, 'quality', 'unaskable'))),
    ...Object.values(readDir(join(FIXTURES, 'notes-sets', 'ja'))).slice(0, 2),
    ...Object.values(readDir(join(FIXTURES, 'notes-sets', 'en'))).slice(0, 2),
  ];
  notes.forEach((text, i) => {
    writeFileSync(join(dir, `${String(i).padStart(2, '0')}.md`), text);
  });
  // A later note: its Setup moves to a #2 key once 00.md opens with the same topic (below).
  writeFileSync(
    join(dir, '90-later.md'),
    [
      '# Later',
      '',
      '## Setup',
      '- Agent: a program on each host that reports metrics every 60 seconds',
      '- Collector: the service that keeps the metrics for 15 months',
      '- Dashboard: a page of graphs that the team shares',
      '',
    ].join('\n'),
  );
  return dir;
}

// In process (runCli): the same library and commands as the binary, without a process a run.
const check = (dir: string, dataDir: string) =>
  runCli(['--content', dir, 'check', '--cards'], { dataDir });

/** The card ids `check --cards` lists, in order: the cards made, and those not made. */
function listed(stdout: string): { ids: string[]; leftOut: string[] } {
  const ids: string[] = [];
  const leftOut: string[] = [];
  for (const [line, id] of stdout.matchAll(/^\S+:\d+: [a-z-]+ ([0-9a-f]{16}) .*$/gmu))
    (line.endsWith(')') && line.includes('(not made: ') ? leftOut : ids).push(id ?? '');
  return { ids, leftOut };
}

/**
 * The reference: the library without the worker's work makes the cards of the
 * whole deck and asks whyNotAsked of each (no per-file cards kept or reused).
 */
async function wholeDeck(dir: string): Promise<{ ids: string[]; leftOut: string[] }> {
  const library = await openLibrary(
    dir,
    { AWSQUIZ_DATA_DIR: tempDir('awsquiz-edit-whole-') },
    { whyLeftOut: async () => whyNotAsked },
  );
  return {
    ids: library.cards.map((card) => card.id),
    leftOut: library.leftOut.map((left) => left.card.id),
  };
}

describe('cards after an edit', () => {
  it('are the cards of the whole edited deck', async () => {
    const dir = folder();
    const data = tempDir('awsquiz-edit-data-');
    const first = await check(dir, data);
    expect(first.status).toBe(0);
    // How many notes are carded again after each edit (the others' cards come from the cache).
    const edits: [string, () => void, number][] = [
      [
        'a line added, a note removed and one added',
        () => {
          appendFileSync(join(dir, '01.md'), '\n- 新しい行：あとから足した説明の行です\n');
          rmSync(join(dir, '02.md'));
          writeFileSync(join(dir, '50-new.md'), '# New\n\n## Part\n- Term: a short meaning\n');
        },
        2,
      ],
      [
        'a topic renamed onto a later note',
        () => {
          const file = join(dir, '00.md');
          writeFileSync(
            file,
            `# Later\n\n## Setup\nSet it up with the console.\n\n${readFileSync(file, 'utf8')}`,
          );
        },
        // 00.md, and 90-later.md whose sections moved to #2 keys.
        2,
      ],
      [
        'the kept cards of the notes damaged',
        () => {
          const folder = readdirSync(data).find((f) => f.startsWith('deck-files-')) ?? '';
          const kept = readdirSync(join(data, folder)).filter((n) => n.endsWith('.cards.json'));
          expect(kept.length).toBeGreaterThan(5);
          for (const name of kept) {
            const path = join(data, folder, name);
            const entry = JSON.parse(readFileSync(path, 'utf8'));
            entry.cards = { kinds: 'damaged' };
            writeFileSync(path, JSON.stringify(entry));
          }
          appendFileSync(join(dir, '01.md'), '\n- もう一行：二度目に足した説明の行です\n');
        },
        // Every note (seven now): no kept cards could be read.
        7,
      ],
    ];
    let after = first;
    const carded = vi.spyOn(cards, 'buildCards');
    for (const [what, edit, again] of edits) {
      edit();
      carded.mockClear();
      after = await check(dir, data);
      expect(new Set(carded.mock.calls.map(([deck]) => deck.topics[0]?.file)).size, what).toBe(
        again,
      );
      expect(after.status, what).toBe(0);
      // The cards of the whole deck, made afresh without any per-file cards.
      expect(listed(after.stdout), what).toEqual(await wholeDeck(dir));
    }
    // And all the rest a first run over the edited notes says (warnings, counts).
    expect(after).toEqual(await check(dir, tempDir('awsquiz-edit-fresh-')));
    expect(first.stdout).toMatch(/cards not made.*give the answer away \d+/u);
  }, 60_000);
});
