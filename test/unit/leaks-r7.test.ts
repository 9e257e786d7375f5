/**
 * Issue 13, round 7: what the judges still found given away. The heading
 * right above a term names a part of the answer no other option has
 * ("Reserved" above Convertible Reserved Instances among On-Demand, Spot and
 * Dedicated), two words of the answer together in the stem that no other
 * option has together (エッジ and キャッシュ of リージョナルエッジキャッシュ), and a
 * Japanese verb that is the English word of the answer (引き受ける of
 * sts:AssumeRole). Fixtures written for these tests, Japanese and English
 * (test/fixtures/quality/leaks-r7/).
 */
import { describe, expect, it } from 'vitest';
import { termGivenAway } from '../../src/content/cards.js';
import { namesInOtherWords, partsTogether } from '../../src/content/overlap.js';
import {
  headingGivesAway,
  makeQuestion,
  stemGivesAway,
  whyNotAsked,
} from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const built = buildFrom({
  'ja.md': fixture('quality/leaks-r7/ja.md'),
  'en.md': fixture('quality/leaks-r7/en.md'),
});

const termCards = (answer: string) =>
  built.cards.filter((card) => card.kind === 'term' && card.answer === answer);

describe('LEAK: the heading above names a part of the answer no other option has', () => {
  const others = ['On-Demand Instances', 'Spot Instances', 'Dedicated Instances'];

  it('"Reserved" above, Convertible Reserved Instances among options without it', () => {
    const path = 'Notes › Buying EC2 › Reserved';
    expect(headingGivesAway(path, 'Convertible Reserved Instances', others, 'Notes')).toBe(true);
    const meaning = 'run for years while keeping the freedom to switch instance families';
    expect(stemGivesAway(path, meaning, 'Convertible Reserved Instances', others)).toBe(true);
    // Typed, the heading names no option: the typed checks decide.
    expect(stemGivesAway(path, meaning, 'Convertible Reserved Instances', [], false)).toBe(false);
  });

  it('no cue when another option has the part, every option has it, or it is the topic', () => {
    const path = 'Notes › Buying EC2 › Reserved';
    const withReserved = ['Standard Reserved Instances', 'Spot Instances', 'Dedicated Hosts'];
    expect(headingGivesAway(path, 'Convertible Reserved Instances', withReserved, 'Notes')).toBe(
      false,
    );
    // "Instances" above: every option has it.
    expect(
      headingGivesAway('Notes › Instances', 'Convertible Reserved Instances', others, 'Notes'),
    ).toBe(false);
    // The topic's title alone is above every card of the notes; one heading alone stands for it.
    expect(headingGivesAway('Reserved', 'Convertible Reserved Instances', others, 'Notes')).toBe(
      false,
    );
    expect(headingGivesAway('Reserved', 'Convertible Reserved Instances', others, 'Reserved')).toBe(
      false,
    );
    // A heading that is above another option too tells nothing among them ("VPC" above all).
    expect(
      headingGivesAway('Notes › VPC', 'VPC フローログ', ['NAT ゲートウェイ', 'IGW'], 'Notes', [
        'VPC フローログ',
        'NAT ゲートウェイ',
      ]),
    ).toBe(false);
    expect(headingGivesAway('Notes › VPC', 'VPC フローログ', ['NAT ゲートウェイ'], 'Notes')).toBe(
      true,
    );
  });

  it('the fixture card under "Reserved" is not asked among options that lack the word', () => {
    const cards = termCards('Convertible Reserved Instances');
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      expect(whyNotAsked(card, built.index)).toBe('gives-away');
      for (let seed = 1; seed <= 12; seed++) {
        for (const mode of ['study', 'exam'] as const) {
          const q = makeQuestion(card, built.index, createRng(seed), mode, sayEn);
          if (q?.options === undefined) continue;
          const others = q.options.filter((_, i) => i !== q.correct);
          expect(others.some((o) => /reserved/iu.test(o))).toBe(true);
        }
      }
    }
  });
});

