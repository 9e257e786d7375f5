import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT } from '../helpers/deck.js';

/**
 * SHA-256 of the notes the content was split from (the seed file, which is not part of the
 * repository), with the author's slips corrected where a card would teach them (JWT, not JIT;
 * IOPS, not IPOS; CacheMissCount; Multi-Attach on io1/io2; a placement group is not one AZ). Pinning the digest keeps the byte-for-byte check without reading outside the
 * clone; a deliberate edit of content/ updates this constant in the same commit.
 */
const SEED_SHA256 = '7c540b36f14c87058c03cf3eba44b0e54c3ff6b35fe0c741071b1f7594b15267';

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
    expect(createHash('sha256').update(joined).digest('hex')).toBe(SEED_SHA256);
  });
});
