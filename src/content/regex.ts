/**
 * Fast tests for the rules' big word patterns. V8 runs `\b` (and `\w`) in a
 * case-insensitive Unicode pattern (`/iu`) as a lookaround over Unicode case
 * folding: on Node 20 such a pattern tests a line 10–15 times slower than
 * the same pattern under `/i` (measured: 30 ms against 2.3 ms for the
 * lecturer's-talk pattern over the shipped EC2 notes, 20 times). The card
 * rules test every line with a few dozen of them, a fifth of card making.
 *
 * `quick(/…/iu)` keeps the pattern (the same RegExp for exec, match and
 * replace) and gives it a `test` that runs a twin without the `u` flag when
 * both read the line alike:
 * - the pattern has no `\p{…}`, `\u…`, `\x…` or `\c` escape and no
 *   character with case outside ASCII (its letters are ASCII, the rest kana,
 *   kanji, digits and punctuation, which have no case), so it means the same
 *   in both modes; `\p{Script=Katakana}` opening a character class is the one
 *   escape allowed: the twin lists its characters in the BMP instead (see
 *   KATAKANA_BMP), all the line can hold when it has no surrogate pair;
 * - the line has no character outside the Basic Multilingual Plane (a
 *   surrogate pair is one character under `u`, two without) and neither ſ
 *   (U+017F) nor the Kelvin sign (U+212A), the only characters that Unicode
 *   case folding makes equal to ASCII letters (`s`, `k`) and `/i` does not.
 * Any other line, or a pattern that does not qualify, is tested as written.
 *
 * When its letters are all lowercase (outside escapes) and it has no
 * backreference, the twin drops `i` too and tests the line lowercased: the
 * same answer (an ASCII letter matches itself and its capital, and nothing
 * else once ſ and K are out; lowercasing keeps every other character's class
 * and the line's length, except İ, which becomes two characters and is let
 * through as written), and V8 compiles a pattern without `i` in about 60% of
 * the time: compiling these patterns is most of a cold process's first cards.
 */
const UNSAFE_LINE = /[\u017F\u0130\u212A\uD800-\uDFFF]/;
const UNSAFE_ESCAPE = /\\[pPuxc]/;

/** The characters of `\p{Script=Katakana}` in the BMP (Unicode 17, Node 20's; a test checks it), as the inside of a class. */
export const KATAKANA_BMP =
  '\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff\u32d0-\u32fe\u3300-\u3357\uff66-\uff6f\uff71-\uff9d';
const KATAKANA = '\\p{Script=Katakana}';

/** The source of the twin: `[\p{Script=Katakana}…]` spelled out (see KATAKANA_BMP); undefined when it cannot be. */
function twinSource(source: string): string | undefined {
  const parts = source.split(KATAKANA);
  // Only right after a class's own "[" (not "\[", not "[^"): there the BMP list means the same.
  for (const part of parts.slice(0, -1))
    if (!part.endsWith('[') || part.endsWith('\\[')) return undefined;
  const twin = parts.join(KATAKANA_BMP);
  return UNSAFE_ESCAPE.test(twin) ? undefined : twin;
}

/** True when the source has a capital ASCII letter outside an escape, or a backreference. */
function needsCase(source: string): boolean {
  // (An escaped backslash before a digit reads as a backreference here: then `i` is simply kept.)
  return /\\[1-9k]/.test(source) || /[A-Z]/.test(source.replace(/\\[\s\S]/g, ''));
}

interface Twin {
  re: RegExp;
  /** The twin reads the line lowercased (it has no `i`). */
  lower: boolean;
}

function twinOf(re: RegExp): Twin | undefined {
  if (!re.unicode || !re.ignoreCase || re.global || re.sticky) return undefined;
  const source = twinSource(re.source);
  if (source === undefined) return undefined;
  // Only the characters outside ASCII are looked at one by one (done for every rule at start-up).
  for (const char of re.source.replace(/[^\u0080-\uffff]+/g, '')) {
    if (char.length > 1) return undefined;
    if (char > '\u007f' && char.toLowerCase() !== char.toUpperCase()) return undefined;
  }
  const lower = !needsCase(source);
  return {
    re: new RegExp(source, re.flags.replace('u', '').replace(lower ? 'i' : '', '')),
    lower,
  };
}