describe('LEAK: two words of the answer together in the stem', () => {
  it('エッジ and キャッシュ of リージョナルエッジキャッシュ, each alone in another option', () => {
    const stem = 'エッジとオリジンの間に置かれる、もう一段大きなキャッシュ';
    const others = ['エッジロケーション', 'ビヘイビア（キャッシュ動作）', 'ディストリビューション'];
    expect(partsTogether(stem, 'リージョナルエッジキャッシュ', others)).toBe(true);
    expect(stemGivesAway('', stem, 'リージョナルエッジキャッシュ', others)).toBe(true);
  });

  it('edge and cache of Regional Edge Cache, in English', () => {
    const stem = 'a larger second layer of cache between the edge and the origin';
    const others = ['Edge Location', 'Cache Behavior', 'Distribution'];
    expect(partsTogether(stem, 'Regional Edge Cache', others)).toBe(true);
    expect(stemGivesAway('', stem, 'Regional Edge Cache', others)).toBe(true);
  });

  it('no cue from one word alone, or when another option has the words together', () => {
    const others = ['エッジロケーション', 'ビヘイビア（キャッシュ動作）', 'ディストリビューション'];
    expect(
      partsTogether('利用者の近くのエッジで応答する', 'リージョナルエッジキャッシュ', others),
    ).toBe(false);
    expect(
      partsTogether('エッジで持つキャッシュの層', 'リージョナルエッジキャッシュ', [
        'エッジキャッシュポリシー',
        'ディストリビューション',
      ]),
    ).toBe(false);
    expect(
      partsTogether('cache kept at the edge', 'Regional Edge Cache', [
        'Edge Cache Policy',
        'Distribution',
      ]),
    ).toBe(false);
    expect(partsTogether('answers near the viewer at the edge', 'Regional Edge Cache', [])).toBe(
      false,
    );
  });

  it('the fixture cards of the intermediate cache are not asked', () => {
    for (const answer of ['リージョナルエッジキャッシュ', 'Regional Edge Cache']) {
      const [card] = termCards(answer);
      expect(card && whyNotAsked(card, built.index)).toBe('gives-away');
    }
    // Their neighbours, whose meanings show one word at most, still are.
    for (const answer of ['エッジロケーション', 'Edge Location', 'Distribution']) {
      const [card] = termCards(answer);
      expect(card && whyNotAsked(card, built.index)).toBeUndefined();
    }
  });
});

describe('LEAK: 引き受ける is the "assume" of AssumeRole', () => {
  const others = ['iam:PassRole', 'sts:GetSessionToken', 'aws:SourceIp'];

  it('gives sts:AssumeRole away, typed or among options', () => {
    const stem = '別アカウントのロールを引き受けると ＿＿＿ が期限付きのキーを返す';
    expect(stemGivesAway('', stem, 'sts:AssumeRole', others)).toBe(true);
    expect(stemGivesAway('', stem, 'sts:AssumeRole', [], false)).toBe(true);
    expect(termGivenAway('sts:AssumeRole', '別アカウントのロールを引き受ける')).toBe(true);
  });

  it('the English word gives the Japanese name away the other way round', () => {
    expect(namesInOtherWords('Call AssumeRole to get keys', 'ロールの引き受け', [])).toBe(true);
    expect(termGivenAway('ロールの引き受け', 'the API that assumes a role')).toBe(true);
  });

  it('no cue when another option has Assume too, or the stem does not say it', () => {
    const stem = '別アカウントのロールを引き受けると ＿＿＿ が期限付きのキーを返す';
    expect(namesInOtherWords(stem, 'sts:AssumeRole', ['sts:AssumeRoleWithSAML'])).toBe(false);
    expect(
      stemGivesAway(
        '',
        '別アカウントで作業するには ＿＿＿ で期限付きのキーを得る',
        'sts:AssumeRole',
        others,
      ),
    ).toBe(false);
  });
});
