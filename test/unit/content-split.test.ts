import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { CONTENT } from '../helpers/deck.js';

const SEED = join(ROOT, '..', 'shared', 'seed', '000_7ba355ed9746feb9.txt');

describe('shipped content', () => {
  const files = readdirSync(CONTENT)
    .filter((f) => f.endsWith('.md'))
    .sort();

  it('is one file per top-level heading of the notes, in note order', () => {
    expect(files).toHaveLength(13);
    expect(files[0]).toBe('01-ec2.md');
    for (const file of files) {
      const text = readFileSync(join(CONTENT, file), 'utf8');
      expect(text.startsWith('# '), file).toBe(true);
      expect(
        text.split('\n').filter((line) => line.startsWith('# ')),
        file,
      ).toHaveLength(1);
    }
  });

  it('joins back into the original notes byte for byte', () => {
    const joined = Buffer.concat(files.map((file) => readFileSync(join(CONTENT, file))));
    expect(joined.equals(readFileSync(SEED))).toBe(true);
  });
});
