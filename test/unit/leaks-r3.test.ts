/**
 * Issue 13, round 3 of LEAK and pseudo-terms: what the judges still found
 * given away or not asked well. A number the rest of its line gives (a
 * listed series, arithmetic), a one-letter term, a meaning that only lists
 * names, aliases in a meaning, and a typed answer whose word stands in its
 * line. Fixtures written for these tests, Japanese and English
 * (test/fixtures/quality/leaks-r3/).
 */
import { describe, expect, it } from 'vitest';
import { clozeSpans, isTermName } from '../../src/content/cards.js';
import {
  derivedByArithmetic,
  inSeries,
  isNameList,
  typedWordGivenAway,
  withoutAliases,
} from '../../src/content/derived.js';
import type { Block } from '../../src/content/model.js';
import { makeQuestion, stemGivesAway } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const ja = fixture('quality/leaks-r3/ja.md');
const en = fixture('quality/leaks-r3/en.md');
const built = buildFrom({ 'ja.md': ja, 'en.md': en });
const cards = built.cards;

function line(text: string): Block {
  return { kind: 'item', text, line: 1, depth: 0, spans: [] } as unknown as Block;
}

/** Every question the cards make, over a few seeds and both modes. */
function asked() {
  const out: { answer: string; stem: string; kind: string; typed: boolean }[] = [];
  for (const card of cards)
    for (const mode of ['study', 'exam'] as const)
      for (const seed of [1, 2, 3]) {
        const q = makeQuestion(card, built.index, createRng(seed), mode, sayEn);
        if (q) out.push({ answer: card.answer, stem: q.stem, kind: card.kind, typed: !q.options });
      }
  return out;
}

const clozeAnswers = (text: string) => clozeSpans(line(text)).map((s) => s.answer);

describe('LEAK: a number blank the line gives', () => {
  it('one value of a listed series is no blank, a value on its own still is', () => {
    expect(clozeAnswers('専用線の帯域は 1／10／40Gbps から選べる')).toEqual([]);
    expect(
      clozeAnswers('A private link runs at 2, 20 or 200 Gbps, picked when it is ordered'),
    ).toEqual([]);
    expect(inSeries('4, 8, 16 KB', 3, 4)).toBe(true);
    // Two values are a range or a pair, not a series.
    expect(inSeries('デフォルト4日、1分〜14日', 5, 6)).toBe(false);
    expect(clozeAnswers('専用線の申請から開通までは通常 30 日ほどかかる')).toEqual(['30']);
  });

  it('the product or quotient of two other values of the line is no blank', () => {
    const text = '順序付きキューは 1 秒に 200 件、まとめ送り（20件）なら 4,000 件まで送れる';
    expect(clozeAnswers(text)).toEqual([]);
    const at = text.indexOf('20件');
    expect(derivedByArithmetic(text, at, at + 2)).toBe(true);
    expect(
      clozeAnswers(
        'An ordered queue takes 150 sends per second alone, and batches of 20 lift it to 3,000 per second',
      ),
    ).toEqual([]);
    // Small values multiply by chance: 3 × 5 = 15 among retention tiers proves nothing.
    const tiers = '1分未満は3時間、1分は15日間、5分は63日間保持';
    expect(derivedByArithmetic(tiers, tiers.indexOf('3時間'), tiers.indexOf('3時間') + 1)).toBe(
      false,
    );
  });

  it('no card of the fixtures asks a derivable number', () => {
    const numbers = cards.filter((c) => c.kind === 'cloze' && /^[0-9,]+$/u.test(c.answer));
    expect(numbers.map((c) => c.answer).sort()).toEqual(['12', '12', '25', '30']);
  });
});

describe('PSEUDO-TERM: a one-letter term', () => {
  it('is no term name and makes no card, a name of two characters does', () => {
    expect(isTermName('n')).toBe(false);
    expect(isTermName('db')).toBe(true);
    const terms = cards.filter((c) => c.kind === 'term').map((c) => c.answer);
    for (const letter of ['x', 'z', 'q', 'r']) expect(terms).not.toContain(letter);
  });
});

describe('LABEL-AS-TERM: a meaning that only lists names', () => {
  it('is no definition: no term card', () => {
    expect(isNameList('SQS、Lambda、HTTP/S、Eメール、SMS など')).toBe(true);
    expect(isNameList('Postgres, MySQL, MariaDB, Oracle')).toBe(true);
    const terms = cards.filter((c) => c.kind === 'term').map((c) => c.answer);
    expect(terms).not.toContain('受け手');
    expect(terms).not.toContain('Flavours');
  });

  it('a meaning that says something of the names still defines', () => {
    expect(isNameList('Managed Redis OSS, Valkey and Memcached')).toBe(false);
    expect(isNameList('short workloads, for cheap, can lose instances')).toBe(false);
    expect(isNameList('キュー、関数、メールへ同時に配る')).toBe(false);
    const terms = cards.filter((c) => c.kind === 'term').map((c) => c.answer);
    expect(terms).toEqual(expect.arrayContaining(['トピック', 'Failover replica']));
  });
});

