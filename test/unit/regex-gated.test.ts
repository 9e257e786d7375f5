import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Importing the rules registers their gated patterns.
import '../../src/content/cards.js';
import { GATE_CALLS, GATED, gated, literally, mayHold } from '../../src/content/regex.js';
import '../../src/content/retired.js';
import '../../src/content/statement.js';

/**
 * The pattern without its assertions (\\b and lookarounds): fast-check makes lines
 * that match it, many of which match the pattern itself.
 */
function loosened(source: string): string {
  let out = source.replace(/\\b/gu, '');
  for (let at = out.search(/\(\?<?[=!]/u); at >= 0; at = out.search(/\(\?<?[=!]/u)) {
    let depth = 0;
    let end = at;
    let inClass = false;
    for (; end < out.length; end++) {
      if (out[end] === '\\') end++;
      // A bracket inside a character class ("[。）)]") opens or closes nothing.
      else if (inClass) inClass = out[end] !== ']';
      else if (out[end] === '[') inClass = true;
      else if (out[end] === '(') depth++;
      else if (out[end] === ')' && --depth === 0) break;
    }
    out = out.slice(0, at) + out.slice(end + 1);
  }
  return out;
}

/** Lines of the repository's own notes (content, examples, fixtures): real text in both languages. */
function repoLines(): string[] {
  const lines: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md'))
        lines.push(
          ...readFileSync(path, 'utf8')
            .split('\n')
            .map((l) => l.replace(/^[#>\s*-]+/u, '')),
        );
    }
  };
  for (const dir of ['content', 'examples', 'test/fixtures/notes-sets']) walk(dir);
  return lines;
}

const flip = (text: string, seed: number): string =>
  [...text].map((c, i) => ((seed >> (i % 16)) & 1 ? c.toUpperCase() : c)).join('');

describe('gated patterns: every match holds one of the keys', () => {
  it('registers the rules’ gated patterns', () => {
    expect(GATED.length).toBeGreaterThanOrEqual(12);
  });

  it('on every line of the repository’s notes, the gate says what the pattern says', () => {
    const lines = repoLines();
    expect(lines.length).toBeGreaterThan(500);
    for (const { re: pattern, keys } of GATED) {
      const re = new RegExp(pattern, pattern.flags.replace('g', ''));
      for (const line of lines)
        if (re.test(line))
          expect(mayHold(line, keys, re.ignoreCase), `${re.source} on ${line}`).toBe(true);
    }
  });

  it('on lines made from the pattern (any case, s and k as ſ and K, text around), a match holds a key', () => {
    for (const { re: pattern, keys } of GATED) {
      const re = new RegExp(pattern, pattern.flags.replace('g', ''));
      const line = fc
        .tuple(
          fc.string({ maxLength: 3 }),
          fc.stringMatching(
            new RegExp(loosened(re.source), re.flags.replace('i', '').replace('g', '')),
          ),
          fc.integer({ min: 0, max: 0xffff }),
        )
        .map(([before, core, seed]) => {
          const text = flip(before + core, seed);
          return seed % 7 === 0 ? text.replace(/s/u, 'ſ').replace(/k/iu, 'K') : text;
        });
      let matched = 0;
      fc.assert(
        fc.property(line, (text) => {
          if (!re.test(text)) return true;
          matched += 1;
          return mayHold(text, keys, re.ignoreCase);
        }),
        { numRuns: 300 },
      );
      // Not vacuous: most lines made so match the pattern itself.
      expect(matched, re.source).toBeGreaterThan(30);
    }
  });
});

describe('gated()', () => {
  it('runs the pattern only on a line with a key, and answers as the pattern does', () => {
    let runs = 0;
    const re = /\bfoo\b|バー/iu;
    const spy = Object.assign(re, {
      test(text: string) {
        runs += 1;
        return RegExp.prototype.test.call(re, text);
      },
    });
    const gate = gated(spy, 'foo|バー');
    expect(gate.test('no key here')).toBe(false);
    expect(runs).toBe(0);
    expect(gate.test('a FOO b')).toBe(true);
    expect(gate.test('foobar')).toBe(false);
    expect(gate.test('バーです')).toBe(true);
    expect(runs).toBe(3);
    expect(gate.exec('x foo')?.[0]).toBe('foo');
    expect(gate.exec('nothing')).toBeNull();
  });

  it('lets through a line with ſ or the Kelvin sign, which /iu folds to s and k', () => {
    const gate = gated(/\bsk\b/iu, 'sk');
    expect(gate.test('ſK')).toBe(true);
    expect(gate.test('ſk')).toBe(true);
    expect(gate.test('sK')).toBe(true);
  });

  it('refuses a key that is empty or, for a pattern that ignores case, not lowercase', () => {
    expect(() => gated(/a/iu, 'A')).toThrow(/lowercase/u);
    expect(() => gated(/a/u, 'a||b')).toThrow(/non-empty/u);
    expect(gated(/A/u, 'A').test('xAx')).toBe(true);
  });

  it('literally(): words in alternation become the keys; any other pattern is left as it is', () => {
    const words = literally(/encrypt|(?<![A-Za-z])SSE(?![A-Za-z])|暗号/iu);
    expect(words).not.toBeInstanceOf(RegExp);
    expect(words.test('uses SSE here')).toBe(true);
    expect(words.test('ASSES')).toBe(false);
    expect(words.test('暗号化')).toBe(true);
    expect(words.test('nothing')).toBe(false);
    for (const other of [/nat\s*gw/iu, /dead.?letter/iu, /a|/u, /straße/iu, /x/gu])
      expect(literally(other)).toBe(other);
  });

  it('mayHold(): a word pattern built for a word (partShows, spelledInWords, typedWordGivenAway) needs the word', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/u);
    fc.assert(
      fc.property(
        word,
        fc.array(fc.constantFrom('x', ' ', 'S', 'ſ', 'K', '3', 'の', '-'), { maxLength: 4 }),
        fc.integer({ min: 0, max: 0xffff }),
        (w, around, seed) => {
          const text = flip(`${around.join('')}${w}s${around.reverse().join('')}`, seed);
          const patterns = [
            new RegExp(`(?<![a-z])${w}(?:s|es)?(?![a-z0-9])`, 'iu'),
            new RegExp(`\\b${w}\\b`, 'iu'),
          ];
          for (const re of patterns) if (re.test(text) && !mayHold(text, [w], true)) return false;
          return !new RegExp(`(?<![a-z0-9])${w}`, 'u').test(text) || text.includes(w);
        },
      ),
    );
  });

  it('after GATE_CALLS lines the pattern runs alone, with the same answers', () => {
    let runs = 0;
    const re = /\bfoo\b/iu;
    const spy = Object.assign(re, {
      test(text: string) {
        runs += 1;
        return RegExp.prototype.test.call(re, text);
      },
    });
    const gate = gated(spy, 'foo');
    for (let i = 0; i < GATE_CALLS; i++) expect(gate.test('bar')).toBe(false);
    expect(runs).toBe(0);
    expect(gate.test('bar')).toBe(false);
    expect(gate.test('a Foo')).toBe(true);
    expect(runs).toBe(2);
  });
});