/**
 * Before a pattern's first run, one run on a subject of PRIMED_FROM characters:
 * V8 compiles a pattern when it first runs, to bytecode that it interprets, and
 * again to machine code when it runs a second time (its regexp tier-up). On a
 * subject this long it compiles machine code at once, and keeps to machine code
 * for the pattern from then on (for one-byte and two-byte lines alike, and for
 * every RegExp of the same source and flags). The rules' big word lists are run
 * on many lines, so the bytecode stage was a cost paid for nothing: about 15 ms
 * of the shipped notes' cards in a cold process (see bench/RESULTS.md).
 * The subject is spaces: the run finds nothing and costs microseconds.
 */
export const PRIMED_FROM = 1000;
const LONG = ' '.repeat(PRIMED_FROM);
function prime(re: RegExp): void {
  RegExp.prototype.test.call(re, LONG);
}

class QuickRegExp extends RegExp {
  readonly #twin: RegExp;
  readonly #lower: boolean;
  #primed = false;
  constructor(re: RegExp, twin: Twin) {
    super(re);
    this.#twin = twin.re;
    this.#lower = twin.lower;
  }
  override test(text: string): boolean {
    const line = String(text);
    // A line is asked by several patterns in a row (whyNotStatement): it is checked once.
    if (line !== lastLine) {
      lastLine = line;
      lastUnsafe = UNSAFE_LINE.test(line);
      lastLower = undefined;
    }
    if (lastUnsafe) return super.test(line);
    if (!this.#primed) {
      this.#primed = true;
      prime(this.#twin);
    }
    if (!this.#lower) return this.#twin.test(line);
    lastLower ??= line.toLowerCase();
    return this.#twin.test(lastLower);
  }
}
let lastLine = '';
let lastUnsafe = false;
let lastLower: string | undefined;

/** The same pattern, with a faster `test` when it is `/iu` with word boundaries (see above). */
export function quick(re: RegExp): RegExp {
  const twin = twinOf(re);
  return twin ? new QuickRegExp(re, twin) : re;
}

/**
 * A pattern asked only of lines that hold one of `keys`: literal pieces, one of
 * which every match of the pattern contains, written `a|b|c` (the caller lists
 * them beside the pattern; its tests check). Most lines hold none, and then the
 * pattern is neither run nor, in a process that meets no such line, compiled: V8
 * compiles a pattern on its first use, twice (bytecode, then machine code on its
 * second), and for the rules' big word lists that costs more than running them
 * (a third of card making in a cold process over the shipped notes).
 *
 * When the pattern ignores case the keys are lowercase and the line is lowercased
 * to look for them. Under `/iu` two characters outside ASCII match ASCII letters
 * (ſ matches s, the Kelvin sign k): a line with either is always tested.
 */
export interface LineTest {
  test(text: string): boolean;
  /** `re.exec(text)`, or null without running it when the line holds no key (`re` without /g or /y). */
  exec(text: string): RegExpExecArray | null;
}

/** Every gated pattern with its keys, for the tests that check each key list against its pattern. */
export const GATED: { re: RegExp; keys: readonly string[] }[] = [];

export function gated(re: RegExp, keys: string): LineTest {
  const fold = re.ignoreCase;
  const list = keysOf(re, keys);
  // Looking for the keys costs more than running a compiled pattern: after GATE_CALLS
  // lines (a big note collection, where the compiling is paid back) the pattern runs alone.
  let calls = 0;
  // A quick() pattern primes its own twin, the pattern it runs (see prime()).
  let primed = re instanceof QuickRegExp || re.global || re.sticky;
  const may = (text: string): boolean => {
    if (calls < GATE_CALLS) {
      calls += 1;
      if (!mayHold(text, list, fold)) return false;
    }
    if (!primed) {
      primed = true;
      prime(re);
    }
    return true;
  };
  return {
    test: (text) => may(text) && re.test(text),
    exec: (text) => (may(text) ? re.exec(text) : null),
  };
}

/** How many lines a gate looks at before its pattern runs alone (the shipped notes ask ~500). */
export const GATE_CALLS = 1000;

/** The keys `a|b|c` of a pattern run only on lines that hold one (see gated(), mayHold()), checked and registered. */
export function keysOf(re: RegExp, keys: string): readonly string[] {
  const list = keys.split('|');
  for (const key of list)
    if (key === '' || (re.ignoreCase && key !== key.toLowerCase()))
      throw new Error(`gated: key ${JSON.stringify(key)} must be non-empty and lowercase`);
  GATED.push({ re, keys: list });
  return list;
}

/** True when `text` holds one of `keys` (see gated(); `fold`: the keys are lowercase, case is ignored). */
export function mayHold(text: string, keys: readonly string[], fold: boolean): boolean {
  // Several gates ask one line in a row (whyNotStatement): it is lowercased once.
  if (fold && text !== lastText) {
    lastText = text;
    lastFolded = text.toLowerCase();
  }
  const line = fold ? lastFolded : text;
  for (const key of keys) if (line.includes(key)) return true;
  return fold && (text.includes('\u017F') || text.includes('\u212A'));
}
let lastText = '';
let lastFolded = '';

/**
 * gated() for a pattern that is words or, with `i`, ASCII words and words without
 * case, in alternation (`監視`, `予測|forecast`, `encrypt|(?<![A-Za-z])SSE(?![A-Za-z])`):
 * each word is a key, as its lookarounds take up no character. Any other pattern
 * is returned as it is.
 */
export function literally(re: RegExp): LineTest {
  const words = re.source.replace(/\(\?<?[=!][^()]*\)/g, '');
  if (re.global || re.sticky || /[\\^$.*+?()[\]{}]/.test(words)) return re;
  const keys = re.ignoreCase ? words.toLowerCase() : words;
  // Under `i` a word must read alike lowercased: ASCII letters, or characters without case.
  const wide = keys.replace(/[^\u0080-\uffff]+/g, '');
  if (re.ignoreCase && (wide.toUpperCase() !== wide || wide.toLowerCase() !== wide)) return re;
  if (keys.split('|').includes('')) return re;
  return gated(re, keys);
}

/**
 * Punctuation, a symbol or a space, one pattern for every rule that asks (for
 * `replace(MARKS, '')` and, through holdsMark, for a test): V8 compiles a
 * pattern once per source and flags, and each spelling of `[\p{P}\p{S}\s]`
 * (`/u`, `/gu`, anchored at either end) rebuilt the Unicode sets anew, about
 * 0.3 ms each in a cold process.
 */
export const MARKS = /[\p{P}\p{S}\s]/gu;

/** `/[\p{P}\p{S}\s]/u.test(text)`, with the one compiled MARKS. */
export function holdsMark(text: string): boolean {
  MARKS.lastIndex = 0;
  return MARKS.test(text);
}

/**
 * `\p{Script=…}` for the Japanese scripts, spelled out as the inside of a class
 * (Unicode 17, Node 20's; a test checks each against every code point). V8
 * builds a `\p{…}` set from ICU anew for every pattern it compiles: a pattern
 * with a script written out compiles in a third to a half of the time (about
 * 0.1–0.2 ms less each in a cold process).
 */
export const SCRIPTS: Readonly<Record<string, string>> = {
  Hiragana: String.raw`\u3041-\u3096\u309d-\u309f\u{1b001}-\u{1b11f}\u{1b132}\u{1b150}-\u{1b152}\u{1f200}`,
  // Its BMP part is KATAKANA_BMP (as characters: the twins of quick() take no \u escape).
  Katakana: `${KATAKANA_BMP}${String.raw`\u{1aff0}-\u{1aff3}\u{1aff5}-\u{1affb}\u{1affd}-\u{1affe}\u{1b000}\u{1b120}-\u{1b122}\u{1b155}\u{1b164}-\u{1b167}`}`,
  Han: String.raw`\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\u{16fe2}-\u{16fe3}\u{16ff0}-\u{16ff6}\u{20000}-\u{2a6df}\u{2a700}-\u{2b81d}\u{2b820}-\u{2cead}\u{2ceb0}-\u{2ebe0}\u{2ebf0}-\u{2ee5d}\u{2f800}-\u{2fa1d}\u{30000}-\u{3134a}\u{31350}-\u{33479}`,
};

/**
 * The same pattern (a `/u` one) with `\p{Script=Hiragana}`, `…Katakana}` and
 * `…Han}` spelled out (see SCRIPTS): inside a class as its ranges, outside as a
 * class of them. Any other pattern is returned as it is.
 */
export function spelled(re: RegExp): RegExp {
  if (!re.unicode) return re;
  let out = '';
  let inClass = false;
  const source = re.source;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    if (char === '\\') {
      const script = /^\\p\{Script=(\w+)\}/.exec(source.slice(i))?.[1];
      const ranges = script === undefined ? undefined : SCRIPTS[script];
      if (script !== undefined && ranges !== undefined) {
        out += inClass ? ranges : `[${ranges}]`;
        i += `\\p{Script=${script}}`.length - 1;
      } else {
        out += source.slice(i, i + 2);
        i += 1;
      }
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char;
  }
  return new RegExp(out, re.flags);
}
