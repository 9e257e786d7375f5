/**
 * Issue 11, hostile notes: the walk stays inside the notes folder and reads a
 * bounded number of files; a note past the size limit is cut at a line and
 * told, never silently dropped.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, listNotes, readNote } from '../../src/content/load.js';
import type { Diagnostic } from '../../src/content/model.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { SHAPE_LIMITS } from '../../src/content/prepare.js';
import { tempDir } from '../helpers/cli.js';

describe('the walk of the notes folder', () => {
  it('does not follow a link out of the folder (a link to /), and says so', () => {
    const root = tempDir();
    writeFileSync(join(root, 'ec2.md'), '# EC2\n\n- インスタンスは AZ の中で動く\n');
    symlinkSync('/', join(root, 'root'));
    mkdirSync(join(root, 'inner'));
    writeFileSync(join(root, 'inner', 's3.md'), '# S3\n\n- buckets hold objects\n');
    symlinkSync(join(root, 'inner'), join(root, 'again'));
    const notices: Diagnostic[] = [];
    // Walking / would run into the test's time-out long before it ended.
    const files = listNotes(root, notices).map((note) => note.file);
    // A link inside the folder is followed (its folder read once, by whichever name comes first).
    expect(files).toHaveLength(2);
    expect(files).toContain('ec2.md');
    expect(files.some((file) => file.endsWith('/s3.md'))).toBe(true);
    expect(notices).toEqual([
      { file: 'root', line: 1, severity: 'warning', code: 'outside-link', subject: '/' },
    ]);
  });

  it(`reads at most ${LIMITS.files} files and says the rest were left out`, () => {
    const root = tempDir();
    for (let i = 0; i < LIMITS.files + 20; i++) writeFileSync(join(root, `n${i}.md`), `# T${i}\n`);
    const notices: Diagnostic[] = [];
    expect(listNotes(root, notices)).toHaveLength(LIMITS.files);
    expect(notices.map((n) => [n.code, n.subject])).toEqual([
      ['too-many-files', String(LIMITS.files)],
    ]);
  }, 30_000);
});

describe('a note past the size limit', () => {
  it('is cut after a whole line, and the first line left out is told', () => {
    const root = tempDir();
    const path = join(root, 'big.md');
    const line = '- 長い行のテキスト long line of text\n';
    writeFileSync(path, `# Big\n${line.repeat(100)}`);
    const read = readNote({ path, file: 'big.md', size: 0, mtimeMs: 0 }, 200);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Buffer.byteLength(read.text)).toBeLessThanOrEqual(200);
    expect(read.text.endsWith('\n')).toBe(true);
    const kept = read.text.split('\n').length - 1;
    expect(read.cutAtLine).toBe(kept + 1);
    // Under the limit: whole, nothing said.
    const small = readNote({ path, file: 'big.md', size: 0, mtimeMs: 0 });
    expect(small.ok && small.cutAtLine).toBe(undefined);
  });
});

/**
 * Hostile shapes of one note (issue 11): what a limit cut is told, with its line.
 * That each is parsed in time linear in its size is checked in bench/budgets.mjs
 * (npm run bench), beside the absolute budgets.
 */
describe('hostile shapes of one note', () => {
  const codes = (text: string) =>
    parseMarkdown('hostile.md', text).diagnostics.map((d) => [d.code, d.line, d.subject]);

  const headings = (n: number) =>
    `# 見出し\n${Array.from({ length: n }, (_, i) => `## H${i}\n\n- fact ${i}\n`).join('\n')}`;
  const nesting = (n: number) => `# Deep\n\n${'> '.repeat(n)}x\n\n${'- '.repeat(n)}y\n`;
  const marks = (n: number) =>
    `# Marks\n\n${Array.from({ length: n }, (_, i) => (i % 2 ? '[*a _b' : ']* c_ ')).join(' ')}\n`;

  it('many headings: cut with a notice past the limit', () => {
    const text = headings(SHAPE_LIMITS.headings + 5);
    // Line of heading number limit+1: "# 見出し" is the first heading, each "## H" block is 4 lines.
    const parsed = parseMarkdown('hostile.md', text);
    const cut = parsed.diagnostics.filter((d) => d.code === 'too-many-headings');
    expect(cut).toHaveLength(1);
    const line = text.split('\n')[(cut[0]?.line ?? 0) - 1];
    expect(line).toBe(`## H${SHAPE_LIMITS.headings - 1}`);
    expect(parsed.topics[0]?.children).toHaveLength(SHAPE_LIMITS.headings - 1);
  }, 60_000);

  it('nesting on one line: deeper containers read as text and told', () => {
    expect(codes(nesting(40))).toEqual([
      ['too-deep', 3, String(SHAPE_LIMITS.nesting)],
      ['too-deep', 5, String(SHAPE_LIMITS.nesting)],
    ]);
    // Within the limit: nothing said.
    expect(codes(nesting(SHAPE_LIMITS.nesting))).toEqual([]);
    // The text past the limit is still there.
    expect(JSON.stringify(parseMarkdown('d.md', nesting(3000)).topics)).toContain('x');
  }, 60_000);

  it('unmatched brackets and emphasis marks in one paragraph: told once', () => {
    const told = codes(marks(700)).filter(([code]) => code === 'too-many-marks');
    expect(told).toEqual([['too-many-marks', 3, String(SHAPE_LIMITS.marks)]]);
    // A list of many items with bold terms is not one paragraph: its marks are counted per item
    // (300 items of 8 marks are over the limit together, none alone).
    const list = `# L\n${Array.from({ length: 300 }, (_, i) => `- **term${i}** は [説明](x) _a_`).join('\n')}\n`;
    expect(codes(list).filter(([code]) => code === 'too-many-marks')).toEqual([]);
  }, 60_000);
});
