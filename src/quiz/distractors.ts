/**
 * Picks wrong options for a multiple-choice question: unique, non-empty, never
 * the answer (compared width-, case- and space-insensitively), nearest
 * relatives first (the caller orders the tiers), and within a tier those of a
 * similar length first, so no option stands out by its shape. Pure.
 */
import { foldTight } from '../content/text.js';
import type { Rng } from './rng.js';

/**
 * foldTight() and length in characters of candidates, which recur in
 * question after question: NFKC is the costly part, so each is worked out once.
 */
const measured = new Map<string, { key: string; length: number }>();

function measure(text: string): { key: string; length: number } {
  let m = measured.get(text);
  if (m === undefined) {
    m = { key: foldTight(text), length: [...text.trim()].length };
    if (measured.size > 100_000) measured.clear();
    measured.set(text, m);
  }
  return m;
}

/** foldTight(text), remembered. */
export function keyOf(text: string): string {
  return measure(text).key;
}

function lengthGap(la: number, lb: number): number {
  const ratio = Math.max(la, lb) / Math.max(1, Math.min(la, lb));
  return ratio <= 1.6 ? 0 : ratio <= 3 ? 1 : 2;
}

/**
 * `accept`, when given, is asked only about the candidates about to be
 * picked (in pick order), so a costly check (similarity to the answer's
 * section) runs a few times per question, not once per candidate.
 */
export function pickDistractors(
  answer: string,
  tiers: Iterable<readonly string[]>,
  count: number,
  rng: Rng,
  exclude: readonly string[] = [],
  accept?: (candidate: string) => boolean,
): string[] {
  const taken = new Set([answer, ...exclude].map(keyOf));
  const answerLength = [...answer].length;
  const picked: string[] = [];
  if (count <= 0) return picked;
  for (const tier of tiers) {
    // Candidates by how far their length is from the answer's; nearest first.
    const byGap: string[][] = [[], [], []];
    const inTier = new Set<string>();
    for (const candidate of tier) {
      const { key, length } = measure(candidate);
      if (!key || taken.has(key) || inTier.has(key)) continue;
      inTier.add(key);
      byGap[lengthGap(length, answerLength)]?.push(candidate);
    }
    // A seeded random order within each group, drawn lazily (Fisher–Yates one
    // step per pick), so a big tier costs one rng call per option taken.
    for (const group of byGap) {
      for (let i = 0; i < group.length; i++) {
        const j = i + Math.floor(rng() * (group.length - i));
        const text = group[j] as string;
        group[j] = group[i] as string;
        group[i] = text;
        const key = keyOf(text);
        if (taken.has(key)) continue;
        taken.add(key);
        if (accept && !accept(text)) continue;
        picked.push(text.trim());
        if (picked.length >= count) return picked;
      }
    }
  }
  return picked;
}
