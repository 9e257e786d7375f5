/**
 * Parsed files → a deck, and the family relations (parent, siblings, depth)
 * that card ids and distractors need. Pure.
 */
import type { Deck, ParsedFile, Section } from './model.js';
import { sectionRef, walk } from './model.js';

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
 * Sections other than `of`, nearest relatives first, as tiers: siblings; the
 * same depth in the same topic; the rest of the topic; other topics. Lazy, so
 * a caller that has enough candidates never scans the whole deck. Ancestors
 * and descendants of `of` are never included.
 */
export function* relativeTiers(index: DeckIndex, of: Located): Generator<Section[]> {
  const mine = (s: Section) => !sameBranch(s, of.section);
  yield (of.parent?.children ?? index.deck.topics).filter(mine);
  const topic = sectionsOf(of.topic).filter((s) => mine(s) && !of.parent?.children.includes(s));
  yield topic.filter((s) => s.depth === of.section.depth);
  yield topic.filter((s) => s.depth !== of.section.depth);
  if (!of.parent) return;
  yield index.all.filter((o) => o.topic !== of.topic).map((o) => o.section);
}

export function sectionsOf(topic: Section): Section[] {
  const out: Section[] = [];
  walk(topic, (section) => out.push(section));
  return out;
}
