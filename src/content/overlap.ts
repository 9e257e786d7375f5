/**
 * How much two lines say the same thing, for the "exactly one defensible
 * answer" rules (issue 13, pattern 7). Pure.
 */
import { BLANK, foldTight, singularOf } from './text.js';

/** Character bigrams of the folded text, punctuation and spaces left out. */
const gramsCache = new Map<string, Set<string>>();
function bigrams(text: string): Set<string> {
  let grams = gramsCache.get(text);
  if (grams) return grams;
  const chars = [...foldTight(text.replaceAll(BLANK, ' ')).replace(/[\p{P}\p{S}]/gu, '')];
  grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  if (chars.length === 1) grams.add(chars[0] ?? '');
  if (gramsCache.size > 100_000) gramsCache.clear();
  gramsCache.set(text, grams);
  return grams;
}

/** Dice coefficient of the character bigrams of two lines: 1 for the same words, 0 for none shared. */
export function similarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  if (ga.size + gb.size === 0) return 0;
  const [small, large] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared += 1;
  return (2 * shared) / (ga.size + gb.size);
}

/** English words any line shares: not content. */
const STOP = new Set(
  (
    'a an the and or but nor of to in on at by for from with without into onto over under ' +
    'is are was were be been being am do does did has have had can could will would shall ' +
    'should may might must not no yes it its this that these those there their they them ' +
    'you your we our i he she his her as if then than so such very more most less least ' +
    'also only just all any each every some other same one per via up out about which who ' +
    'what when where why how use used using uses aws amazon'
  ).split(' '),
);

/**
 * The content words of a line: English words (singular, lower case) that
 * are not function words, and runs of kanji, katakana or Latin in Japanese.
 */
const wordsCache = new Map<string, Set<string>>();
export function contentWords(text: string): Set<string> {
  let words = wordsCache.get(text);
  if (words) return words;
  words = new Set<string>();
  const plain = text.normalize('NFKC').replaceAll(BLANK, ' ');
  for (const m of plain.matchAll(/[A-Za-z][A-Za-z0-9-]*|[0-9]+[A-Za-z%]*/gu)) {
    const word = m[0].toLowerCase();
    if (STOP.has(word) || word.length < 2) continue;
    words.add((singularOf(m[0]) ?? m[0]).toLowerCase());
  }
  for (const m of plain.matchAll(/[\p{Script=Han}々]{2,}|[\p{Script=Katakana}ー]{2,}/gu)) {
    words.add(m[0]);
  }
  if (wordsCache.size > 100_000) wordsCache.clear();
  wordsCache.set(text, words);
  return words;
}

/**
 * The share of the smaller line's content words that the other line has
 * too (0–1). Two lines with fewer than two content words in common score 0:
 * one shared term is a topic, not the same statement.
 */
export function wordOverlap(a: string, b: string): number {
  const wa = contentWords(a);
  const wb = contentWords(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared += 1;
  return shared < 2 ? 0 : shared / small.size;
}

/**
 * At this share of shared content words, two lines may say the same thing.
 * Only containment: "Stores data in a single Availability Zone" and "… in at
 * least three Availability Zones" share 4 of 5 words and say the opposite.
 */
export const SAME_WORDS = 1;

/**
 * True when two lines may state the same thing: close in characters
 * (see questions.ts SAME_FACT_SIMILARITY) or sharing most content words.
 */
export function sameFact(a: string, b: string, chars = 0.5): boolean {
  if (contrasts(a, b)) return false;
  return similarity(a, b) >= chars || wordOverlap(a, b) >= SAME_WORDS;
}

/** Counts and quantities: two lines that differ in one of them say different things. */
const QUANTITY =
  /^(?:[0-9０-９][0-9０-９.,]*|single|one|two|three|four|five|six|multiple|many|several|no|none|all|every|least|most|only|never|always|単一|複数|一つ|二つ|三つ|全て|すべて|なし|不可|可能|最大|最小)$/u;

const quantitiesCache = new Map<string, Set<string>>();
function quantities(text: string): Set<string> {
  // sameFact compares each line with many others: its quantities are read once.
  let found = quantitiesCache.get(text);
  if (found) return found;
  found = computeQuantities(text);
  if (quantitiesCache.size > 100_000) quantitiesCache.clear();
  quantitiesCache.set(text, found);
  return found;
}

function computeQuantities(text: string): Set<string> {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[a-z]+|[0-9][0-9.,]*|単一|複数|一つ|二つ|三つ|全て|すべて|なし|不可|可能|最大|最小/gu);
  return new Set((words ?? []).filter((w) => QUANTITY.test(w)));
}

/** "a single Availability Zone" / "at least three Availability Zones": alike in words, opposite in fact. */
function contrasts(a: string, b: string): boolean {
  const qa = quantities(a);
  const qb = quantities(b);
  for (const q of qa) if (!qb.has(q)) return true;
  for (const q of qb) if (!qa.has(q)) return true;
  return false;
}
