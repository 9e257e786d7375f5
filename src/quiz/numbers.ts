/**
 * Wrong options for a blanked number: other values of the same unit that
 * the notes give nearby, then round neighbours of the answer (1/3 years,
 * 99.9/99.99 %, 4/8/16 KB), so every option is a number a learner could
 * believe (issue 13, pattern 6). Pure: the rng comes in.
 */
import { BLANK } from '../content/text.js';
import { type Rng, shuffle } from './rng.js';

/** Units a blank can be followed by, longest first; each with the key that compares them. */
const UNIT_KEYS: [RegExp, string][] = [
  [/^(?:IOPS)/u, 'iops'],
  [/^(?:Gbps)/u, 'gbps'],
  [/^(?:Mbps)/u, 'mbps'],
  [/^(?:Kbps)/u, 'kbps'],
  [/^(?:Tbps)/u, 'tbps'],
  [/^(?:GiB|GB)/u, 'gb'],
  [/^(?:MiB|MB)/u, 'mb'],
  [/^(?:TiB|TB)/u, 'tb'],
  [/^(?:KiB|KB)/u, 'kb'],
  [/^(?:PiB|PB)/u, 'pb'],
  [/^(?:ms)(?![A-Za-z])/u, 'ms'],
  [/^(?:時間|hours?|hrs?|h)(?![A-Za-z])/u, 'hour'],
  [/^(?:分|minutes?|mins?)(?![A-Za-z])/u, 'minute'],
  [/^(?:秒|seconds?|secs?|s)(?![A-Za-z])/u, 'second'],
  [/^(?:日|days?)(?![A-Za-z])/u, 'day'],
  [/^(?:週間|weeks?)(?![A-Za-z])/u, 'week'],
  [/^(?:ヶ月|か月|カ月|months?)(?![A-Za-z])/u, 'month'],
  [/^(?:年|years?)(?![A-Za-z])/u, 'year'],
  [/^(?:%|％|percent)/u, 'percent'],
  [/^(?:AZs?)(?![A-Za-z])/u, 'az'],
  [/^(?:件|個|回|倍|台|つ|世代|文字|バイト|times|x|×)/u, 'count'],
];

/** The unit written right after position `at` of `text` (spaces and a hyphen allowed), or undefined. */
export function unitAt(text: string, at: number): string | undefined {
  const rest = text.slice(at).replace(/^[\s-]?/u, '');
  for (const [pattern, key] of UNIT_KEYS) {
    const match = pattern.exec(rest);
    if (match) return key === 'count' ? `count:${match[0]}` : key;
  }
  return undefined;
}

const NUMBER = /(?<![A-Za-z0-9０-９.,])([0-9０-９][0-9０-９,，.]*)/gu;

/** The values with a unit written in `text`: [value, unit key]. */
export function valuesWithUnits(text: string): { value: number; unit: string }[] {
  const out: { value: number; unit: string }[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const raw = (match[1] ?? '').replace(/[.,，]$/u, '');
    const unit = unitAt(text, (match.index ?? 0) + raw.length);
    const value = parseNumber(raw);
    if (unit && Number.isFinite(value)) out.push({ value, unit });
  }
  return out;
}

export function parseNumber(text: string): number {
  return Number(text.normalize('NFKC').replace(/[,，]/gu, ''));
}

/** Round values a person writes: 1, 2, 3, 5, 7, 10, 12, 14, 15, 16, 20, 24, 30 …, powers of two. */
const LADDER: number[] = (() => {
  const set = new Set<number>([7, 14, 35, 45, 72, 90, 180, 365, 3600, 86_400]);
  for (let k = 0; k <= 9; k++)
    for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8]) set.add(Math.round(m * 10 ** k));
  for (let k = 0; k <= 40; k++) set.add(2 ** k);
  return [...set].sort((a, b) => a - b);
})();

