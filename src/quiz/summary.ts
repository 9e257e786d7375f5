/**
 * Per-topic counts, pure: cards, progress and `now` come in. Apart from
 * stats.ts (which re-exports it) so that `topics` does not load ts-fsrs
 * (stats.ts needs it for retrievability).
 */

import type { Card } from '../content/model.js';
import { isDue, maturity } from './card-state.js';
import { endOfDay } from './day.js';
import { isSuspended, type ProgressData } from './progress-data.js';

/**
 * One topic's cards as every command counts them (topics, stats, study,
 * review): new / learning / mature, and what is due now and by the end of
 * the learner's day. Where both due counts are shown, both are labelled.
 */

/** The counts of a topic or section before any card is counted. */
export function zeroCounts() {
  return { cards: 0, new: 0, learning: 0, mature: 0, dueNow: 0, dueToday: 0, suspended: 0 };
}

export interface TopicSummary {
  name: string;
  cards: number;
  new: number;
  learning: number;
  mature: number;
  /** Due at `now`: what `review` would ask right away. */
  dueNow: number;
  /** Due by the end of the local day, overdue included: the forecast's "today". */
  dueToday: number;
  /** Set aside by the learner: never asked, so never counted as due. */
  suspended: number;
}

export function topicSummaries(
  topics: readonly string[],
  /** Only each card's id and topic are read (topics counts from the cards index). */
  cards: readonly Pick<Card, 'id' | 'topic'>[],
  progress: ProgressData,
  now: Date,
): TopicSummary[] {
  const endOfToday = endOfDay(now);
  const rows = new Map<string, TopicSummary>();
  for (const name of topics) {
    if (!rows.has(name)) {
      rows.set(name, { name, ...zeroCounts() });
    }
  }
  for (const card of cards) {
    const row = rows.get(card.topic);
    if (!row) continue;
    const state = progress.cards[card.id];
    row.cards += 1;
    row[maturity(state)] += 1;
    if (isSuspended(progress, card.id)) {
      row.suspended += 1;
      continue;
    }
    if (isDue(state, now)) row.dueNow += 1;
    if (isDue(state, endOfToday)) row.dueToday += 1;
  }
  return [...rows.values()];
}
