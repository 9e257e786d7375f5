/**
 * Blanks and meanings that answer themselves (issue 13, round 3: LEAK,
 * LABEL-AS-TERM, SYNONYM). Pure text rules, used by cards.ts:
 * - a number blank that the rest of its line gives: one value of a listed
 *   series ("1／10／＿＿＿Gbps"), worked out from two other values
 *   ("300 TPS without batches, batches of ＿＿＿ give 3,000/s") or spelled out
 *   in words ("＿＿＿%（イレブンナイン）", "four nines");
 * - a meaning that only lists names ("MySQL, PostgreSQL, MariaDB …"): no
 *   definition, any label of the list fits it;
 * - a meaning that gives the term's other names ("also called …", "…ともいう"):
 *   each alias is another right answer, so that sentence is left out.
 */

import { codePointLength } from '../ground/chars.js';
import { mayHold, quick } from './regex.js';
import { isJapanese } from './statement.js';

const NUMBER = /(?<![A-Za-z0-9０-９Ａ-Ｚａ-ｚ.,])[0-9０-９][0-9０-９,，.]*/gu;

interface Value {
  start: number;
  end: number;
  value: number;
}

function valuesOf(text: string): Value[] {
  const out: Value[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const raw = match[0].replace(/[.,，]+$/u, '');
    const start = match.index ?? 0;
    const value = Number(raw.normalize('NFKC').replace(/[,，]/gu, ''));
    if (Number.isFinite(value)) out.push({ start, end: start + raw.length, value });
  }
  return out;
}

/** What may stand between two values of one series: a separator, with the unit repeated before it. */
const SERIES_GAP =
  /^\s*(?:[A-Za-z%％]{1,5}|[時間日分秒年個件回])?\s*(?:[/／、,，・]|,?\s*(?:or|and)\b|または|か)\s*$/u;

/**
 * True when the number at [start, end) is one value of a series of three or
 * more listed in the line ("1／10／100Gbps", "4, 8, 16 KB"): the others show
 * the step, and the blank is the next or the missing one.
 */
export function inSeries(text: string, start: number, end: number): boolean {
  const values = valuesOf(text);
  const at = values.findIndex((v) => v.start === start && v.end === end);
  if (at < 0) return false;
  const joined = (a: Value | undefined, b: Value | undefined) =>
    a !== undefined && b !== undefined && SERIES_GAP.test(text.slice(a.end, b.start));
  let first = at;
  while (first > 0 && joined(values[first - 1], values[first])) first -= 1;
  let last = at;
  while (last < values.length - 1 && joined(values[last], values[last + 1])) last += 1;
  return last - first + 1 >= 3;
}

const WORDS_EN = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const WORDS_JA = [
  'ゼロ',
  'ワン',
  'ツー',
  'スリー',
  'フォー',
  'ファイブ',
  'シックス',
  'セブン',
  'エイト',
  'ナイン',
  'テン',
  'イレブン',
  'トゥエルブ',
];

/**
 * True when the number at [start, end) is spelled out in words elsewhere in
 * its line: "99.999999999%（イレブンナイン）", "four nines (99.99%)", "11 9's",
 * "twelve (12) months". The words give the value, so the blank asks nothing.
 */
export function spelledInWords(text: string, start: number, end: number): boolean {
  const raw = text.slice(start, end).normalize('NFKC').replace(/[,，]/gu, '');
  const rest = `${text.slice(0, start)} ${text.slice(end)}`;
  // "eleven 9s", "11 9's": the 9 is the word for the digit, no value to ask.
  if (raw === '9' && /^['’]?s\b/u.test(text.slice(end))) return true;
  // A run of nines (99.99, 99.999999999) is told by how many nines it has.
  if (/^9+(?:\.9+)?$/u.test(raw)) {
    const nines = raw.replace(/\./gu, '').length;
    const en = WORDS_EN[nines];
    const ja = WORDS_JA[nines];
    const count = `(?:${nines}${en ? `|${en}` : ''})`;
    if (new RegExp(`(?<![0-9A-Za-z])${count}[\\s-]*(?:9'?s|nines)\\b`, 'iu').test(rest))
      return true;
    if (ja && new RegExp(`${ja}[・\\s]?ナイン`, 'u').test(rest)) return true;
    if (new RegExp(`9が${nines}(?:個|つ)|${nines}(?:個|つ)の9`, 'u').test(rest)) return true;
  }
  // "twelve (12) months": an English number word of the same value next to it.
  const value = Number(raw);
  const word = Number.isInteger(value) && value >= 2 ? WORDS_EN[value] : undefined;
  // (Only a line with the word is searched: see gated().)
  return (
    word !== undefined &&
    mayHold(rest, [word], true) &&
    new RegExp(`\\b${word}\\b`, 'iu').test(rest)
  );
}

/**
 * True when the number at [start, end) is the product or the quotient of two
 * other values of its line, both 10 or more (300 and 3,000 give 10).
 */
export function derivedByArithmetic(text: string, start: number, end: number): boolean {
  const values = valuesOf(text);
  const blank = values.find((v) => v.start === start && v.end === end);
  if (!blank || blank.value <= 1) return false;
  const others = values
    // Small values multiply by chance (3 × 5 = 15 among retention tiers): two of them prove nothing.
    .filter((v) => v !== blank && v.value >= 10 && v.value !== blank.value)
    .map((v) => v.value);
  const same = (a: number, b: number) => Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b));
  // "90% to v3 and ＿＿＿% to v4": the shares of one whole, the other share given (round 13).
  if (isPercent(text, end)) {
    const shares = values.filter((v) => v !== blank && isPercent(text, v.end));
    if (shares.length === 1 && same((shares[0]?.value ?? 0) + blank.value, 100)) return true;
  }
  // "5つ（先頭4つ＋最後の1つ）": a sum spelled out on the line (held-out notes, round 15: LEAK).
  if (/[+＋]/u.test(text)) {
    const rest = values.filter((v) => v !== blank).map((v) => v.value);
    for (let i = 0; i < rest.length; i++)
      for (let j = 0; j < rest.length; j++) {
        const x = rest[i] ?? 0;
        const y = rest[j] ?? 0;
        if (i !== j && (same(x + y, blank.value) || same(x + blank.value, y))) return true;
      }
  }
  for (let i = 0; i < others.length; i++)
    for (let j = 0; j < others.length; j++) {
      if (i === j) continue;
      const x = others[i] ?? 0;
      const y = others[j] ?? 0;
      if (same(x * y, blank.value) || same(x * blank.value, y)) return true;
    }
  return false;
}

