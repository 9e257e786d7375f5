/**
 * On a cold start over a big folder, the parse workers (quiz/ask-worker.ts)
 * tell for each card they make whether it is asked, when the card's own file
 * decides it (fileVerdict), and the library takes that word instead of asking
 * whyNotAsked over the whole deck (knownReasons); after a note is edited it
 * takes the other notes' cards and words from the files cache the same way. Every word it takes must be
 * exactly what whyNotAsked says of the card in the whole deck: also when
 * files share topics (a section of a later file found under an earlier one's
 * key) and when separateSections renames sections.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCards, encodeCards } from '../../src/content/cache.js';
import { buildCards } from '../../src/content/cards.js';
import { buildDeck, indexDeck } from '../../src/content/deck.js';
import { cardsByFile, knownReasons, separateSections } from '../../src/content/library.js';
import type { Card } from '../../src/content/model.js';
import { askJob } from '../../src/quiz/ask-job.js';
import { headingGivesAway, verdictOfDraws, whyNotAsked } from '../../src/quiz/questions.js';
import { ROOT } from '../helpers/cli.js';
import { buildFrom, CONTENT, fixture, readDir } from '../helpers/deck.js';

interface Outcome {
  cards: Card[];
  /** The cards whose reason was taken from the workers, by file. */
  known: Map<Card, string | undefined>;
  fileOf: Map<Card, string>;
  /** The reason of every card over the whole deck, as whyNotAsked says. */
  truth: (card: Card) => string | undefined;
}

/**
 * As a cold start with workers: each file parsed, carded and judged alone
 * (quiz/ask-job.ts), sent (a structured clone) and kept in the files cache
 * (encoded, through JSON: an undefined reason as null), then joined, as the
 * next run after an edit takes them.
 */
function coldStart(files: [string, string][]): Outcome {
  const made = new Map<string, Card[]>();
  const reasons = new Map<string, (string | undefined)[]>();
  const parsed = files.map(([file, text]) => {
    const sent = structuredClone(askJob({ file, text }));
    const kept = JSON.parse(
      JSON.stringify({
        cards: encodeCards(sent.cards),
        reasons: sent.reasons.map((reason) => reason ?? null),
      }),
    );
    made.set(file, decodeCards(kept.cards));
    reasons.set(
      file,
      kept.reasons.map((reason: string | null) => reason ?? undefined),
    );
    return sent.parsed;
  });
  const moved = separateSections(parsed);
  const index = indexDeck(buildDeck(parsed));
  const cards = cardsByFile(parsed, made, moved, buildCards);
  const fileOf = new Map<Card, string>();
  for (const [file, list] of made) for (const card of list) fileOf.set(card, file);
  return {
    cards,
    known: knownReasons(parsed, made, reasons, moved, index),
    fileOf,
    truth: (card) => whyNotAsked(card, index),
  };
}

function expectSameReasons({ cards, known, truth }: Outcome): void {
  const wrong = cards
    .filter((card) => known.has(card) && known.get(card) !== truth(card))
    .map((card) => `${card.kind} ${card.path.join(' › ')}: ${known.get(card)} ≠ ${truth(card)}`);
  expect(wrong).toEqual([]);
}

const SETS = ['ja', 'en'].map((lang) => readDir(`${ROOT}/test/fixtures/notes-sets/${lang}`));

