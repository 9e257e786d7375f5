/**
 * Picks wrong options for a multiple-choice question: unique, non-empty, never
 * the answer (compared width-, case- and space-insensitively), nearest
 * relatives first (the caller orders the tiers), and within a tier those of a
 * similar length first, so no option stands out by its shape. Pure.
 */
import { foldTight } from '../content/text.js';
import { type Rng, shuffle } from './rng.js';

function lengthGap(a: string, b: string): number {
  const la = [...a].length;
  const lb = [...b].length;
  const ratio = Math.max(la, lb) / Math.max(1, Math.min(la, lb));
  return ratio <= 1.6 ? 0 : ratio <= 3 ? 1 : 2;
}

export function pickDistractors(
  answer: string,
  tiers: Iterable<readonly string[]>,
  count: number,
  rng: Rng,
  exclude: readonly string[] = [],
): string[] {
  const taken = new Set([answer, ...exclude].map(foldTight));
  const picked: string[] = [];
  if (count <= 0) return picked;
  for (const tier of tiers) {
    const fresh: string[] = [];
    const inTier = new Set<string>();
    for (const candidate of tier) {
      const key = foldTight(candidate);
      if (!key || taken.has(key) || inTier.has(key)) continue;
      inTier.add(key);
      fresh.push(candidate.trim());
    }
    const ordered = shuffle(fresh, rng)
      .map((text, order) => ({ text, order, gap: lengthGap(text, answer) }))
      .sort((a, b) => a.gap - b.gap || a.order - b.order);
    for (const { text } of ordered) {
      picked.push(text);
      taken.add(foldTight(text));
      if (picked.length >= count) return picked;
    }
  }
  return picked;
}
