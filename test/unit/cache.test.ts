import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { check, formatDiagnostic } from '../../src/commands/check.js';
import {
  CACHE_FORMAT,
  decodeCards,
  encodeCards,
  fileEntryName,
  filesFolder,
  readCache,
  writeCache,
} from '../../src/content/cache.js';
import { openIndex, openLibrary } from '../../src/content/library.js';
import { contentDir, decodeNote, shippedContentDir } from '../../src/content/load.js';
import { walk } from '../../src/content/model.js';
import * as parse from '../../src/content/parse.js';
import { messagesFor, text } from '../../src/ui/i18n.js';
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
      expect.stringMatching(/^deck-index-/),
      expect.stringMatching(/^deck-notes-/),
    ]);
  });

  it('gives the ids and topics of the cards from the small index, without the cards cache', async () => {
    const dir = notesCopy();
    const env = { AWSQUIZ_DATA_DIR: tempDir() };
    const library = await openLibrary(dir, env);
    const entries = library.cards.map((card) => ({ id: card.id, topic: card.topic }));
    const cardsCache = readdirSync(env.AWSQUIZ_DATA_DIR).find((f) => f.startsWith('deck-cards-'));
    writeFileSync(join(env.AWSQUIZ_DATA_DIR, cardsCache ?? ''), '{ damaged');
    const spy = vi.spyOn(parse, 'parseMarkdown');
    const index = await openIndex(dir, env);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(index.entries).toEqual(entries);
    expect(index.topics).toEqual(library.topics);
    // The damaged cards cache is rebuilt by the next command that needs card texts.
    expect((await openLibrary(dir, env)).cards).toEqual(library.cards);
  });

  it('gives an index that follows the notes: a changed note, a damaged index', async () => {
    const dir = notesCopy();
    const env = { AWSQUIZ_DATA_DIR: tempDir() };
    await openIndex(dir, env);
    const file = join(dir, '07-lambda.md');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}\n## Layers\nライブラリを共有する仕組みで、関数のコードを小さく保てる\n`,
    );
    const changed = await openLibrary(dir, env);
    const ids = (entries: readonly { id: string }[]) => entries.map((entry) => entry.id);
    expect(ids((await openIndex(dir, env)).entries)).toEqual(ids(changed.cards));
    const indexCache = readdirSync(env.AWSQUIZ_DATA_DIR).find((f) => f.startsWith('deck-index-'));
    writeFileSync(join(env.AWSQUIZ_DATA_DIR, indexCache ?? ''), '{"format": 1');
    expect(ids((await openIndex(dir, env)).entries)).toEqual(ids(changed.cards));
    expect(ids((await openIndex(dir, env)).entries)).toEqual(ids(changed.cards));
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

  it('writes the entry of a changed note alone, reads around a damaged one, drops those of notes gone and old temporary files', async () => {
    const dir = notesCopy();
    const env = { AWSQUIZ_DATA_DIR: tempDir() };
    const folder = filesFolder(dir, env);
    // The one-file cache of earlier versions is removed.
    writeFileSync(`${folder}.json`, '{"format":14}');
    const first = await openLibrary(dir, env);
    expect(existsSync(`${folder}.json`)).toBe(false);
    const entries = () => readdirSync(folder).sort();
    const names = readdirSync(dir).map(fileEntryName).sort();
    expect(entries()).toEqual(names);
    const written = () =>
      new Map(entries().map((name) => [name, statSync(join(folder, name)).mtimeMs]));
    const before = written();
    const lambda = join(dir, '07-lambda.md');
    writeFileSync(
      lambda,
      `${readFileSync(lambda, 'utf8')}\n## Layers\nライブラリを共有する仕組み\n`,
    );
    // A damaged entry: its note is parsed again, the others are read.
    writeFileSync(join(folder, fileEntryName('01-ec2.md')), '{"format":');
    const spy = vi.spyOn(parse, 'parseMarkdown');
    await openLibrary(dir, env);
    expect(spy.mock.calls.map((call) => call[0]).sort()).toEqual(['01-ec2.md', '07-lambda.md']);
    spy.mockRestore();
    const after = written();
    const rewritten = [...after].filter(([name, ms]) => before.get(name) !== ms).map(([n]) => n);
    expect(rewritten.sort()).toEqual(
      [fileEntryName('01-ec2.md'), fileEntryName('07-lambda.md')].sort(),
    );
    // A file a killed run left half written goes once it is old; one being written now stays.
    const stale = join(folder, `${fileEntryName('x.md')}.123.tmp`);
    const fresh = join(folder, `${fileEntryName('y.md')}.456.tmp`);
    writeFileSync(stale, '{"form');
    writeFileSync(fresh, '{"form');
    utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    // A note removed: its entry goes, and the cards are those of the notes left.
    rmSync(join(dir, '12-batch.md'));
    const fewer = await openLibrary(dir, env);
    expect(entries()).not.toContain(fileEntryName('12-batch.md'));
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    rmSync(fresh);
    expect(entries()).toHaveLength(names.length - 1);
    expect(fewer.cards.some((card) => card.file === '12-batch.md')).toBe(false);
    expect(first.cards.some((card) => card.file === '12-batch.md')).toBe(true);
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
    expect(after.cards.some((c) => c.answer.includes('データ解析'))).toBe(true);
  });

  it('notices an edit in the same second that keeps the size, also of a note the index vouched for', async () => {
    const dir = notesCopy();
    const env = { AWSQUIZ_DATA_DIR: tempDir() };
    const file = join(dir, '12-batch.md');
    const before = readFileSync(file, 'utf8');
    // An old note: trusted by its size and times once the index has seen it.
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(file, old, old);
    await openLibrary(dir, env);
    await openLibrary(dir, env);
    writeFileSync(file, before.replace('データ分析', 'データ解析'));
    utimesSync(file, old, old);
    const edited = await openLibrary(dir, env);
    expect(edited.cards.some((c) => c.answer.includes('データ解析'))).toBe(true);
    // At once again, same size, same second: read, not trusted.
    writeFileSync(file, before.replace('データ分析', 'データ処理'));
    const again = await openLibrary(dir, env);
    expect(again.cards.some((c) => c.answer.includes('データ処理'))).toBe(true);
    // And a warm start after that still gives the cards a cold build gives.
    const cold = await openLibrary(dir, { AWSQUIZ_DATA_DIR: tempDir() });
    expect((await openLibrary(dir, env)).cards).toEqual(cold.cards);
  });

  it('ignores a corrupt, foreign or older cache and rebuilds it', async () => {
    const env = { AWSQUIZ_DATA_DIR: tempDir() };
    const expected = (await openLibrary(CONTENT, env)).cards;
    // Every cache file: the entries of the files folder too.
    const files = readdirSync(env.AWSQUIZ_DATA_DIR, { recursive: true, encoding: 'utf8' })
      .map((f) => join(env.AWSQUIZ_DATA_DIR, f))
      .filter((f) => statSync(f).isFile());
    expect(files.filter((f) => f.includes('deck-files-')).length).toBe(13);
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

  it('reads a cache of another key no further than its head, and any layout by its parsed key', () => {
    const dir = tempDir();
    const path = join(dir, 'cache.json');
    const head = { format: CACHE_FORMAT, version: '1.0.0', dir: '/n "q" \\ ノート' };
    const rest = { limits: [], topics: [], ids: [], topicIndex: [] };
    const read = (key: string, at = head.dir) =>
      readCache<{ format: number; version: string; dir: string }>(path, '1.0.0', at, key);
    // As writeCache lays it out: the key is read from the head, the rest only when it fits
    // (shown by a later duplicate key, which JSON.parse would take: the head decides).
    writeFileSync(path, `${JSON.stringify({ ...head, key: 'other' }).slice(0, -1)},"key":"mine"}`);
    expect(JSON.parse(readFileSync(path, 'utf8')).key).toBe('mine');
    expect(read('mine')).toBeUndefined();
    writeCache(path, { ...head, key: 'mine', ...rest } as never);
    expect(read('mine')).toMatchObject({ key: 'mine' });
    expect(read('other')).toBeUndefined();
    // Another layout (the key first): read whole, kept only with the key asked for.
    writeFileSync(path, JSON.stringify({ key: 'mine', ...head }));
    expect(read('mine')).toMatchObject({ key: 'mine' });
    expect(read('other')).toBeUndefined();
    // A head longer than what is read first: the same.
    const long = 'd'.repeat(40_000);
    writeCache(path, { ...head, dir: long, key: 'mine', ...rest } as never);
    expect(read('mine', long)).toMatchObject({ key: 'mine' });
    expect(read('other', long)).toBeUndefined();
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
    // Remark's pieces (plain lines, read without remark, are all of this note).
    expect(parse.chunks(big, { fast: false }).length).toBeGreaterThan(2);
    const whole = parse.parseMarkdown('big.md', big, { chunked: false });
    const pieces = parse.parseMarkdown('big.md', big, { chunked: { fast: false } });
    expect(pieces).toEqual(whole);
    expect(parse.parseMarkdown('big.md', big)).toEqual(whole);
    let last = 0;
    for (const topic of pieces.topics) {
      walk(topic, (section) => {
        expect(section.line).toBeGreaterThan(last);
        last = section.line;
      });
    }
  });

  it('parse in pieces exactly as in one piece without blank lines, and in long lists', () => {
    // Small pieces show what big files at the default sizes do, at a fraction of the time.
    const small = { from: 0, size: 4000, items: 100 };
    const noBlank = big.slice(0, 30_000).replace(/\n[ \t]*(?=\n)/g, '');
    expect(noBlank).not.toMatch(/\n\s*\n/);
    expect(parse.chunks(noBlank, { ...small, fast: false }).length).toBeGreaterThan(2);
    for (const fast of [false, true]) {
      expect(parse.parseMarkdown('nb.md', noBlank, { chunked: { ...small, fast } })).toEqual(
        parse.parseMarkdown('nb.md', noBlank, { chunked: false }),
      );
    }
    const list = [
      '# List',
      ...Array.from({ length: 1500 }, (_, i) =>
        i % 7 === 3
          ? `- item **${i}** with \`code\``
          : i % 11 === 5
            ? `  continued ${i}`
            : `- item ${i} text`,
      ),
    ].join('\n');
    const pieces = parse.chunks(list, small);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.some((chunk) => chunk.plain)).toBe(true);
    expect(parse.parseMarkdown('list.md', list, { chunked: small })).toEqual(
      parse.parseMarkdown('list.md', list, { chunked: false }),
    );
  });

  it('cut only where the pieces parse as the whole does, whatever the markdown', () => {
    // Pieces as small as can be: every line where a cut is allowed is one.
    const line = fc.oneof(
      fc.constantFrom(
        ...['', '', '# Head', '## Sub', '#no heading', '- item', '- item two', '* star', '+ plus'],
        ...['- **bold** item', '- 1. nested', '1. ordered', '2) ordered', '  - nested', '   - n3'],
        ...['  continued', '    indented code', '```', '```js', '  ```', '   ~~~', '~~~', '````'],
        ...['``` not a closer', '```a`b', '> quote', '> ```', '<div>', '</div>', '  <div>'],
        ...['<!-- comment', '  <!--', '-->', '<pre>', '</pre>', '<span>x</span>', '<b>', '<?php'],
        ...['?>', '<![CDATA[', ']]>', '<!X', '>', '| a | b |', '|---|---|', '- | -', '===', '---'],
        ...['- - -', 'plain text', 'term：definition', '[^1]: a note', 'see [^1]', '[x]: /u'],
        ...['[x]', '\t- tabbed', '\t```', '-', '- ', '  '],
      ),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.integer({ min: 1, max: 3 }),
        (lines, items) => {
          const text = lines.join('\n');
          expect(
            parse.parseMarkdown('r.md', text, { chunked: { from: 0, size: 1, items } }),
          ).toEqual(parse.parseMarkdown('r.md', text, { chunked: false }));
        },
      ),
      { numRuns: 200 },
    );
    // 200 runs take under a second; 2000 about 8 s alone, over 20 s on a shared machine.
  }, 120_000);

  // The time budgets for 1 MB of notes live in bench/budgets.mjs (npm run bench).
  it('keep every item of a 70,000-item list', () => {
    const list = ['# List', ...Array.from({ length: 70_000 }, (_, i) => `- item ${i} text`)].join(
      '\n',
    );
    expect(list.length).toBeGreaterThan(1_000_000);
    // blocks.push(...items) once overflowed the stack here, leaving no topic at all.
    const parsed = parse.parseMarkdown('list.md', list);
    expect(parsed.topics[0]?.blocks).toHaveLength(70_000);
    expect(parsed.topics[0]?.blocks.at(-1)).toEqual({
      kind: 'item',
      text: 'item 69999 text',
      spans: [],
      line: 70_001,
    });
  }, 40_000);

  it('never cut inside a code fence', () => {
    // Small pieces (as in the property test above) show the same as 200 kB at the default size.
    const fenced = `${'a line of text\n'.repeat(400)}\n\`\`\`\n\n# not a heading\n${'x\n'.repeat(3000)}\`\`\`\n\n# Real\nfact\n`;
    const small = { from: 0, size: 2000 };
    expect(parse.chunks(fenced, small).length).toBeGreaterThan(2);
    for (const chunk of parse.chunks(fenced, small))
      expect(chunk.text.startsWith('# not a heading')).toBe(false);
    expect(parse.parseMarkdown('f.md', fenced, { chunked: small })).toEqual(
      parse.parseMarkdown('f.md', fenced, { chunked: false }),
    );
  });

  it('parse a list nested a thousand levels deep, keeping every item', () => {
    const deep = [
      '# List',
      ...Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`),
    ].join('\n');
    // Unclamped, remark took ~30 s for this (and never finished 3,000 levels): the test's
    // time-out catches that; the budget is in bench/budgets.mjs.
    const parsed = parse.parseMarkdown('deep.md', deep);
    const text = JSON.stringify(parsed);
    expect(text).toContain('item 0');
    expect(text).toContain('item 999');
  });
});

describe('reading notes', () => {
  const notes =
    '# S3\n\n## Buckets\nA bucket holds objects（オブジェクト）.\nBucket names are global.\n';

  function folder(files: Record<string, string | Uint8Array>): string {
    const dir = tempDir('awsquiz-read-');
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    return dir;
  }

  it('reads UTF-8 with or without a byte order mark, and UTF-16 with one', async () => {
    const expected = (await openLibrary(folder({ 'a.md': notes }), { AWSQUIZ_DATA_DIR: tempDir() }))
      .cards;
    expect(expected.length).toBeGreaterThan(0);
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(notes, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    for (let i = 0; i < utf16be.length; i += 2) utf16be.writeUInt16BE(utf16le.readUInt16LE(i), i);
    for (const bytes of [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(notes)]),
      utf16le,
      utf16be,
    ]) {
      const warnings: string[] = [];
      const library = await openLibrary(
        folder({ 'a.md': bytes }),
        { AWSQUIZ_DATA_DIR: tempDir() },
        { onWarning: (m) => warnings.push(text(m, 'en')) },
      );
      expect(library.cards).toEqual(expected);
      expect(warnings).toEqual([]);
    }
  });

  it('makes no cards from a file that is not UTF-8 text, and says so once', async () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 3000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 23;
    });
    const dir = folder({
      'a.md': notes,
      'garbage.md': random,
      'latin1.md': Buffer.from('# Café\n\n## Crème\nUne ligne assez longue.\n', 'latin1'),
      'nul.md': '# Binary\nline one\nline\u0000two\n',
      'utf16-no-bom.md': Buffer.from(notes, 'utf16le'),
    });
    const warnings: string[] = [];
    const library = await openLibrary(
      dir,
      { AWSQUIZ_DATA_DIR: tempDir() },
      { onWarning: (m) => warnings.push(text(m, 'en')) },
    );
    expect(new Set(library.cards.map((c) => c.file))).toEqual(new Set(['a.md']));
    expect(library.topics.map((t) => t.title)).toEqual(['S3']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('garbage.md, latin1.md, nul.md (+1)');
    const result = await check(library);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.file, d.line, d.code])).toEqual([
      ['garbage.md', 1, 'not-text'],
      ['latin1.md', 1, 'not-text'],
      ['nul.md', 1, 'not-text'],
      ['utf16-no-bom.md', 1, 'not-text'],
    ]);
    const latin1 = errors.find((d) => d.file === 'latin1.md');
    expect(latin1 && formatDiagnostic(latin1, messagesFor('en'))).toBe(
      'latin1.md:1: error: not UTF-8 text (the first byte that is not is on line 1); expected UTF-8 text: save the file as UTF-8 (no cards are made from it until then)',
    );
    expect(errors.find((d) => d.file === 'nul.md')?.subject).toBe('3');
    // Warm: the same, from the cache.
    const again: string[] = [];
    const warm = await openLibrary(
      dir,
      { AWSQUIZ_DATA_DIR: tempDir() },
      { onWarning: (m) => again.push(text(m, 'en')) },
    );
    expect(warm.cards).toEqual(library.cards);
    expect(again).toEqual(warnings);
  });

  it('names the line of the first byte that is not UTF-8', () => {
    expect(decodeNote(Buffer.from('ok\nok\n\xe9t\xe9', 'latin1'))).toEqual({
      ok: false,
      code: 'not-text',
      reason: '3',
    });
    expect(decodeNote(Buffer.from([0xe3, 0x81]))).toMatchObject({ ok: false, reason: '1' });
    expect(decodeNote(Buffer.from('日本語\n', 'utf8'))).toEqual({ ok: true, text: '日本語\n' });
  });

  it('warns about files that give no cards: empty, blank or without notes', async () => {
    const dir = folder({
      'a.md': notes,
      'empty.md': '',
      'blank.md': '\n  \n',
      'comment.md': '<!-- nothing yet -->\n',
    });
    const result = await check(await openLibrary(dir, { AWSQUIZ_DATA_DIR: tempDir() }));
    const files = result.diagnostics.filter((d) => d.code !== 'no-card-line');
    expect(files.map((d) => [d.file, d.line, d.severity, d.code])).toEqual([
      ['blank.md', 1, 'warning', 'empty-file'],
      ['comment.md', 1, 'warning', 'no-cards'],
      ['empty.md', 1, 'warning', 'empty-file'],
    ]);
    const only = folder({ 'empty.md': '' });
    const none = await check(await openLibrary(only, { AWSQUIZ_DATA_DIR: tempDir() }));
    expect(none.cards).toBe(0);
    expect(none.diagnostics).toHaveLength(1);
  });

  it('keeps sections with the same heading path in two files apart', async () => {
    const a = '# Notes\n\n## Setup\nInstall the CLI first.\n\n## Only in a\nSomething else here.\n';
    const b =
      '# Notes\n\n## Setup\nConfigure the credentials.\nSet the default region.\nPick an output format.\n\n### Profiles\nNamed profiles live in config.\n\n## Only in b\nA fact of b alone.\n';
    const alone = await openLibrary(folder({ 'b.md': b }), { AWSQUIZ_DATA_DIR: tempDir() });
    const library = await openLibrary(folder({ 'a.md': a, 'b.md': b }), {
      AWSQUIZ_DATA_DIR: tempDir(),
    });
    const { index } = await library.structure();
    const setups = index.all.filter((l) => l.section.title === 'Setup').map((l) => l.section);
    expect(setups.map((s) => [s.file, s.key])).toEqual([
      ['a.md', ['Notes', 'Setup']],
      ['b.md', ['Notes', 'Setup#2']],
    ]);
    // Each file's recall card, and each which-fact card explained by its own section.
    const recalls = library.cards.filter((c) => c.kind === 'recall' && c.path.at(-1) === 'Setup');
    expect(recalls.map((c) => c.file)).toEqual(['a.md', 'b.md']);
    for (const card of library.cards.filter((c) => c.kind === 'which-fact')) {
      expect(index.byRef.get(card.section)?.section.file).toBe(card.file);
    }
    expect(new Set(library.cards.map((c) => c.id)).size).toBe(library.cards.length);
    // Sections that are not repeated keep their ids.
    const ids = (cards: typeof library.cards, title: string) =>
      cards.filter((c) => c.path.at(-1) === title).map((c) => c.id);
    expect(ids(library.cards, 'Only in b')).toEqual(ids(alone.cards, 'Only in b'));
    expect(ids(library.cards, 'Only in b').length).toBeGreaterThan(0);
    const result = await check(library);
    const warning = result.diagnostics.find((d) => d.code === 'duplicate-section');
    expect(warning && formatDiagnostic(warning, messagesFor('en'))).toBe(
      'b.md:3: warning: section "Notes › Setup" is also in a.md:3; expected each heading path once across files (cards are told apart by occurrence)',
    );
    expect(result.diagnostics.filter((d) => d.code === 'duplicate-section')).toHaveLength(1);
  });

  it('takes an empty --content as a mistake and an empty AWSQUIZ_CONTENT as unset', () => {
    expect(() => contentDir('', {})).toThrow(/error.emptyContent/);
    expect(() => contentDir(' ', {})).toThrow(/error.emptyContent/);
    expect(contentDir(undefined, { AWSQUIZ_CONTENT: '' })).toBe(shippedContentDir());
    expect(contentDir(undefined, {})).toBe(shippedContentDir());
  });
});
