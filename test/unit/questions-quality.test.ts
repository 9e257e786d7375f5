import { describe, expect, it } from 'vitest';
import { factLines } from '../../src/content/cards.js';
import { BLANK, fold, foldTight, headingWords, maskWords } from '../../src/content/text.js';
import { makeQuestion, SAME_FACT_SIMILARITY, similarity } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import type { Question } from '../../src/quiz/types.js';
import { buildFrom, shippedDeck } from '../helpers/deck.js';

const { cards, index } = shippedDeck();

function examQuestions(seed: number): Question[] {
  const rng = createRng(seed);
  return cards.flatMap((card) => {
    const q = makeQuestion(card, index, rng, 'exam');
    return q ? [q] : [];
  });
}

/** The asked heading's own words (its title and parts, not its ancestors'). */
function ownWords(path: string[]): string[] {
  const ancestors = new Set(path.slice(0, -1).flatMap((title) => headingWords(title)));
  const title = path.at(-1) ?? '';
  return headingWords(title, { runs: false }).filter((w) => !ancestors.has(w) || w === fold(title));
}

function sectionOf(q: Question) {
  const located = index.all.find((l) => l.section.path.join('\u001f') === q.path.join('\u001f'));
  if (!located) throw new Error(`no section ${q.path.join(' › ')}`);
  return located.section;
}

describe('which-fact: exactly one true statement', () => {
  it('never offers a line of a sibling that says the same as the asked section (Private IP vs Elastic IP)', () => {
    const card = cards.find(
      (c) =>
        c.kind === 'which-fact' &&
        c.path.join('/') === 'EC2/IP/Private IP' &&
        c.answer.includes('同じIP'),
    );
    if (!card) throw new Error('card missing');
    for (let seed = 0; seed < 40; seed++) {
      const q = makeQuestion(card, index, createRng(seed), 'exam');
      expect(q?.options?.length).toBe(4);
      expect(q?.options).not.toContain('Stop　StartしてもIPアドレスが維持される');
    }
  });

  it('never offers a line too similar to a line of the asked section, or naming its heading', () => {
    for (const seed of [1, 2, 3]) {
      for (const q of examQuestions(seed).filter((x) => x.kind === 'which-fact')) {
        const own = factLines(sectionOf(q)).map((b) => b.text);
        const words = ownWords(q.path);
        for (const option of q.options ?? []) {
          if (option === q.answer) continue;
          const where = `${q.path.join(' › ')}: ${option}`;
          for (const line of own)
            expect(similarity(line, option), where).toBeLessThan(SAME_FACT_SIMILARITY);
          expect(maskWords(option, words), where).toBe(option);
        }
      }
    }
  });
});

describe('no option gives itself away', () => {
  it('which-fact: the answer is never the only option naming the asked heading (or with a blank)', () => {
    for (const seed of [1, 5, 9]) {
      const facts = examQuestions(seed).filter((q) => q.kind === 'which-fact');
      let masked = 0;
      for (const q of facts) {
        const words = ownWords(q.path);
        const marked = (o: string) => o.includes(BLANK) || maskWords(o, words) !== o;
        const others = (q.options ?? []).filter((o) => o !== q.answer);
        if (marked(q.answer))
          expect(others.some(marked), `${q.path.join(' › ')}: ${q.answer}`).toBe(true);
        if (q.answer.includes(BLANK)) masked += 1;
      }
      // e.g. "ネットワーク帯域はインスタンスタイプによって決まる" is asked as "ネットワーク帯域は＿＿＿によって決まる".
      expect(masked).toBeGreaterThan(30);
    }
    const card = cards.find(
      (c) =>
        c.kind === 'which-fact' &&
        c.answer === 'ネットワーク帯域はインスタンスタイプによって決まる',
    );
    const q = card && makeQuestion(card, index, createRng(1), 'exam');
    expect(q?.answer).toBe('ネットワーク帯域は＿＿＿によって決まる');
  });

  it('which-heading: "under X" holds every option; with an option from another topic, no "under X"', () => {
    const byTitle = new Map<string, string[][]>();
    for (const { section } of index.all) {
      const key = foldTight(section.title);
      byTitle.set(key, [...(byTitle.get(key) ?? []), section.path]);
    }
    const under = (title: string, parent: string[]) =>
      (byTitle.get(foldTight(title)) ?? []).some((path) => parent.every((p, i) => path[i] === p));
    let widened = 0;
    for (const q of examQuestions(4).filter(
      (x) => x.kind === 'which-heading' && x.path.length > 1,
    )) {
      const first = q.stem.split('\n')[0] ?? '';
      const parent = /under (.*) does this describe/.exec(first)?.[1]?.split(' › ');
      if (!parent) {
        // Only when an option had to come from another topic: the question names no parent.
        expect(first).toBe('Which heading of your notes does this describe?');
        expect(
          (q.options ?? []).some((o) => !under(o, [q.topic])),
          q.path.join(' › '),
        ).toBe(true);
        continue;
      }
      const outside = (q.options ?? []).filter((o) => !under(o, parent));
      expect(outside, q.path.join(' › ')).toEqual([]);
      if (parent.length < q.path.length - 1) widened += 1;
    }
    expect(widened).toBeGreaterThan(10);
    const publicIp = cards.find((c) => c.kind === 'which-heading' && c.answer === 'Public IP');
    for (let seed = 0; seed < 20 && publicIp; seed++) {
      const q = makeQuestion(publicIp, index, createRng(seed), 'exam');
      const all = (q?.options ?? []).every((o) =>
        ['Public IP', 'Private IP', 'Elastic IP(EIP)'].includes(o),
      );
      expect(q?.stem.split('\n')[0]).toContain(all ? 'under EC2 › IP ' : 'under EC2 ');
    }
  });
});

describe('list-children', () => {
  it('offers each child title once, even when two children share a title', () => {
    const { cards: few, index: small } = buildFrom({
      'net.md': [
        '# Net',
        '## 構成',
        '### VPC',
        'VPCの説明です',
        '### VPC',
        '別のVPCの説明です',
        '### Subnet',
        'サブネットの説明です',
        '### Route',
        'ルートの説明です',
        '## 他',
        '### NAT',
        'NATの説明です',
        '',
      ].join('\n'),
    });
    const card = few.find((c) => c.kind === 'list-children' && c.path.join('/') === 'Net/構成');
    if (!card) throw new Error('card missing');
    for (let seed = 0; seed < 20; seed++) {
      const q = makeQuestion(card, small, createRng(seed), 'exam');
      const options = q?.options ?? [];
      expect(options).toHaveLength(4);
      expect(new Set(options.map(foldTight)).size).toBe(options.length);
      expect(q?.answer).toBe('NAT');
    }
  });
});

describe('the shape of a cloze answer', () => {
  it('tells numbers, names, katakana, identifiers and phrases apart', async () => {
    const { answerShape } = await import('../../src/quiz/questions.js');
    expect(answerShape('5 GB')).toBe('number');
    expect(answerShape('Auto Scaling')).toBe('name');
    expect(answerShape('ディメンション')).toBe('kana');
    expect(answerShape('aws:SourceIp')).toBe('code');
    expect(answerShape('nodeName')).toBe('code');
    expect(answerShape('short-term')).toBe('en');
    expect(answerShape('hours')).toBe('en');
    expect(answerShape('外部ID')).toBe('ja');
  });
});