describe('whether a card is asked, told by the worker that made it', () => {
  for (const [name, files] of [
    ['the shipped notes', readDir(CONTENT)],
    ['the Japanese and English notes sets', { ...SETS[0], ...SETS[1] }],
  ] as const) {
    it(`is what the whole deck says, for most cards of ${name}`, () => {
      const outcome = coldStart(Object.entries(files));
      expect(outcome.cards.length).toBeGreaterThan(30);
      expectSameReasons(outcome);
      // Most cards are decided by their file: the main thread asks only of the rest.
      expect(outcome.known.size).toBeGreaterThan(outcome.cards.length * 0.8);
    });
  }

  it('is left out where a later file shares an earlier topic', () => {
    const ec2 = readDir(CONTENT)['01-ec2.md'] ?? '';
    const outcome = coldStart([
      ['a.md', ec2],
      // The same topic again: its sections get #2 keys (moved).
      ['b.md', ec2],
      // The same topic title with headings of its own: no key moves, but its topic's own
      // lines are found under the first file's topic in the whole deck.
      [
        'c.md',
        '# EC2\n\nEC2 のインスタンスは **Nitro** 上で動く仮想サーバーです。\n\n## 料金の見方\n- Savings Plans：1年か3年の利用を約束して割引を受ける買い方\n- スポット：空いた容量を安く使う買い方で、中断されることがある\n',
      ],
      ['d.md', fixture('duplicate-headings.md')],
    ]);
    expectSameReasons(outcome);
    const from = (file: string) => outcome.cards.filter((c) => outcome.fileOf.get(c) === file);
    // The first file's sections are its own in the whole deck.
    expect(from('a.md').filter((card) => outcome.known.has(card)).length).toBeGreaterThan(50);
    expect(from('c.md').length).toBeGreaterThan(0);
    expect(from('c.md').some((card) => outcome.known.has(card))).toBe(false);
    // b.md's cards were made again in the whole deck: none is a worker's.
    expect(outcome.cards.some((card) => outcome.fileOf.get(card) === 'b.md')).toBe(false);
  });

  it('is what the whole deck says for any mix of notes (property)', () => {
    const pool = [
      ...SETS.flatMap((set) => Object.values(set)),
      fixture('duplicate-headings.md'),
      '# Lambda\n\n## Limits\n- Timeout: up to 15 minutes per invocation\n- Memory: from 128 MB to 10,240 MB\n',
      // The same topic with a body and other headings: no key moves.
      '# Lambda\n\nLambda runs your code when an **event** arrives, with no server to manage.\n\n## Pricing\n- Requests: billed per million requests\n- Duration: billed per millisecond of run time\n',
      '# メモ\n\n## 用語\n- SQS：メッセージを溜めるキューのサービス\n- SNS：通知を配るトピックのサービス\n',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 3 }),
        (picks) => {
          expectSameReasons(coldStart(picks.map((at, i) => [`n${i}.md`, pool[at] ?? ''])));
        },
      ),
      { numRuns: 6 },
    );
  });
});

/**
 * whyNotAsked draws a card's options only when it cannot tell without: a
 * card askable whatever it draws is not drawn, nor a which-* card whose only
 * cue is the heading above (all its options are under that heading too), whose
 * verdict is whether two options can be drawn. Every verdict must be what the
 * card's own draws say (verdictOfDraws).
 */
describe('whyNotAsked without drawing', () => {
  const expectDrawsAgree = (files: Record<string, string>) => {
    const { cards, index } = buildFrom(files);
    const wrong = cards
      .map((card) => ({ card, told: whyNotAsked(card, index), drawn: verdictOfDraws(card, index) }))
      .filter(({ told, drawn }) => told !== drawn)
      .map(({ card, told, drawn }) => `${card.kind} ${card.path.join(' › ')}: ${told} ≠ ${drawn}`);
    expect(wrong).toEqual([]);
    return { cards, index };
  };

  it('says what the draws say, for every card of the notes sets and the leak fixtures', () => {
    for (const files of [
      readDir(CONTENT),
      ...SETS,
      ...['leaks-r3', 'leaks-r4', 'leaks-r7'].map((set) =>
        readDir(`${ROOT}/test/fixtures/quality/${set}`),
      ),
    ])
      expectDrawsAgree(files);
  });

  it('asks a which-* card whose heading above names part of every option', () => {
    // "Reserved" above each answer: a cue with no option beside the answer, none among them.
    const { cards } = expectDrawsAgree({
      'ec2.md':
        '# EC2\n\n## Reserved\n\n### Standard Reserved\n\n- 1年か3年の契約で大きく割引される\n\n### Convertible Reserved\n\n- 契約期間中にインスタンスタイプを変えられる\n\n### Scheduled Reserved\n\n- 決まった時間帯だけを予約して使う\n',
    });
    const which = cards.filter((card) => card.kind === 'which-heading');
    expect(which.length).toBe(3);
    for (const card of which) {
      expect(headingGivesAway('EC2 › Reserved', card.answer, [], 'EC2')).toBe(true);
    }
  });

  it('says what the draws say for headings and lines made of shared words (property)', () => {
    const word = fc.constantFrom(
      'Reserved',
      'Gateway',
      'NAT',
      'キュー',
      'FIFO',
      'ポリシー',
      'IAM',
      '標準',
    );
    const line = fc.constantFrom(
      '1年か3年の契約で割引される',
      'メッセージを順番どおりに届ける',
      'Routes traffic from a private subnet to the internet',
      'ポリシーで権限を与える',
      '決まった時間帯だけ使う',
      'Keeps a copy in another Region',
    );
    const child = fc.record({
      words: fc.array(word, { minLength: 1, maxLength: 2 }),
      lines: fc.array(line, { minLength: 1, maxLength: 2 }),
    });
    fc.assert(
      fc.property(word, fc.array(child, { minLength: 2, maxLength: 4 }), (parent, children) => {
        const body = children
          .map(
            ({ words, lines }) =>
              `### ${words.join(' ')}\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`,
          )
          .join('\n');
        expectDrawsAgree({ 'n.md': `# Notes\n\n## ${parent}\n\n${body}` });
      }),
      { numRuns: 40 },
    );
  });
});
