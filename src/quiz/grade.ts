/**
 * Checks typed answers: NFKC (full-width ＡＢＣ = ABC), case, white space and
 * surrounding punctuation ignored; separators between digits ignored
 * (100,000 = 100000); small typos forgiven only on answers of 6 or more
 * characters without digits: a number (or a name with a number, io1, 4XXError)
 * must be typed exactly, since one changed digit is another fact. Pure.
 */
import { BLANK } from '../content/text.js';
import { editDistance } from '../ground/edit-distance.js';

/** The comparable form of an answer. */
export function normalizeAnswer(text: string): string {
  return (
    text
      .normalize('NFKC')
      // Invisible format characters (zero-width space, soft hyphen, joiners), often
      // pasted from web pages into notes, can never be typed: they do not count.
      .replace(/\p{Cf}/gu, '')
      .toLowerCase()
      .replace(/\s+/gu, ' ')
      .trim()
      .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
  );
}

/** Without spaces, and without the separators between digits (`100,000 件` → `100000件`). */
function squeeze(text: string): string {
  return text.replace(/(?<=\d)[,_'](?=\d)/g, '').replace(/\s/g, '');
}

/** Digits (after NFKC, so full-width ０-９ too) leave no room for typos. */
function hasDigit(text: string): boolean {
  return /\p{Nd}/u.test(text);
}

/** How many typos an answer of this many characters forgives. */
export function typoAllowance(length: number): number {
  if (length < 6) return 0;
  return length < 12 ? 1 : 2;
}

export interface TypedResult {
  correct: boolean;
  /** Right, but only thanks to typo tolerance. */
  typo: boolean;
}

export function checkTyped(
  input: string,
  answer: string,
  accept: readonly string[] = [],
): TypedResult {
  const given = squeeze(normalizeAnswer(input));
  if (!given) return { correct: false, typo: false };
  let typo = false;
  for (const candidate of [answer, ...accept]) {
    const expected = squeeze(normalizeAnswer(candidate));
    if (!expected) continue;
    if (given === expected) return { correct: true, typo: false };
    const allowance = hasDigit(expected) ? 0 : typoAllowance([...expected].length);
    if (allowance > 0 && editDistance(given, expected) <= allowance) typo = true;
  }
  return { correct: typo, typo };
}

/** Words that qualify a number: "最大 10", "up to 10", "at least 30" (whole words). */
const QUALIFIERS =
  '(?<![A-Za-z])(?:最大|最小|最低|最高|約|およそ|up to|at most|at least|within|max\\.?|min\\.?|about|over|under)';
const QUALIFIER_FIRST = new RegExp(`^${QUALIFIERS}\\s*`, 'iu');
const QUALIFIER_LAST = new RegExp(`${QUALIFIERS}\\s*$`, 'iu');
/**
 * A unit printed right after a blank: Japanese counters, %, and Latin units
 * that are not plain words (Gbps, IOPS, GB, ms, vCPU; hours, days and the
 * like by name), so "＿＿＿ and more" gives no unit "and".
 */
const UNIT_AFTER = new RegExp(
  [
    '^\\s*(?:[%％]|時間|日間|日|分|秒|年|か月|ヶ月|カ月|週間|週|回|個|件|つ|倍|台|人|本|枚|文字|行|桁',
    '|(?:[A-Za-z]*[A-Z][A-Za-z]*(?:/[A-Za-z]+)?)',
    '|(?:ms|s|sec|secs|seconds?|min|mins|minutes?|hours?|h|days?|weeks?|months?|years?|times|x)(?![A-Za-z]))',
  ].join(''),
  'u',
);

/**
 * Other ways to type a blank's answer that are just as right: with the unit
 * printed after the blank ("10" + "Gbps" → "10Gbps", "2" + "つ"), with the
 * qualifier printed before it ("最大" + "10"), and for an answer that holds a
 * qualifier, without it ("最大100Gbps" → "100Gbps").
 */
export function withUnits(answer: string, prompt: string): string[] {
  const at = prompt.indexOf(BLANK);
  if (at < 0) return [];
  const after = UNIT_AFTER.exec(prompt.slice(at + BLANK.length))?.[0].trim() ?? '';
  const before = QUALIFIER_LAST.exec(prompt.slice(0, at))?.[0];
  const bare = answer.replace(QUALIFIER_FIRST, '');
  const out = new Set<string>();
  if (bare !== answer && /\p{Nd}/u.test(bare)) out.add(bare);
  // Units and qualifiers go with numbers: "Dedicated Host" + "is" is no unit.
  if (!/\p{Nd}$/u.test(bare)) return [...out];
  if (after) for (const a of [answer, bare]) out.add(`${a}${after}`);
  if (before) for (const unit of ['', after]) out.add(`${before}${answer}${unit}`);
  out.delete(answer);
  return [...out];
}
