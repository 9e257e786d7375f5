import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitize } from '../../src/content/sanitize.js';

describe('sanitize', () => {
  it('removes a clear-screen sequence', () => {
    const out = sanitize('before \u001b[2J\u001b[H after');
    expect(out).toBe('before  after');
    expect(out).not.toContain('\u001b');
  });

  it('removes bells and other control characters, keeps newlines, turns tabs into spaces', () => {
    expect(sanitize('ding\u0007 dong\u0000\u007f\u009b')).toBe('ding dong');
    expect(sanitize('a\tb\nc')).toBe('a b\nc');
    expect(sanitize('a\tb', { keepTabs: true })).toBe('a\tb');
  });

  it('removes bidirectional overrides, embeddings and isolates (issue 11)', () => {
    const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(sanitize(`access = "user\u202e \u2066// admin\u2069\u2066"`)).toBe(
      'access = "user // admin"',
    );
    expect(sanitize(`${bidi}EC2 インスタンス${bidi}`)).toBe('EC2 インスタンス');
    // Marks that only hint a direction, and Arabic or Hebrew text itself, stay.
    expect(sanitize('\u200fשלום \u0645\u0631\u062d\u0628\u0627')).toBe(
      '\u200fשלום \u0645\u0631\u062d\u0628\u0627',
    );
  });

  it('shows a hyperlink as its text', () => {
    expect(
      sanitize('see \u001b]8;;https://example.com\u001b\\the docs\u001b]8;;\u001b\\ now'),
    ).toBe('see the docs now');
    expect(sanitize('title \u001b]0;pwned\u0007ok')).toBe('title ok');
  });

  it('removes colours and cursor movement', () => {
    expect(sanitize('\u001b[31mred\u001b[0m \u001b[10;5Hmoved \u001b7saved\u001b8')).toBe(
      'red moved saved',
    );
  });

  it('leaves ordinary Japanese, emoji and ASCII text alone (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', '。', '「', 'イ', '漢', '👍🏽', '\n', '：', '-'),
    });
    fc.assert(
      fc.property(text, (value) => {
        expect(sanitize(value)).toBe(value);
      }),
    );
  });

  it('never leaves an escape or control character (property)', () => {
    const noisy = fc.string({
      unit: fc.constantFrom(
        'a',
        '\u001b',
        '[',
        ']',
        '2',
        'J',
        ';',
        '\u0007',
        '\\',
        '\u009b',
        '8',
        'm',
        'x',
      ),
    });
    fc.assert(
      fc.property(noisy, (value) => {
        expect(sanitize(value)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      }),
    );
  });
});
