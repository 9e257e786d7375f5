/**
 * Issue 13, round 7: label lines (a line or heading that names a group of
 * lines, not a fact or a term). Fixtures: test/fixtures/quality/labels-r7-{en,ja}.md
 * (written for these tests).
 */
import { describe, expect, it } from 'vitest';
import { buildFrom, fixture } from '../helpers/deck.js';

const deck = (name: string) => buildFrom({ [name]: fixture(`quality/${name}`) });
const recall = (name: string, title: string) =>
  deck(name).cards.find((c) => c.kind === 'recall' && c.path.at(-1) === title);

describe.each([
  {
    name: 'labels-r7-en.md',
    features: ['Notifications', 'Remote opening', 'Audit trail'],
    kinds: ['Compact', 'Tall', 'Wide'],
    named: ['Express Delivery', 'Economy Freight'],
    examples: 'Depot Roles',
    exampleLabel: 'Example uses of depot roles:',
    openSetLabel: 'Day Routes',
    openSetWord: 'Benefits',
    plainLabel: 'Night Routes',
    plainWord: 'Notes',
    commonLabel: 'Dedicated Vans',
    commonWord: 'Shared functions',
  },
  {
    name: 'labels-r7-ja.md',
    features: ['到着通知', '遠隔解錠', '操作履歴'],
    kinds: ['コンパクト', 'トール', 'ワイド'],
    named: ['速達便', '節約便'],
    examples: '仕分けロボット',
    exampleLabel: 'ロールの利用例：',
    openSetLabel: '夜間ルート',
    openSetWord: '特徴',
    plainLabel: '集荷の締め',
    plainWord: '注意点',
    commonLabel: '専用車両',
    commonWord: '共通機能',
  },
])('label lines of $name', (c) => {
  const cards = deck(c.name).cards;
  const terms = cards.filter((card) => card.kind === 'term').map((card) => card.answer);

  it('makes no term card of the feature labels under an open-set heading (LABEL-AS-TERM)', () => {
    for (const label of c.features) expect(terms).not.toContain(label);
    // The same shape under a heading of kinds ("Locker Sizes") stays: real names.
    for (const kind of c.kinds) expect(terms).toContain(kind);
    // Names the notes set in bold stay, even under "Key features include:" (purchase options).
    for (const name of c.named) expect(terms).toContain(name);
    // A head bullet that only labels examples is no term either.
    expect(terms).not.toContain(c.exampleLabel.replace(/[:：]$/u, ''));
  });

  it('counts no bare label word as a point of a recall answer (注意点, 共通機能 between the lines)', () => {
    for (const [title, word] of [
      [c.plainLabel, c.plainWord],
      [c.commonLabel, c.commonWord],
    ] as const) {
      const points = recall(c.name, title)?.answer.split('\n') ?? [];
      expect(points).not.toContain(word);
      expect(points, title).toHaveLength(2);
    }
  });

  it('leaves out a label of an open set with the examples it introduces', () => {
    const card = recall(c.name, c.examples);
    expect(card).toBeDefined();
    const points = card?.answer.split('\n') ?? [];
    expect(points).not.toContain(c.exampleLabel);
    expect(points).toHaveLength(1);
  });

  it('keeps the lines a bare label over the whole answer introduces (特徴 over all of them)', () => {
    const points = recall(c.name, c.openSetLabel)?.answer.split('\n') ?? [];
    expect(points).toHaveLength(2);
    expect(points).not.toContain(c.openSetWord);
  });

  it('gives the answer of the notes without the label, under the same id', () => {
    const card = recall(c.name, c.plainLabel);
    const text = fixture(`quality/${c.name}`)
      .split('\n')
      .filter((line) => line !== c.plainWord)
      .join('\n');
    const without = buildFrom({ [c.name]: text }).cards.find(
      (other) => other.kind === 'recall' && other.path.at(-1) === c.plainLabel,
    );
    expect(without).toBeDefined();
    expect(card?.id).toBe(without?.id);
    expect(card?.answer).toBe(without?.answer);
  });
});
