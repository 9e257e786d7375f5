import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/ground/edit-distance.js';
import { checkTyped, normalizeAnswer, typoAllowance, withUnits } from '../../src/quiz/grade.js';

describe('typed answers', () => {
  it('ignore width, case, spaces and surrounding punctuation', () => {
    expect(checkTyped('ＡＢＣ', 'abc').correct).toBe(true);
    expect(checkTyped('  elastic   ip ', 'Elastic IP').correct).toBe(true);
    expect(checkTyped('「EBS」。', 'EBS').correct).toBe(true);
    expect(checkTyped('１６０００', '16000').correct).toBe(true);
    expect(checkTyped('16,000', '16000').correct).toBe(true);
    expect(checkTyped('ｉｏ１', 'io1').correct).toBe(true);
    expect(checkTyped('低レイテンシー・低コスト', '低レイテンシー・低コスト').correct).toBe(true);
  });

  it('ignore invisible characters pasted into the notes (zero-width space, soft hyphen, joiners)', () => {
    for (const answer of ['c\u200bode', 'co\u00adde', 'code\u200d', 'code\u2060', '\ufeffcode']) {
      expect(checkTyped('code', answer), JSON.stringify(answer)).toEqual({
        correct: true,
        typo: false,
      });
    }
    expect(checkTyped('S3', 'S3\u200b').correct).toBe(true);
  });

  it('treat an empty answer as "I don\'t know"', () => {
    expect(checkTyped('', 'EBS')).toEqual({ correct: false, typo: false });
    expect(checkTyped('   ', 'EBS').correct).toBe(false);
  });

  it('forgive small typos only on answers of six or more characters', () => {
    expect(checkTyped('Lanch template', 'Launch template')).toEqual({ correct: true, typo: true });
    expect(checkTyped('CacheHitCuont', 'CacheHitCount').correct).toBe(true);
    expect(checkTyped('io2', 'io1').correct).toBe(false);
    expect(checkTyped('EBX', 'EBS').correct).toBe(false);
    expect(checkTyped('16001', '16000').correct).toBe(false);
    expect(checkTyped('Lanch templte', 'Launch template').correct).toBe(true);
    expect(checkTyped('Lnch tmplate', 'Launch template').correct).toBe(false);
  });

  it('forgive no typo when the answer has digits: digits must match', () => {
    expect(checkTyped('10000', '100,000')).toEqual({ correct: false, typo: false });
    expect(checkTyped('200000', '100,000')).toEqual({ correct: false, typo: false });
    expect(checkTyped('1000000', '100,000').correct).toBe(false);
    expect(checkTyped('100000', '100,000')).toEqual({ correct: true, typo: false });
    expect(checkTyped('１００，０００', '100,000')).toEqual({ correct: true, typo: false });
    expect(checkTyped('100,000', '100000').correct).toBe(true);
    expect(checkTyped('100,000 件', '100000件').correct).toBe(true);
    expect(checkTyped('99.999999999', '99.999999998').correct).toBe(false);
    expect(checkTyped('4XXErorr', '4XXError').correct).toBe(false);
    expect(checkTyped('m5.largee', 'm5.large').correct).toBe(false);
    // An alternative with digits is exact too; one without keeps its tolerance.
    expect(checkTyped('gp3', 'General Purpose SSD', ['gp2']).correct).toBe(false);
    expect(checkTyped('General Purpse SSD', 'General Purpose SSD', ['gp2']).correct).toBe(true);
  });

  it('accept the alternatives given', () => {
    expect(checkTyped('EIP', 'Elastic IP(EIP)', ['eip', 'elastic ip']).correct).toBe(true);
  });

  it('normalise the same way whatever the width (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (text) => {
        const wide = text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(normalizeAnswer(wide)).toBe(normalizeAnswer(text));
      }),
    );
  });

  it('count edit distance by code point, swaps included', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('👍🏽', '👍')).toBe(1);
    expect(typoAllowance(5)).toBe(0);
    expect(typoAllowance(6)).toBe(1);
    expect(typoAllowance(12)).toBe(2);
  });
});

describe('typed numbers with their units', () => {
  it('accept the unit printed after the blank, the qualifier before it, and a bare number', () => {
    const right = (given: string, answer: string, prompt: string) =>
      checkTyped(given, answer, withUnits(answer, prompt)).correct;
    expect(right('10Gbps', '10', '最大＿＿＿Gbps')).toBe(true);
    expect(right('最大10Gbps', '10', '最大＿＿＿Gbps')).toBe(true);
    expect(right('16000IOPS', '16000', '最大　＿＿＿IOPS')).toBe(true);
    expect(right('6時間', '６', '＿＿＿時間変更不可')).toBe(true);
    expect(right('2つ', '2', '＿＿＿つのインスタンスにアタッチ')).toBe(true);
    expect(right('100Gbps', '最大100Gbps', '＿＿＿のネットワーク速度')).toBe(true);
    // Still exact about the number, and no "unit" for words.
    expect(right('11Gbps', '10', '最大＿＿＿Gbps')).toBe(false);
    expect(right('100', '最大100Gbps', '＿＿＿のネットワーク速度')).toBe(false);
    expect(withUnits('Dedicated Host', '＿＿＿ is a physical server')).toEqual([]);
    // The qualifier alone, and English ones.
    expect(right('最大10', '10', '最大＿＿＿Gbps')).toBe(true);
    expect(right('at most 5 GB', '5', 'A single PUT uploads at most ＿＿＿ GB.')).toBe(true);
    expect(right('within 12 hours', '12', 'Standard retrieval takes within ＿＿＿ hours.')).toBe(
      true,
    );
    expect(right('up to 5', '5', 'Objects can be up to ＿＿＿ TB in size.')).toBe(true);
    // Plain words are no units, and a qualifier is a whole word.
    expect(right('10and', '10', 'the limit is ＿＿＿ and more')).toBe(false);
    expect(right('gp3volumes', 'gp3', 'use ＿＿＿ volumes')).toBe(false);
    expect(right('min 2 users', '2', 'admin ＿＿＿ users')).toBe(false);
  });
});
