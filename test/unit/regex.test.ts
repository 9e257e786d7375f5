import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  gated,
  holdsMark,
  KATAKANA_BMP,
  MARKS,
  PRIMED_FROM,
  quick,
  SCRIPTS,
  spelled,
} from '../../src/content/regex.js';

// Shapes of the rules' patterns: ASCII words with \b, kana and kanji, full-width digits, \w classes.
const PATTERNS = [
  /今回は|次回|ここまで|\blet'?s\b|\bwe'?ll\b|\bas (?:we|i) (?:saw|said)\b|\bsee (?:above|below)\b/iu,
  /半分|倍|\bhalf\b|\bsame as\b|\bratio\b|[0-9０-９]\s*[:：]\s*[0-9０-９]/iu,
  /^(?:[\w-]+\.)+[a-z]{2,}\s*>\s*\S|\bdocumentation\s*>\s*\S/iu,
  /^(?:chapter|lesson|講義)\s*[0-9０-９]+\b|[?？]\s*$/iu,
  /\bask\b|\bks\b|^[^：:]{1,4}[：:]/iu,
];

// Letters that case folding ties to ASCII (ſ, the Kelvin sign), emoji (two UTF-16 units), and the rest.
const pieces = [
  'let',
  "let's",
  'LET',
  'ſ',
  'K',
  'k',
  's',
  'as we saw',
  'see ABOVE',
  'Half',
  'ratio',
  'documentation > x',
  'a.io > b',
  'chapter 3',
  'lesson ３',
  '講義',
  '今回は',
  '１：２',
  '？',
  '😀',
  '𠮷',
  ' ',
  '：',
  'é',
  'ß',
  'ẞ',
  'İ',
  'ı',
  'Σ',
  'ς',
  'Å',
  'µ',
  'Ꭰ',
  'ꭰ',
  'ＡＢ',
  '_',
  '-',
];
const line = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join(''));

describe('quick patterns', () => {
  it('test every line as the pattern written', () => {
    for (const pattern of PATTERNS) {
      const fast = quick(pattern);
      expect(fast).not.toBe(pattern);
      fc.assert(fc.property(line, (text) => fast.test(text) === pattern.test(text)));
    }
  });

  it('run their pattern once on a long subject before its first line, and never again', () => {
    // V8 then compiles the pattern to machine code at once (see prime() in regex.ts).
    const spy = vi.spyOn(RegExp.prototype, 'test');
    try {
      const primes = () => spy.mock.calls.filter(([text]) => String(text).length >= PRIMED_FROM);
      const fast = quick(/\bprimed\b|プライム/iu);
      const gate = gated(/\bgate\b|ゲート/iu, 'gate|ゲート');
      expect(primes()).toHaveLength(0);
      expect(gate.test('no key here')).toBe(false);
      expect(primes()).toHaveLength(0);
      expect(fast.test('a Primed line')).toBe(true);
      expect(gate.test('a GATE line')).toBe(true);
      expect(primes()).toHaveLength(2);
      for (const text of ['プライムです', 'none', 'ゲートです', 'gate']) {
        expect(fast.test(text)).toBe(text === 'プライムです');
        expect(gate.test(text)).toBe(text === 'ゲートです' || text === 'gate');
      }
      expect(gate.exec('the gate')?.index).toBe(4);
      expect(primes()).toHaveLength(2);
      // The long subject holds no match: priming tells nothing and changes no answer.
      for (const [text] of primes()) expect(String(text).trim()).toBe('');
    } finally {
      spy.mockRestore();
    }
  });

  it('read ſ and the Kelvin sign as s and k, as /iu does', () => {
    const pattern = quick(/\bask\b/iu);
    expect(pattern.test('aſk')).toBe(true);
    expect(pattern.test('asK')).toBe(true);
    expect(pattern.test('a task')).toBe(false);
  });

  it('keep the pattern for exec and replace, and leave other patterns as they are', () => {
    const pattern = quick(/\bhalf\b/iu);
    expect(pattern.source).toBe('\\bhalf\\b');
    expect(pattern.flags).toBe('iu');
    expect(pattern.exec('one HALF')?.index).toBe(4);
    expect('one half'.replace(pattern, 'x')).toBe('one x');
    for (const other of [/\p{Script=Han}\b/iu, /\bhalf\b/u, /\bhalf\b/giu, /\bstraße\b/iu])
      expect(quick(other)).toBe(other);
    // Without \b too: compiled without `i` and `u`, it answers alike.
    const plain = /半分|half(?![a-z])|[(（]x[)）]/iu;
    const fast = quick(plain);
    expect(fast).not.toBe(plain);
    fc.assert(fc.property(line, (text) => fast.test(text) === plain.test(text)));
  });

  it('spell out a katakana class in the BMP: every character of the BMP is read alike', () => {
    const spelled = new RegExp(`[${KATAKANA_BMP}]`);
    const script = /\p{Script=Katakana}/u;
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (spelled.test(char) !== script.test(char)) expect(code.toString(16)).toBe('the same');
    }
  });

  it('test lines with a katakana class as the pattern written', () => {
    const pattern = /\btips\b|(?<![\p{Script=Katakana}ー])ポイント|コツ/iu;
    const fast = quick(pattern);
    expect(fast).not.toBe(pattern);
    const kana = fc
      .array(
        fc.constantFrom('ポイント', 'ス', 'ｽ', 'ー', 'tips', 'TIPS', ' ', 'の', '𛀀', 'ſ', 'コツ'),
        {
          maxLength: 6,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(fc.property(kana, (text) => fast.test(text) === pattern.test(text)));
    expect(fast.test('スポイント')).toBe(false);
    expect(fast.test('設計のポイント')).toBe(true);
    // Not right after a class's own "[": tested as written.
    const negated = /\bx\b|[^\p{Script=Katakana}]/iu;
    expect(quick(negated)).toBe(negated);
  });

  it('read a line lowercased as /iu reads it, for every character but ſ, K, İ and surrogates', () => {
    // The twin without `i` tests the lowercased line: each character must keep its length, and
    // be an ASCII letter (or \w) once lowercased exactly when /iu matches it with one.
    for (let code = 0; code <= 0xffff; code++) {
      if ((code >= 0xd800 && code <= 0xdfff) || [0x17f, 0x130, 0x212a].includes(code)) continue;
      const char = String.fromCharCode(code);
      const lower = char.toLowerCase();
      if (lower.length !== 1) expect(code.toString(16)).toBe('one character lowercased');
      const letter = /[a-z]/iu.test(char);
      if (letter !== /[a-z]/u.test(lower) || /\w/iu.test(char) !== /\w/u.test(lower))
        expect(code.toString(16)).toBe('read alike');
      if (letter && !new RegExp(lower, 'iu').test(char))
        expect(code.toString(16)).toBe('its letter');
    }
  });

  it('drop `i` only for a pattern without capitals or backreferences', () => {
    const lower = quick(/\bhalf\b|半分/iu);
    expect(lower.test('One HALF')).toBe(true);
    expect(lower.test('İ half')).toBe(true);
    expect(lower.test('halfway')).toBe(false);
    const capital = quick(/\bHalf\b|[A-Z]{2}\b/iu);
    expect(capital.test('one half')).toBe(true);
    expect(capital.test('ab')).toBe(true);
    const backreference = quick(/\b(\w)\1\b/iu);
    expect(backreference.test('aA')).toBe(true);
    expect(backreference.test('ab')).toBe(false);
  });
});

describe('MARKS', () => {
  it('holdsMark answers as /[\\p{P}\\p{S}\\s]/u, also between replaces with the shared global pattern', () => {
    const pieces = fc.constantFrom(
      'a',
      'あ',
      '漢',
      ' ',
      '\u3000',
      '。',
      '！',
      '-',
      '＿',
      '→',
      '\uD83D',
      '\uDE00',
      '😀',
      '1',
      'Ω',
    );
    const text = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (one, two) => {
        expect(holdsMark(one)).toBe(/[\p{P}\p{S}\s]/u.test(one));
        expect(one.replace(MARKS, '')).toBe(one.replace(/[\p{P}\p{S}\s]/gu, ''));
        expect(holdsMark(two)).toBe(/[\p{P}\p{S}\s]/u.test(two));
      }),
      { numRuns: 300 },
    );
  });
});

