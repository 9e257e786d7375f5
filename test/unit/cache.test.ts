import {
  chmodSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodeCards, encodeCards } from '../../src/content/cache.js';
import { openLibrary } from '../../src/content/library.js';
import { walk } from '../../src/content/model.js';
import * as parse from '../../src/content/parse.js';
import { tempDir } from '../helpers/cli.js';
import { CONTENT, shippedDeck } from '../helpers/deck.js';

function notesCopy(): string {
  const dir = tempDir('awsquiz-notes-');
  cpSync(CONTENT, dir, { recursive: true });
  return dir;
}

describe('the parsed-deck cache', () => {
  it('gives the same cards and sections warm as cold', async () => {
    const env = { AWSQUIZ_DATA_DIR: tempDir() };
    const cold = await openLibrary(CONTENT, env);
    const warm = await openLibrary(CONTENT, env);
    expect(warm.cards).toEqual(cold.cards);
    expect(warm.cards).toEqual(shippedDeck().cards);
    expect(warm.topics.map((t) => t.title)).toEqual(shippedDeck().deck.topics.map((t) => t.title));
    expect((await warm.structure()).deck).toEqual((await cold.structure()).deck);
    expect(readdirSync(env.AWSQUIZ_DATA_DIR).sort()).toEqual([
      expect.stringMatching(/^deck-cards-/),
      expect.stringMatching(/^deck-files-/),
    ]);
  });

  it('re-parses a changed file alone', async () => {
    const dir = notesCopy();
    const env = { AWSQUIZ_DATA_DIR: tempDir() };
    await openLibrary(dir, env);
    await (await openLibrary(dir, env)).structure();
    const spy = vi.spyOn(parse, 'parseMarkdown');
    const file = join(dir, '07-lambda.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n## Layers\nライブラリを共有する仕組み\n`);
    const library = await openLibrary(dir, env);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toBe('07-lambda.md');
    expect(library.cards.some((c) => c.path.join('/') === 'Lambda/Layers')).toBe(true);
    spy.mockRestore();
  });

  it('notices a change that keeps size and modification time', async () => {
    const dir = notesCopy();
    const env = { AWSQUIZ_DATA_DIR: tempDir() };
    const file = join(dir, '12-batch.md');
    const before = readFileSync(file, 'utf8');
    await openLibrary(dir, env);
    writeFileSync(file, before.replace('データ分析', 'データ解析'));
    utimesSync(file, new Date(0), new Date(0));
    const after = await openLibrary(dir, env);
    expect(after.cards.some((c) => c.source.includes('データ解析'))).toBe(true);
  });

  it('ignores a corrupt, foreign or older cache and rebuilds it', async () => {
    const env = { AWSQUIZ_DATA_DIR: tempDir() };
    const expected = (await openLibrary(CONTENT, env)).cards;
    const files = readdirSync(env.AWSQUIZ_DATA_DIR).map((f) => join(env.AWSQUIZ_DATA_DIR, f));
    for (const damage of [
      '{"format":1,"version":',
      'null',
      '[]',
      '{"format":999}',
      JSON.stringify({ format: 1, version: '0.0.0-old', dir: CONTENT, files: {} }),
    ]) {
      for (const file of files) writeFileSync(file, damage);
      const library = await openLibrary(CONTENT, env);
      expect(library.cards).toEqual(expected);
      expect((await library.structure()).deck.topics).toHaveLength(13);
    }
    const cards = files.find((f) => f.includes('deck-cards-')) ?? '';
    const parsed = JSON.parse(readFileSync(cards, 'utf8'));
    parsed.cards.cards = [[1, 2, 3]];
    writeFileSync(cards, JSON.stringify(parsed));
    expect((await openLibrary(CONTENT, env)).cards.length).toBeGreaterThan(100);
  });

  it('works without a writable cache folder', async () => {
    const parent = tempDir();
    const locked = join(parent, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const library = await openLibrary(CONTENT, { AWSQUIZ_DATA_DIR: join(locked, 'inner') });
    expect(library.cards).toEqual(shippedDeck().cards);
    chmodSync(locked, 0o700);
  });

  it('encodes cards without loss', () => {
    const { cards } = shippedDeck();
    expect(decodeCards(JSON.parse(JSON.stringify(encodeCards(cards))))).toEqual(cards);
  });
});

describe('big files', () => {
  const text = readFileSync(join(CONTENT, '01-ec2.md'), 'utf8');
  const big = Array.from({ length: 20 }, (_, i) => text.replace(/^(#+ .*)$/gm, `$1 ${i}`)).join(
    '\n',
  );

  it('parse in pieces exactly as in one piece', () => {
    expect(big.length).toBeGreaterThan(parse.CHUNK_FROM);
    expect(parse.chunks(big).length).toBeGreaterThan(2);
    const whole = parse.parseMarkdown('big.md', big, { chunked: false });
    const pieces = parse.parseMarkdown('big.md', big);
    expect(pieces).toEqual(whole);
    let last = 0;
    for (const topic of pieces.topics) {
      walk(topic, (section) => {
        expect(section.line).toBeGreaterThan(last);
        last = section.line;
      });
    }
  });

  it('never cut inside a code fence', () => {
    const fenced = `${'a line of text\n'.repeat(8000)}\n\`\`\`\n\n# not a heading\n${'x\n'.repeat(60000)}\`\`\`\n\n# Real\nfact\n`;
    for (const chunk of parse.chunks(fenced))
      expect(chunk.text.startsWith('# not a heading')).toBe(false);
    expect(parse.parseMarkdown('f.md', fenced)).toEqual(
      parse.parseMarkdown('f.md', fenced, { chunked: false }),
    );
  });

  it('parse a 1 MB file in linear time', () => {
    const mb = Array.from({ length: 9 }, () => big).join('\n');
    expect(mb.length).toBeGreaterThan(1_000_000);
    const start = performance.now();
    const parsed = parse.parseMarkdown('mb.md', mb);
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(parsed.topics.length).toBe(180);
  });

  it('parse a list nested a thousand levels deep in seconds, keeping every item', () => {
    const deep = [
      '# List',
      ...Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`),
    ].join('\n');
    const start = performance.now();
    const parsed = parse.parseMarkdown('deep.md', deep);
    // Unclamped, remark took ~30 s for this (and never finished 3,000 levels).
    expect(performance.now() - start).toBeLessThan(5_000);
    const text = JSON.stringify(parsed);
    expect(text).toContain('item 0');
    expect(text).toContain('item 999');
  });
});
