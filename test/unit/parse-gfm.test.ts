import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownTree } from '../../src/content/parse.js';

/** Pieces of markdown that are neither GFM nor the characters that could start it. */
const PIECES = [
  '# ',
  '## ',
  'Amazon S3',
  'バケット',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '> ',
  '**',
  '*',
  '_',
  '`',
  '```',
  '---',
  '***',
  ':',
  '-',
  '[',
  ']',
  '(',
  ')',
  '[a]',
  '[a]: https://example.com',
  '[link](https://example.com)',
  '<https://example.com>',
  'https://example.com',
  '![img](x.png)',
  '\\',
  '&amp;',
  '&#124;',
  '<div>',
  '=',
  '=====',
  'x',
  'X',
  '^',
  'www.example.com',
];

/** The same pieces with those that make GFM constructs. */
const GFM = [
  '|',
  '| a | b |\n| --- | :-: |\n| 1 | 2 |',
  '~~gone~~',
  '~',
  '[^1]',
  '[^1]: note',
  '- [ ] todo',
  '- [x] done',
  'a\n:--',
  '--:',
];

const text = (pieces: string[]) =>
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

describe('markdownTree', () => {
  it('gives the same tree without the GFM extensions when the text cannot hold a GFM construct', () => {
    fc.assert(
      fc.property(text(PIECES), (markdown) => {
        expect(markdownTree(markdown)).toEqual(markdownTree(markdown, true));
      }),
      { numRuns: 200 },
    );
  });

  it('parses GFM with the extensions wherever the text may hold it', () => {
    fc.assert(
      fc.property(text([...PIECES, ...GFM]), (markdown) => {
        expect(markdownTree(markdown)).toEqual(markdownTree(markdown, true));
      }),
      { numRuns: 200 },
    );
    const table = markdownTree('| a | b |\n| --- | --- |\n| 1 | 2 |');
    expect(table.children[0]?.type).toBe('table');
    expect(markdownTree('a\n:--').children[0]?.type).toBe('table');
    expect(markdownTree('- [x] done').children[0]).toMatchObject({
      type: 'list',
      children: [{ checked: true }],
    });
    expect(markdownTree('~~gone~~').children[0]).toMatchObject({
      children: [{ type: 'delete' }],
    });
    expect(markdownTree('a[^1]\n\n[^1]: note').children[1]?.type).toBe('footnoteDefinition');
  });
});