describe('spelled scripts', () => {
  it('each spelled script holds exactly the code points of its \\p{Script=…}', () => {
    const points: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++)
      if (c < 0xd800 || c > 0xdfff) points.push(String.fromCodePoint(c));
    const all = points.join('');
    for (const [name, ranges] of Object.entries(SCRIPTS)) {
      const want = all.match(new RegExp(`\\p{Script=${name}}`, 'gu'))?.join('');
      expect(want?.length).toBeGreaterThan(50);
      expect(all.match(new RegExp(`[${ranges}]`, 'gu'))?.join('')).toBe(want);
    }
  });

  it('spelled() patterns answer as the patterns they spell out', () => {
    const patterns = [
      /(?<=[^\p{Script=Hiragana}])(?:には|を|に)$/u,
      /[^\s\p{Script=Hiragana}][はがをと][^\s\p{Script=Hiragana}]/u,
      /(?:[^\p{Script=Hiragana}](?:と|や)|\b(?:and|or))$/iu,
      /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
      /\p{Script=Han}{2,}|[\p{Script=Katakana}ー]+/gu,
      /\[\p{Script=Hiragana}\]/u,
    ];
    const pieces = fc.constantFrom(
      'a',
      'A',
      'and',
      ' ',
      'と',
      'は',
      'を',
      'に',
      'ア',
      'ー',
      '漢字',
      '々',
      '[',
      ']',
      '\u{20000}',
      '\u{1b001}',
      '\uD83D',
      'ſ',
      'K',
    );
    const text = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''));
    for (const re of patterns) {
      const spelt = spelled(re);
      expect(spelt.source).not.toContain('\\p{Script=');
      expect(spelt.flags).toBe(re.flags);
      fc.assert(
        fc.property(text, (line) => {
          expect(line.match(spelt)?.[0]).toBe(line.match(re)?.[0]);
        }),
        { numRuns: 200 },
      );
    }
  });
});
