/**
 * A cold start makes each file's cards on a parse worker, from that file
 * alone (library.ts cardsByFile): joined, they must be exactly the cards
 * buildCards makes over the whole deck, ids and order included (progress is
 * kept by card id), also when files share topics and separateSections
 * renames their sections.
 */
import { describe, expect, it } from 'vitest';
import { buildCards } from '../../src/content/cards.js';
import { buildDeck } from '../../src/content/deck.js';
import { cardsByFile, separateSections } from '../../src/content/library.js';
import type { Card } from '../../src/content/model.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { CONTENT, fixture, readDir } from '../helpers/deck.js';

function wholeDeck(files: [string, string][]): Card[] {
  const parsed = files.map(([file, text]) => parseMarkdown(file, text));
  separateSections(parsed);
  return buildCards(buildDeck(parsed));
}

function fileByFile(files: [string, string][]): { cards: Card[]; moved: Set<string> } {
  // As on a worker: each file parsed and carded alone, then sent (a structured clone).
  const made = new Map<string, Card[]>();
  for (const [file, text] of files) {
    const alone = parseMarkdown(file, text);
    made.set(file, structuredClone(buildCards(buildDeck([alone]))));
  }
  const parsed = files.map(([file, text]) => parseMarkdown(file, text));
  const moved = separateSections(parsed);
  return { cards: cardsByFile(parsed, made, moved, buildCards), moved };
}

describe('cards made file by file', () => {
  it('are the cards of the whole deck for the shipped notes', () => {
    const files = Object.entries(readDir(CONTENT));
    const { cards, moved } = fileByFile(files);
    expect(moved.size).toBe(0);
    expect(cards).toEqual(wholeDeck(files));
  });

  it('are the cards of the whole deck when files share topics and headings', () => {
    const ec2 = readDir(CONTENT)['01-ec2.md'] ?? '';
    const files: [string, string][] = [
      ['a.md', ec2],
      ['b.md', fixture('duplicate-headings.md')],
      // The same topic again in another file: its sections get #2 keys, its topic cards repeat.
      ['c.md', ec2],
      [
        'd.md',
        `${fixture('duplicate-headings.md')}\n# SNS\n\n## Topics\nA topic fans out to queues.\n`,
      ],
      [
        'e.md',
        '# メモ\n\n## 用語\n- SQS：メッセージを溜めるキューのサービス\n- SNS：通知を配るトピックのサービス\n',
      ],
    ];
    const { cards, moved } = fileByFile(files);
    expect([...moved].sort()).toEqual(['c.md', 'd.md']);
    const whole = wholeDeck(files);
    expect(whole.length).toBeGreaterThan(20);
    expect(cards).toEqual(whole);
  });
});