/** Values people use for some units: options of one of them look like the answer. */
const SIZES = [
  ...new Set([
    ...Array.from({ length: 21 }, (_, k) => 2 ** k),
    ...[1, 5, 10, 50, 100, 500, 1000, 5000, 10_000, 50_000, 100_000],
  ]),
].sort((a, b) => a - b);
const POOLS: Record<string, number[]> = {
  kb: SIZES,
  mb: SIZES,
  gb: SIZES,
  tb: SIZES,
  pb: SIZES,
  hour: [1, 2, 3, 4, 5, 6, 8, 12, 24, 36, 48, 72, 96, 168],
  minute: [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240],
  second: [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600, 7200],
  day: [1, 2, 3, 5, 7, 10, 14, 15, 30, 35, 45, 60, 90, 120, 180, 365, 730],
  week: [1, 2, 3, 4, 6, 8, 12],
  month: [1, 2, 3, 6, 9, 12, 18, 24],
  year: [1, 2, 3, 5, 7, 10],
};

const NINES = [90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 99.9999, 99.999999999];

/** Round neighbours of a value, nearest (by ratio) first. */
function neighbours(value: number, unit: string): number[] {
  if (unit === 'percent' && value >= 90 && value < 100) {
    return NINES.filter((n) => n !== value).sort(
      (a, b) =>
        Math.abs(Math.log(100 - a) - Math.log(100 - value)) -
        Math.abs(Math.log(100 - b) - Math.log(100 - value)),
    );
  }
  const pool = Number.isInteger(value)
    ? (POOLS[unit] ?? LADDER)
    : [0.1, 0.25, 0.5, 1.5, 2, 3, 4].map((f) => Number((value * f).toPrecision(3)));
  const limit = unit === 'percent' ? 99 : Number.POSITIVE_INFINITY;
  return pool
    .filter((n) => n !== value && n > 0 && n <= limit)
    .sort((a, b) => Math.abs(Math.log(a / value)) - Math.abs(Math.log(b / value)));
}

/** Writes `value` the way `like` is written: thousands separators, full-width digits. */
function formatLike(value: number, like: string): string {
  let text = /[,，]/u.test(like) && value >= 1000 ? value.toLocaleString('en-US') : String(value);
  if (/[０-９]/u.test(like))
    text = text.replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return text;
}

/**
 * Up to `count` wrong numbers for a blank in `prompt` whose answer is
 * `answer`: values of the same unit from `nearby` lines (nearest first, within
 * a factor of 20 of the answer), then round neighbours; never a value printed
 * in the prompt, never the answer. Empty when the blank has no unit.
 */
export function numberDistractors(
  answer: string,
  prompt: string,
  nearby: Iterable<string>,
  count: number,
  rng: Rng,
): string[] {
  const at = prompt.indexOf(BLANK);
  if (at < 0) return [];
  const unit = unitAt(prompt, at + BLANK.length);
  const value = parseNumber(answer);
  if (!unit || !Number.isFinite(value) || value <= 0) return [];
  const shown = new Set(valuesWithUnits(prompt).map((v) => v.value));
  for (const match of prompt.matchAll(NUMBER)) shown.add(parseNumber(match[1] ?? ''));
  const taken = new Set<number>([value, ...shown]);
  const picked: number[] = [];
  const take = (n: number) => {
    if (picked.length >= count || taken.has(n)) return;
    if (Number.isInteger(value) !== Number.isInteger(n)) return;
    taken.add(n);
    picked.push(n);
  };
  // At most half from the notes: their values may be far apart; the rest round neighbours.
  const fromNotes: number[] = [];
  for (const line of nearby) {
    for (const v of valuesWithUnits(line)) {
      if (v.unit !== unit || v.value <= 0) continue;
      const ratio = v.value / value;
      if (ratio > 20 || ratio < 1 / 20) continue;
      if (unit === 'percent' && value >= 90 !== v.value >= 90) continue;
      fromNotes.push(v.value);
    }
    if (fromNotes.length >= 12) break;
  }
  for (const n of shuffle([...new Set(fromNotes)], rng).slice(0, Math.max(1, count - 1))) take(n);
  const close = neighbours(value, unit).slice(0, count + 3);
  for (const n of shuffle(close, rng)) take(n);
  return picked.map((n) => formatLike(n, answer));
}
