import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength } from '../../src/ground/chars.js';

describe('codePointLength', () => {
  it('counts as [...text].length does: pairs once, lone surrogates once each', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('EC2のインスタンス')).toBe(10);
    expect(codePointLength('𩸽と🐟')).toBe(3);
    expect(codePointLength('\uD800a\uDC00\uDC00\uD800')).toBe(5);
    expect(codePointLength('\uDBFF\uDFFF\uD800')).toBe(2);
  });

  it('equals [...text].length on any UTF-16 string', () => {
    const units = fc.constantFrom('a', 'あ', '\uD83D', '\uDC1F', '\uD800', '\uDFFF', '\uDBFF', ' ');
    const text = fc.oneof(
      fc
        .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 })
        .map((codes) => String.fromCharCode(...codes)),
      fc.array(units).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (s) => codePointLength(s) === [...s].length),
      { numRuns: 1000 },
    );
  });
});
