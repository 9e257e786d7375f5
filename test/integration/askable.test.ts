/**
 * Every card that is counted can be asked (issue 13): a card whose every
 * question would give its answer away, or that has no form to ask, is not
 * made, so `topics`, `stats`, the study session's header and its plan count
 * the same cards, the ones study can ask. The notes (in English and
 * Japanese, test/fixtures/quality/unaskable) have such cards: a typed term
 * whose meaning says its word ("recover" → Item Recovery), a term with one
 * option and too long a name to type, and a heading whose clue shares the
 * kanji word only its own title has (検出 → 異常検出).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { FIXTURES, runCli, startCli, tempDir } from '../helpers/cli.js';
import { buildFrom, readDir } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const CONTENT = join(FIXTURES, 'quality', 'unaskable');
const NOW = Date.parse('2026-05-04T09:00:00Z');

/** The cards the notes make that study can ask, by topic: a question for every seed tried. */
function askableByTopic(): { made: number; byTopic: Map<string, number> } {
  const { cards, index } = buildFrom(readDir(CONTENT));
  const byTopic = new Map<string, number>();
  for (const card of cards) {
    const asked = [1, 2, 3, 4, 5].filter((seed) =>
      makeQuestion(card, index, createRng(seed), 'study', sayEn),
    ).length;
    // Asked for one seed but not another would count a card that is sometimes skipped.
    expect([0, 5], `${card.file}:${card.line} ${card.answer}`).toContain(asked);
    if (asked > 0) byTopic.set(card.topic, (byTopic.get(card.topic) ?? 0) + 1);
  }
  return { made: cards.length, byTopic };
}

describe('the cards that are counted', () => {
  it('are the cards study can ask, in topics, stats and the study header (en and ja notes)', async () => {
    const { made, byTopic } = askableByTopic();
    const askable = [...byTopic.values()].reduce((a, b) => a + b, 0);
    // The notes make cards no question can be asked of: the counts below would include them.
    expect(made - askable).toBeGreaterThanOrEqual(4);
    expect(byTopic.size).toBe(2);
    const dataDir = tempDir();
    const now = () => new Date(NOW);

    for (const lang of ['en', 'ja']) {
      const topics = JSON.parse(
        (await runCli(['--lang', lang, '--content', CONTENT, 'topics', '--json'], { dataDir, now }))
          .stdout,
      ) as { name: string; cards: number }[];
      expect(new Map(topics.map((t) => [t.name, t.cards]))).toEqual(byTopic);
    }
    const stats = JSON.parse(
      (await runCli(['--content', CONTENT, 'stats', '--json'], { dataDir, now })).stdout,
    ) as { topics: { name: string; cards: number; new: number }[]; total: { cards: number } };
    expect(new Map(stats.topics.map((t) => [t.name, t.cards]))).toEqual(byTopic);
    expect(stats.total.cards).toBe(askable);

    const run = startCli(['--content', CONTENT, 'study', '--new', '100', '--seed', '3'], {
      dataDir,
      now,
    });
    const screen = await run.waitFor(/card 1\/\d+/);
    expect(screen).toContain(`0 due, ${askable} new.`);
    expect(screen).toMatch(new RegExp(`card 1/${askable}\\b`));
    run.send('\u0003');
    await run.done;
  });

  it('are told apart by check: each card not made with why, in both languages', async () => {
    const en = await runCli(['--content', CONTENT, 'check', '--cards']);
    expect(en.stdout).toMatch(
      /en-backup\.md:\d+: term \w+ Backup basics › Recovery Options \(not made: the notes give the answer away\)/,
    );
    expect(en.stdout).toMatch(/en-backup\.md:\d+: term .*\(not made: no way to ask it\)/);
    expect(en.stdout).toMatch(
      /ja-monitoring\.md:\d+: which-heading \w+ 監視の基本 › 異常検出 \(not made: the notes give the answer away\)/,
    );
    // A term the notes give another name for, alone in its list: neither typed nor chosen.
    expect(en.stdout).toMatch(
      /ja-monitoring\.md:\d+: term \w+ 監視の基本 › 名前解決 \(not made: no way to ask it\)/,
    );
    expect(en.stdout).toMatch(
      /6 cards not made, no question can be made of them: .*the notes give the answer away 4/,
    );
    const ja = await runCli(['--lang', 'ja', '--content', CONTENT, 'check']);
    expect(ja.stdout).toContain('問題にできないため作らなかったカード 6 枚');
    expect(ja.stdout).toContain('問題文が答えを明かす 4');
  });
});
