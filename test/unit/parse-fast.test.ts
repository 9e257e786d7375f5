import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunks, parseMarkdown } from '../../src/content/parse.js';
import { prepare } from '../../src/content/prepare.js';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');

/** Lines a plain piece reads without remark, and near misses that must go to remark. */
const LINES = [
  // Headings: plain, empty, and ones remark must read.
  ...['# EC2', '## Volumes', '### Types　全角', '## **Bold** title', '##', '## ', '####### seven'],
  ...['#no space', '## C# notes', '## closed ##', '## a `code`', '#\ttab', '  # indented'],
  // Paragraph lines.
  ...[
    'plain text',
    'ネットワーク帯域はインスタンスタイプによって決まる',
    'a -> b',
    'x\ty',
    '2024年',
  ],
  ...['1.5GB', '**EC2** とは', 'a**b**c', 'trailing two  ', '\u3000全角で始まる', 'ends\u3000'],
  ...['T3　バースト可能', 'd：標準', 'link: https://example.com/x', 'a > b', 'q?', '!bang'],
  // Near misses: blocks, continuations and inline syntax.
  ...['1. ordered', '2) ordered', '1.', '===', '---', '- - -', '***', '___', ':--', '|a|b|'],
  ...['a | b', '|---|---|', '> quote', '<div>', '</div>', '`code`', '```', '```js', '~~~'],
  ...['[x]: /u', '[^1]: note', 'see [x]', 'see [^1]', '&amp;', 'a\\', 'a_b_c', '*em*', '~~s~~'],
  ...['  continued', '    indented code', '\tTab', '=', '+', '<!-- c', '-->', '\u3000'],
  // List items: top level, nested (2 and 4 columns), and ones remark must read.
  ...['- item', '* star', '+ plus', '- **b** x', '- a -> b', '- x\ty', '- 2024年', '- 1.5GB'],
  ...['  - nested', '    - deeper', '   - three', '      - six', ' - one', '     - five'],
  ...['        - eight', '  * nested star', '  + nested plus', '    + four plus'],
  ...['- 1. x', '- # h', '- > q', '- [ ] task', '-  two spaces', '-\ttab', '- ', '-', '*'],
  ...['- `code`', '  - `code`', '- ---', '- =', '- :--', '  continued item', '  1. nested'],
  // Code spans and underscores: plain ones, and near misses.
  ...['`a`', '`a` and `b`', '``a``', '`a``b`', '` a `', '`  `', '` `', 'x `a\tb` y', '`a', 'a `b'],
  ...['`*` and `[x]` and `<b>` and `|`', '## `#` x', '## a `b` c', '- `code` item', '  - `c`'],
  ...[
    'foo_bar',
    'AUTHORIZED_KEYS_X',
    '_foo',
    'foo_',
    'a_*b',
    'x__y',
    'a_é',
    '𠮷_x',
    '😀_x',
    '. _x',
  ],
  ...['- a_b', '`x`_y', 'y_`x`', '**a `b` c**', 'a ` b ` c', '`\u3000`'],
  // Ordered items, and lines that start with a block's character but start no block.
  ...[
    '1. first',
    '2. second',
    '1) paren',
    '3) three',
    '10. ten',
    '01. zero',
    '1.  two',
    '1. `c` x',
  ],
  ...[
    '   - under ordered',
    '    - four under',
    '2.',
    '- --page-size',
    '--page-size option',
    '-foo',
  ],
  ...['+foo', '=foo', ':foo', '#hashtag', '####### seven x', '-- -', '- -- x', '= =', ': -', '-:'],
  ...['+ *', '- 1.', '* -', '- + x', '+ 2) y'],
  // Indented text: a paragraph's next line, an item's later paragraph, or code.
  ...[
    '  more text',
    ' one in',
    '   three in',
    '    four in',
    '      six in',
    '  `c` x',
    '  [a](b)',
  ],
  ...[
    '     five in',
    '        eight in',
    '  # not heading',
    '  > quote',
    '  1. nested',
    '\t tab in',
  ],
  ...['a &amp; b', 'a & b', 'a &x', 'A&B;', '&#123;', '- R&D', '## Q&A'],
  // Links: plain ones, and near misses.
  ...['[a](b)', '[EC2](https://x.example/a_b~c&d)', 'see [a](b) and `c`', '![img](x)', '[a](b c)'],
  ...['[a](<b>)', '[a]()', '[](b)', '[ a](b)', '[^a](b)', '[a](b(c))', '[a `b`](c)', '[a][b]'],
  ...['[a](b)[c](d)', '- [x](u) item', '## [h](u)', '[a](b) x](c)', '[a](b*c)', '[a_b](c)', '[a]'],
  ...['[a](b#c)', '## [a](b#c)', '`[a](b)`', '[a](b)`c`', '1. [a](b)', '[a](b "t")', '[a&amp;](b)'],
  // Blank lines.
  ...['', '', '', '  ', '\t'],
];