/** The value ending at `end` is a percentage ("90%", "90 %", "９０％"). */
function isPercent(text: string, end: number): boolean {
  return /^\s?[%％]/u.test(text.slice(end, end + 2));
}

const LIST_END =
  /\s*(?:など|等|ほか|…|\.\.\.|,?\s*etc\.?|and (?:more|others|so on))\s*[。.]?\s*$/iu;

/** One name of a list: no kana phrase, at most three words, no sentence. */
function isListedName(item: string): boolean {
  const text = item.trim().replace(/^(?:and|or)\s+/iu, '');
  if (text.length === 0 || codePointLength(text) > 30) return false;
  if (/[\p{Script=Hiragana}]/u.test(text.replace(/^[をはがの]/u, ''))) return false;
  if (/[。.!?！？:：]$/u.test(text) || /[。：:]/u.test(text)) return false;
  // "short workloads", "Managed Redis OSS": words that say something, not a name.
  if (!/[\p{Lu}\p{N}]|[^\p{Script=Latin}\s\p{P}]/u.test(text)) return false;
  if (/^(?:managed|fully|serverless|hosted|self-managed|open-source)\b/iu.test(text)) return false;
  return text.split(/\s+/u).length <= 2;
}

/**
 * True when a meaning only lists names, with nothing said of them
 * ("SQS、Lambda、HTTP/S、Eメール、SMS など", "MySQL, PostgreSQL, MariaDB"):
 * every line is such a list of three or more names (two with "など").
 */
export function isNameList(meaning: string): boolean {
  const lines = meaning
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return false;
  return lines.every((line) => {
    const open = LIST_END.test(line);
    const body = line.replace(LIST_END, '');
    const items = body.split(/\s*[、,，]\s*|\s+(?:and|or)\s+/u).filter((item) => item.trim());
    return items.length >= (open ? 2 : 3) && items.every(isListedName);
  });
}

/** Words that give another name of the thing defined. */
const ALIAS = quick(
  /とも(?:いう|言う|いい|言い|呼ぶ|呼ばれる|呼ばれ|書く)|別名|略称|\balso (?:called|known as|named|referred to as)\b|\ba\.?k\.?a\.?(?=\s)|\bor simply\b/iu,
);

/**
 * The meaning without the sentences or brackets that give the term's other
 * names ("「Amazon提供DNS」ともいう", "(also called X)"): an alias is one more
 * right answer to type. Unchanged when none is given.
 */
export function withoutAliases(meaning: string): string {
  if (!ALIAS.test(meaning)) return meaning;
  return meaning
    .split('\n')
    .map((line) =>
      line
        // ", also called X", "、別名X": only the clause goes.
        .replace(
          /[,、]\s*(?:also (?:called|known as|named|referred to as)|a\.?k\.?a\.?|別名)\s*[^,.;、。]*/giu,
          '',
        )
        // "(also called X)", "（別名X）": only the aside goes.
        .replace(/\s*[(（][^()（）]*[)）]/gu, (aside) => (ALIAS.test(aside) ? '' : aside))
        // A sentence that names the alias goes whole.
        .split(/(?<=[。．！？])\s*|(?<=[.!?])\s+/u)
        .filter((sentence) => !ALIAS.test(sentence))
        .join(isJapanese(line) ? '' : ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');
}

/** Words too common in these notes to tell a typed answer ("Amazon", "サービス"). */
const COMMON_WORDS = new Set([
  'amazon',
  'aws',
  'service',
  'services',
  'サービス',
  'インスタンス',
  'instance',
  'instances',
  'データ',
  'ユーザー',
  'リソース',
  'ポリシー',
]);

/**
 * A word of four or more characters (a katakana run or a Latin word) of a
 * typed answer that stands in its line: "…メトリクスにするのが ＿＿＿ です" →
 * メトリクスフィルター. With no options to choose from, the word is half of
 * what the learner types. Very common words ("Amazon", "サービス", "ポリシー") tell nothing.
 */
export function typedWordGivenAway(text: string, answer: string): boolean {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase();
  const name = fold(answer);
  const line = fold(text);
  const words = line.match(/[\p{Script=Katakana}ー]{4,}|[a-z][a-z0-9]{3,}/gu) ?? [];
  if (words.some((word) => !/^ー+$/u.test(word) && !COMMON_WORDS.has(word) && name.includes(word)))
    return true;
  // "counted" on the line of the answer "count filter": a word of it opens a word there.
  return (name.match(/[a-z][a-z0-9]{3,}/gu) ?? []).some(
    (word) =>
      !COMMON_WORDS.has(word) &&
      line.includes(word) &&
      new RegExp(`(?<![a-z0-9])${word}`, 'u').test(line),
  );
}
