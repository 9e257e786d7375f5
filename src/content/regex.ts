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
 */
const UNSAFE_LINE = /[\u017F\u212A\uD800-\uDFFF]/;
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

function twinOf(re: RegExp): RegExp | undefined {
  if (!re.unicode || !re.ignoreCase || re.global || re.sticky) return undefined;
  // Only `\b`, `\B`, `\w` and `\W` are slow under /iu; anything else gains little.
  if (!/\\[bBwW]/.test(re.source)) return undefined;
  const source = twinSource(re.source);
  if (source === undefined) return undefined;
  for (const char of re.source) {
    if (char.length > 1) return undefined;
    if (char > '\u007f' && char.toLowerCase() !== char.toUpperCase()) return undefined;
  }
  return new RegExp(source, re.flags.replace('u', ''));
}

class QuickRegExp extends RegExp {
  readonly #twin: RegExp;
  constructor(re: RegExp, twin: RegExp) {
    super(re);
    this.#twin = twin;
  }
  override test(text: string): boolean {
    const line = String(text);
    // A line is asked by several patterns in a row (whyNotStatement): it is checked once.
    if (line !== lastLine) {
      lastLine = line;
      lastUnsafe = UNSAFE_LINE.test(line);
    }
    return lastUnsafe ? super.test(line) : this.#twin.test(line);
  }
}
let lastLine = '';
let lastUnsafe = false;

/** The same pattern, with a faster `test` when it is `/iu` with word boundaries (see above). */
export function quick(re: RegExp): RegExp {
  const twin = twinOf(re);
  return twin ? new QuickRegExp(re, twin) : re;
}