const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LINES) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...'ab #-*+>=:|`_[]<&~\\1.) \t\u3000é'.split('')), { maxLength: 8 })
      .map((chars) => chars.join('')),
  },
);

describe('plain pieces (lines read without remark)', () => {
  it('parse as remark parses the whole text, whatever the markdown', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        const whole = parseMarkdown('r.md', text, { chunked: false });
        expect(parseMarkdown('r.md', text)).toEqual(whole);
        // Cut wherever a cut is allowed, also between remark's pieces; and
        // pieces parsed together in some remark calls, not in others.
        for (const size of [1, 40]) {
          expect(parseMarkdown('r.md', text, { chunked: { from: 0, size, items: size } })).toEqual(
            whole,
          );
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('give the same blocks, lines, nesting and diagnostics as remark', () => {
    const text = [
      '# Top',
      'first line',
      'second **bold** line',
      '',
      '- item',
      '  - nested',
      'lazy line',
      '    - deeper',
      '## Sub',
      '## Sub',
      '### ',
      '## Empty',
      '## Last',
      '- one',
    ].join('\n');
    const parsed = parseMarkdown('n.md', text);
    expect(parsed).toEqual(parseMarkdown('n.md', text, { chunked: false }));
    const pieces = chunks(prepare('n.md', text).text);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]?.plain).toBeDefined();
    const top = parsed.topics[0];
    expect(top?.blocks).toEqual([
      { kind: 'line', text: 'first line', spans: [], line: 2 },
      {
        kind: 'line',
        text: 'second bold line',
        spans: [{ kind: 'bold', start: 7, end: 11 }],
        line: 3,
      },
      { kind: 'item', text: 'item', spans: [], line: 5 },
      { kind: 'item', text: 'nested', spans: [], line: 6, depth: 1, parent: 5 },
      { kind: 'item', text: 'lazy line', spans: [], line: 7, depth: 1, parent: 5 },
      { kind: 'item', text: 'deeper', spans: [], line: 8, depth: 2, parent: 6 },
    ]);
    expect(parsed.diagnostics.map((d) => `${d.code}@${d.line}`)).toEqual([
      'duplicate-heading@10',
      'empty-heading@11',
      'empty-section@9',
      'empty-section@10',
      'empty-section@12',
    ]);
  });

  it('leave to remark only what needs it in the shipped notes', () => {
    let lines = 0;
    let plain = 0;
    for (const name of readdirSync(CONTENT)) {
      const text = readFileSync(join(CONTENT, name), 'utf8');
      const pieces = chunks(prepare(name, text).text);
      for (const piece of pieces) {
        const count = piece.text.split('\n').length;
        lines += count;
        if (piece.plain) plain += count;
      }
      expect(parseMarkdown(name, text)).toEqual(parseMarkdown(name, text, { chunked: false }));
    }
    // Headings, paragraph lines and list items, with at most code spans and simple links.
    expect(plain / lines).toBeGreaterThan(0.95);
  });

  it('can be turned off: every line then goes to remark', () => {
    const text = '# A\nline\n- item\n- item 2\n';
    expect(chunks(text, { fast: false })).toEqual([{ text, offset: 0 }]);
    expect(chunks(text).every((piece) => piece.plain)).toBe(true);
  });
});
