import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReference, isUrl } from '../../src/content/text.js';

// isReference as it was before its quick exit: the fast path must answer as it does.
const LINK_SYNTAX =
  /!?\[[^\]\n]*\](?:\([^)\s]*(?:\s+"[^"]*")?\)|\[[^\]\n]*\])|<(?:https?|ftp):\/\/[^>\s]+>|(?:https?|ftp):\/\/\S+/giu;
function oldIsReference(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  if (isUrl(trimmed)) return true;
  if (!/[[<]|:\/\//.test(trimmed)) return false;
  const rest = trimmed.replace(LINK_SYNTAX, '');
  return rest !== trimmed && /^[\s\p{P}\p{S}]*$/u.test(rest);
}

describe('isReference quick exit', () => {
  it('answers as the full check does on any text, links or not', () => {
    const pieces = fc.constantFrom(
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '!',
      ':',
      '/',
      '//',
      'https://',
      'ftp://',
      'http:',
      'a.io',
      'S3',
      ' ',
      '\n',
      '"t"',
      '、',
      'リンク',
      '[docs](https://x.io)',
      '<https://y.io>',
      '[a][b]',
    );
    const text = fc.oneof(
      fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(text, (s) => isReference(s) === oldIsReference(s)),
      { numRuns: 2000 },
    );
    expect(isReference('[docs](https://x.io)、<https://y.io>')).toBe(true);
    expect(isReference('S3 is object storage')).toBe(false);
  });
});
