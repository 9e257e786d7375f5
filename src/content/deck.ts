/**
 * Parsed files → a deck, and the family relations (parent, siblings, depth)
 * that card ids and distractors need. Pure.
 */
import type { Deck, ParsedFile, Section } from './model.js';
import { sectionRef } from './model.js';

export function buildDeck(files: ParsedFile[]): Deck {
  return {
    topics: files.flatMap((file) => file.topics),
    diagnostics: files.flatMap((file) => file.diagnostics),
  };
}

export interface Located {
  section: Section;
  topic: Section;
  parent: Section | undefined;
  /** Position in note order over the whole deck (for ordering new cards). */
  order: number;
}

export interface DeckIndex {
  deck: Deck;
  /** Every section in note order. */
  all: Located[];
  byRef: Map<string, Located>;
}

export function indexDeck(deck: Deck): DeckIndex {
  const all: Located[] = [];
  const byRef = new Map<string, Located>();
  for (const topic of deck.topics) {
    const visit = (section: Section, parent: Section | undefined) => {
      const located: Located = { section, topic, parent, order: all.length };
      all.push(located);
      // A topic title repeated in another file keeps its first sections reachable.
      const ref = sectionRef(section);
      if (!byRef.has(ref)) byRef.set(ref, located);
      for (const child of section.children) visit(child, section);
    };
    visit(topic, undefined);
  }
  return { deck, all, byRef };
}

/** True when a is b, or an ancestor or descendant of b (same branch of one topic). */
export function sameBranch(a: Section, b: Section): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.key.length <= b.key.length ? [a, b] : [b, a];
  return shorter.key.every((segment, index) => longer.key[index] === segment);
}

/**
 * A tier larger than this is sampled (with the caller's seeded rng) rather
 * than scanned whole, so that making one question costs the same in a deck of
 * 10 notes or 10,000: at most this many sections per tier.
 */
export const TIER_SAMPLE = 24;

/** Where each topic's sections lie in `index.all` (topics are contiguous there). Built once per index. */
interface Ranges {
  /** Topic → [first, end) in index.all. */
  topic: Map<Section, [number, number]>;
}
const rangesCache = new WeakMap<DeckIndex, Ranges>();

function rangesOf(index: DeckIndex): Ranges {
  let ranges = rangesCache.get(index);
  if (ranges) return ranges;
  ranges = { topic: new Map() };
  let i = 0;
  while (i < index.all.length) {
    const topic = index.all[i]?.topic;
    let end = i + 1;
    while (end < index.all.length && index.all[end]?.topic === topic) end += 1;
    if (topic && !ranges.topic.has(topic)) ranges.topic.set(topic, [i, end]);
    i = end;
  }
  rangesCache.set(index, ranges);
  return ranges;
}

/**
 * Up to `limit` items of `size` (read through `at`) that `keep` accepts. All
 * of them, in order, when there are few; otherwise a seeded random sample
 * (probing random positions, so the cost is O(limit), not O(size)).
 */
function bounded<T>(
  size: number,
  at: (i: number) => T | undefined,
  keep: (item: T) => boolean,
  limit: number,
  rng: (() => number) | undefined,
): T[] {
  const out: T[] = [];
  if (!rng || size <= limit * 2) {
    for (let i = 0; i < size; i++) {
      const item = at(i);
      if (item !== undefined && keep(item)) out.push(item);
    }
    if (!rng || out.length <= limit) return out;
    // Few positions but many kept: a sample of the kept ones, in note order.
    const chosen = new Set<number>();
    while (chosen.size < limit) chosen.add(Math.floor(rng() * out.length));
    return [...chosen].sort((a, b) => a - b).map((i) => out[i] as T);
  }
  const seen = new Set<number>();
  for (let attempt = 0; attempt < limit * 4 && out.length < limit; attempt++) {
    const i = Math.floor(rng() * size);
    if (seen.has(i)) continue;
    seen.add(i);
    const item = at(i);
    if (item !== undefined && keep(item)) out.push(item);
  }
  return out;
}

/**
 * The sections a caller can use, in note order (a subset of `index.all`,
 * e.g. the sections that have fact lines), so that sampling never wastes its
 * probes on sections that give nothing.
 */
export interface Pool {
  list: Located[];
  has: (section: Section) => boolean;
}

/** First position in `list` (note order) at or after `order`. */
function lowerBound(list: Located[], order: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.order ?? 0) < order) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sections other than `of`, nearest relatives first, as tiers: siblings; the
 * same depth in the same topic; the rest of the topic; other topics. Lazy, so
 * a caller that has enough candidates never looks at the far tiers. Ancestors
 * and descendants of `of` are never included.
 *
 * With an rng, every tier is bounded: a tier of more than `limit` sections
 * is a seeded sample of that many, so the cost per question does not grow
 * with the deck (the same seed gives the same sample). With a pool, only the
 * pool's sections are given.
 */
export function* relativeTiers(
  index: DeckIndex,
  of: Located,
  rng?: () => number,
  pool?: Pool,
  limit = TIER_SAMPLE,
): Generator<Section[]> {
  const mine = (s: Section) => !sameBranch(s, of.section);
  const siblings = of.parent?.children ?? index.deck.topics;
  const inPool = pool ? (s: Section) => mine(s) && pool.has(s) : mine;
  yield bounded(siblings.length, (i) => siblings[i], inPool, limit, rng);
  const list = pool?.list ?? index.all;
  const [topicStart, topicEnd] = rangesOf(index).topic.get(of.topic) ?? [0, 0];
  const first = pool ? lowerBound(list, topicStart) : topicStart;
  const end = pool ? lowerBound(list, topicEnd) : topicEnd;
  const inTopic = (i: number) => list[first + i]?.section;
  const cousin = (s: Section) =>
    mine(s) && !(of.parent && s.key.length === of.section.key.length && sameBranch(of.parent, s));
  const depth = of.section.depth;
  yield bounded(end - first, inTopic, (s) => cousin(s) && s.depth === depth, limit, rng);
  yield bounded(end - first, inTopic, (s) => cousin(s) && s.depth !== depth, limit, rng);
  if (!of.parent) return;
  // Other topics: every position of the list outside this topic's range.
  const far = (i: number) => list[i < first ? i : i + (end - first)]?.section;
  yield bounded(list.length - (end - first), far, () => true, limit, rng);
}
