/**
 * Text comparison for cards and grading: width-, case- and space-insensitive.
 * Pure.
 */

import { codePointLength } from '../ground/chars.js';

/** NFKC + lower case + ASCII/full-width spaces collapsed: `ＡＷＳ　Ｌａｍｂｄａ` → `aws lambda`. */
export function fold(text: string): string {
  // The card rules fold the same headings and lines again and again (three times each on average).
  let folded = folds.get(text);
  if (folded === undefined) {
    folded = text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
    if (folds.size > 50_000) folds.clear();
    folds.set(text, folded);
  }
  return folded;
}
const folds = new Map<string, string>();

/** fold() without any spaces or invisible format characters, for comparing Japanese and squeezed forms. */
export function foldTight(text: string): string {
  return fold(text).replace(/[\s\p{Cf}]/gu, '');
}

const SEPARATORS = /[\s()（）「」『』【】[\]<>〈〉《》・,，、。/／:：;；'"“”‘’`]+/u;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
/** English words a heading shares with any sentence ("Security groups and NACLs"): never masked. */
const STOPWORDS = new Set(
  'a an and are as at be by for from in into is it not of on or than the to vs with without'.split(
    ' ',
  ),
);

/**
 * The distinctive words of a heading, longest first: the heading itself, its
 * parts between brackets and separators, and within those the runs of one
 * script (`EC2のライフサイクル` → `EC2`, `ライフサイクル`; not with `runs: false`).
 * Particles and single characters are not words.
 */
const wordsCache = new Map<string, string[]>();

export function headingWords(title: string, options: { runs?: boolean } = {}): string[] {
  const runs = options.runs ?? true;
  const cacheKey = `${runs ? 1 : 0}${title}`;
  const cached = wordsCache.get(cacheKey);
  if (cached) return cached;
  const result = computeHeadingWords(title, runs);
  if (wordsCache.size > 50_000) wordsCache.clear();
  wordsCache.set(cacheKey, result);
  return result;
}

function computeHeadingWords(title: string, runs: boolean): string[] {
  const words = new Set<string>();
  const add = (word: string) => {
    const folded = fold(word);
    if (codePointLength(folded) < 2 || HIRAGANA_ONLY.test(folded) || STOPWORDS.has(folded)) return;
    words.add(folded);
    // An English plural also names its singular: "Endpoints" gives away "Gateway endpoint".
    const singular = singularOf(word.trim());
    if (singular) words.add(fold(singular));
  };
  add(title);
  for (const part of title.split(SEPARATORS)) {
    add(part);
    if (!runs) continue;
    for (const run of part.match(/[\p{Script=Latin}\p{N}_.@-]+|[^\p{Script=Latin}\p{N}_.@-]+/gu) ??
      []) {
      add(run);
    }
  }
  return [...words].sort((a, b) => b.length - a.length);
}

/**
 * The singular of an English plural word (`Endpoints`, `NACLs`, `Policies`,
 * `Databases`, `Boxes`), or undefined: not for acronyms (`IOPS`, `AWS`), words that only
 * end in s (`Access`, `Status`, `Analysis`), or phrases.
 */
export function singularOf(word: string): string | undefined {
  // Most words do not end in a lower-case s: no pattern needs to read them.
  if (word.charCodeAt(word.length - 1) !== 0x73) return undefined;
  if (!/^[A-Za-z][A-Za-z0-9-]*[A-Za-z]s$/.test(word) || /(?:ss|us|is)$/i.test(word))
    return undefined;
  const singular = /[^aeiou]ies$/i.test(word)
    ? `${word.slice(0, -3)}y`
    : /(?:ch|sh|x|ss)es$/i.test(word)
      ? word.slice(0, -2)
      : word.slice(0, -1);
  return singular.length >= 3 ? singular : undefined;
}

/** The mask put where an answer was. */
export const BLANK = '＿＿＿';

/**
 * Replaces every occurrence of the given (folded) words in text, compared
 * width- and case-insensitively, by BLANK. Returns the text unchanged when
 * nothing matches.
 */
export function maskWords(
  text: string,
  words: string[],
  options: { wholeWords?: boolean } = {},
): string {
  const wholeWords = options.wholeWords ?? true;
  if (words.length === 0) return text;
  const whole = text.normalize('NFKC').toLowerCase();
  if (!words.some((word) => word && whole.includes(word))) return text;
  // Where each folded character came from. Folding almost always keeps the
  // length (full-width Ａ → a): then positions match one to one.
  let folded = whole;
  let origin: number[];
  if (whole.length === text.length) {
    origin = Array.from({ length: text.length + 1 }, (_, i) => i);
  } else {
    folded = '';
    origin = [];
    let offset = 0;
    for (const ch of text) {
      const f = ch.normalize('NFKC').toLowerCase();
      for (let k = 0; k < f.length; k++) origin.push(offset);
      folded += f;
      offset += ch.length;
    }
    origin.push(text.length);
  }
  const hits: [number, number][] = [];
  const taken = new Array<boolean>(folded.length).fill(false);
  for (const word of words) {
    if (!word) continue;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(word, from);
      if (at < 0) break;
      from = at + word.length;
      let free = true;
      for (let k = at; k < at + word.length; k++) if (taken[k]) free = false;
      if (!free) continue;
      if (wholeWords && !wholeWordAt(folded, at, word.length)) continue;
      for (let k = at; k < at + word.length; k++) taken[k] = true;
      hits.push([origin[at] ?? 0, origin[at + word.length] ?? text.length]);
    }
  }
  if (hits.length === 0) return text;
  hits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [start, end] of hits) {
    if (start < last) continue;
    out += text.slice(last, start) + BLANK;
    last = end;
  }
  return out + text.slice(last);
}

