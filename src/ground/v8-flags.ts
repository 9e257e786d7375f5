import { setFlagsFromString } from 'node:v8';

/**
 * The V8 flags notes are parsed and carded with: content/library.ts sets them
 * (tuneV8) just before it parses a note or makes cards, before the card rules'
 * patterns are first compiled and before the parse workers start. They hold for
 * the whole process, so for the workers too. Set there, not at start-up:
 * loading node:v8 costs ~4 ms, which a warm `topics` or `study` need not pay.
 * - `--no-regexp-tier-up`: each regular expression is compiled to machine
 *   code on its first use, instead of to bytecode first and to machine code
 *   again once it has run. The card rules test each line with some hundred
 *   patterns, most of which a run uses on many lines: compiling them once
 *   made parse + cards of the shipped notes in a cold process ~25% faster
 *   (bench/RESULTS.md). Matching is the same either way.
 * - `--no-turbo-inlining`: the optimizing compiler does not inline callees.
 *   A first run over many notes is bound by the CPU of two parse workers,
 *   and each worker's isolate compiles the card rules' hot functions on its
 *   own; without inlining that compiling costs far less, and the compiled
 *   rules run about as fast: 100 files cold 6.4–7.7 s → 4.5–5.7 s, user CPU
 *   11.5–13.6 s → 7.9–9.9 s (4 alternating pairs); the cold-process row and
 *   drawing an exam over 150,000 cards did not change.
 */
export const V8_FLAGS: readonly string[] = ['--no-regexp-tier-up', '--no-turbo-inlining'];

/** Sets V8_FLAGS (again is harmless). bench/run.mjs sets them the same way for its cold-process row. */
export function tuneV8(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