describe('SYNONYM: aliases in a meaning', () => {
  it('the alias sentence or clause is left out, the rest stays', () => {
    expect(
      withoutAliases('標準の名前解決。「既定DNS」「DefaultDNS」ともいう。先頭＋2で待ち受ける'),
    ).toBe('標準の名前解決。先頭＋2で待ち受ける');
    expect(withoutAliases('The default name service, also called the base DNS. It listens')).toBe(
      'The default name service. It listens',
    );
    expect(withoutAliases('A standby copy (aka replica) in another zone')).toBe(
      'A standby copy in another zone',
    );
    expect(withoutAliases('no alias here')).toBe('no alias here');
  });

  it('no term card shows an alias of its answer', () => {
    const resolver = cards.filter(
      (c) => c.answer === '内部リゾルバー' || c.answer === 'Built-in resolver',
    );
    expect(resolver).toHaveLength(2);
    for (const card of resolver) {
      expect(card.prompt).not.toMatch(/DefaultDNS|既定DNS|base DNS|also called|ともいう/u);
      expect(card.prompt).toMatch(/＋2|plus two/u);
    }
  });
});

describe('LEAK: a word of a typed answer in its line', () => {
  it('a katakana or Latin word of four or more characters gives a typed answer away', () => {
    expect(
      typedWordGivenAway(
        'ログから数値を取り出してメトリクスにするのが ＿＿＿ です。',
        'メトリクスフィルター',
      ),
    ).toBe(true);
    expect(
      typedWordGivenAway(
        'Turning log lines into a counted graph is the job of a ＿＿＿.',
        'count filter',
      ),
    ).toBe(true);
    expect(
      stemGivesAway(
        '',
        'ログの行からカウントを取り出してグラフにするのが ＿＿＿ です。',
        'カウントフィルター',
        [],
        false,
      ),
    ).toBe(true);
  });

  it('not a leak: a common word, a short one, a word not in the answer', () => {
    expect(typedWordGivenAway('集めたログは ＿＿＿ を過ぎると自動で消えます。', '保持期間')).toBe(
      false,
    );
    expect(typedWordGivenAway('Amazon の ＿＿＿ にデータを置く', 'Amazon S3')).toBe(false);
    expect(
      typedWordGivenAway(
        'ロールで何ができるかを決めるアクセス許可ポリシーと ＿＿＿',
        '信頼ポリシー',
      ),
    ).toBe(false);
    expect(typedWordGivenAway('EC2 の ＿＿＿ を使う', 'EBS')).toBe(false);
  });

  it('no typed question of the fixtures shows a word of its answer', () => {
    const typed = asked().filter((q) => q.typed && q.kind === 'cloze');
    expect(typed.map((q) => q.answer)).not.toContain('カウントフィルター');
    expect(typed.map((q) => q.answer)).toContain('保持期間');
  });
});

describe('LEAK: the answer in other words (round 3 pairs)', () => {
  it('リージョン of a Region key, 段階 of ステップ, forecast of predictive', () => {
    const keys = ['aws:SourceIp', 'aws:RequestedRegion', 'aws:MultiFactorAuthPresent'];
    expect(
      stemGivesAway(
        '',
        '東京以外では使えないよう、＿＿＿ でリージョンを絞る',
        'aws:RequestedRegion',
        ['aws:SourceIp', 'aws:MultiFactorAuthPresent'],
      ),
    ).toBe(true);
    expect(stemGivesAway('', '使う場所を ＿＿＿ で絞る', keys[1] ?? '', [keys[0] ?? ''])).toBe(
      false,
    );
    expect(
      stemGivesAway('', 'しきい値の超え方に合わせて段階的に台数を変える', 'ステップ', [
        'ターゲット追跡',
        'スケジュール',
      ]),
    ).toBe(true);
    expect(
      stemGivesAway('', 'Forecasts the load of next week from past weeks', 'Predictive scaling', [
        'Step scaling',
        'Target tracking',
      ]),
    ).toBe(true);
    // Another option with the same word: the pair tells nothing.
    expect(
      stemGivesAway('', 'Adds capacity in steps as the alarm grows', 'Step scaling', [
        'Step adjustments',
        'Target tracking',
      ]),
    ).toBe(false);
  });
});