const WORD_CHAR = /[\p{Script=Latin}\p{N}_]/u;

/**
 * A word matches only as a whole word at its Latin edges: `one` does not match
 * inside `Zone`, `IP` not inside `EIP`; a Japanese word matches inside
 * Japanese text, where words are not separated.
 */
function wholeWordAt(text: string, at: number, length: number): boolean {
  const first = text[at] ?? '';
  const last = text[at + length - 1] ?? '';
  const before = text[at - 1] ?? ' ';
  const after = text[at + length] ?? ' ';
  if (WORD_CHAR.test(first) && WORD_CHAR.test(before)) return false;
  if (WORD_CHAR.test(last) && WORD_CHAR.test(after)) return false;
  return true;
}

/** True when `answer` shows in text as a whole word (compared folded, spaces ignored). */
export function leaksWord(text: string, answer: string): boolean {
  const a = fold(answer);
  if (!a) return false;
  return maskWords(text, [a], { wholeWords: true }) !== text;
}

/** True when text still shows any of the words (compared folded, spaces ignored). */
export function leaks(text: string, answer: string): boolean {
  const a = foldTight(answer);
  return a.length > 0 && foldTight(text).includes(a);
}

export function isUrl(text: string): boolean {
  return /^(?:<)?(?:https?|ftp):\/\/\S+(?:>)?$/i.test(text.trim());
}

/** One markdown link or image as written: `[text](url)`, `![alt](url "title")`, `[text][ref]`, `<url>`. */
const LINK_SYNTAX =
  /!?\[[^\]\n]*\](?:\([^)\s]*(?:\s+"[^"]*")?\)|\[[^\]\n]*\])|<(?:https?|ftp):\/\/[^>\s]+>|(?:https?|ftp):\/\/\S+/giu;

/**
 * True when text is nothing but links, images or URLs (and the spaces and
 * punctuation between them): a reference to read elsewhere, not a statement.
 * Works on text that still holds the markdown syntax; the parser flattens a
 * parsed link to its text, so it has to mark such lines itself.
 */
export function isReference(text: string): boolean {
  // Most lines hold no link, image or URL at all: three native searches tell, no trim, no pattern.
  if (!text.includes('://') && !text.includes('[') && !text.includes('<')) return false;
  const trimmed = text.trim();
  if (!trimmed) return false;
  if (isUrl(trimmed)) return true;
  const rest = trimmed.replace(LINK_SYNTAX, '');
  return rest !== trimmed && /^[\s\p{P}\p{S}]*$/u.test(rest);
}
