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
    const started = performance.now();
    const files = listNotes(root, notices).map((note) => note.file);
    expect(performance.now() - started).toBeLessThan(2000);
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
