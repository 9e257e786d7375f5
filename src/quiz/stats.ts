/**
 * Progress → statistics. Pure: cards, progress and `now` come in. Days are
 * the learner's local days (the process time zone), never UTC days.
 */

import type { Card } from '../content/model.js';
import { isDue, maturity } from './card-state.js';
import { dayStart, endOfDay, localDate } from './day.js';
import {
  type ExamRecord,
  FLAG_CORRECT,
  FLAG_EXAM,
  isSuspended,
  type ProgressData,
} from './progress-data.js';
import { DEFAULT_RETENTION } from './retention.js';
import { retrievability } from './scheduler.js';
import { type TopicSummary, topicSummaries, zeroCounts } from './summary.js';

export { type TopicSummary, topicSummaries } from './summary.js';

export interface TopicStats extends TopicSummary {
  /** Share of right answers in the last 30 days (0–1), null with none. */
  accuracy: number | null;
}

export interface DayCount {
  /** Local date, YYYY-MM-DD. */
  date: string;
  count: number;
}

export interface WeakCard {
  id: string;
  topic: string;
  path: string[];
  kind: string;
  lapses: number;
  /** Wrong answers in the last 30 days, in study and exams (lapses count only forgotten mature reviews). */
  misses: number;
  retrievability: number;
}

export interface StatsReport {
  /** Study answers ever given (exam answers are counted under exams). */
  reviews: number;
  /** Days in a row, up to today, with at least one study answer (today may still be empty). */
  streak: number;
  longestStreak: number;
  today: number;
  week: number;
  topics: TopicStats[];
  total: Omit<TopicStats, 'name'>;
  /** Cards due per local day for the next 14 days; the first day includes overdue cards. */
  forecast: DayCount[];
  /** Study answers per local day over the last 20 weeks, oldest first, ending today. */
  heatmap: DayCount[];
  /** The weakest card of each of the weakest sections: most misses, then lapses, then lowest retrievability. */
  weakest: WeakCard[];
  exams: ExamRecord[];
}

export const ACCURACY_DAYS = 30;
export const FORECAST_DAYS = 14;
export const HEATMAP_WEEKS = 20;
export const WEAKEST = 10;

function streaks(days: Set<string>, now: Date): { current: number; longest: number } {
  let current = 0;
  // Today without an answer yet does not break the streak.
  let offset = days.has(localDate(now)) ? 0 : -1;
  while (days.has(localDate(dayStart(now, offset)))) {
    current += 1;
    offset -= 1;
  }
  const sorted = [...days].sort();
  let longest = 0;
  let run = 0;
  let previous: string | undefined;
  for (const day of sorted) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const yesterday = localDate(new Date(y, m - 1, d - 1));
    run = previous === yesterday ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return { current, longest: Math.max(longest, current) };
}

export function computeStats(input: {
  topics: string[];
  cards: readonly Card[];
  progress: ProgressData;
  now: Date;
}): StatsReport {
  const { progress, now } = input;
  const topicOf = new Map(input.cards.map((card) => [card.id, card.topic]));
  const rows = new Map<string, TopicStats>(
    topicSummaries(input.topics, input.cards, progress, now).map((row) => [
      row.name,
      { ...row, accuracy: null },
    ]),
  );

  const since = dayStart(now, -(ACCURACY_DAYS - 1)).getTime();
  const right = new Map<string, { right: number; total: number }>();
  const perDay = new Map<string, number>();
  let reviews = 0;
  const misses = new Map<string, number>();
  for (const [id, time, , , , flags] of progress.log) {
    if (!(flags & FLAG_CORRECT) && time >= since && time <= now.getTime()) {
      misses.set(id, (misses.get(id) ?? 0) + 1);
    }
    if (flags & FLAG_EXAM) continue;
    reviews += 1;
    const day = localDate(time);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    const topic = topicOf.get(id);
    if (!topic || time < since || time > now.getTime()) continue;
    const tally = right.get(topic) ?? { right: 0, total: 0 };
    tally.total += 1;
    if (flags & FLAG_CORRECT) tally.right += 1;
    right.set(topic, tally);
  }
  for (const row of rows.values()) {
    const tally = right.get(row.name);
    row.accuracy = tally && tally.total > 0 ? tally.right / tally.total : null;
  }

  const topics = [...rows.values()];
  const sum = (
    key: 'cards' | 'new' | 'learning' | 'mature' | 'dueNow' | 'dueToday' | 'suspended',
  ) => topics.reduce((total, row) => total + row[key], 0);
  const allTallies = [...right.values()].reduce(
    (acc, tally) => ({ right: acc.right + tally.right, total: acc.total + tally.total }),
    { right: 0, total: 0 },
  );

  const forecast: DayCount[] = [];
  for (let offset = 0; offset < FORECAST_DAYS; offset++) {
    forecast.push({ date: localDate(dayStart(now, offset)), count: 0 });
  }
  const horizon = dayStart(now, FORECAST_DAYS).getTime();
  for (const card of input.cards) {
    const state = progress.cards[card.id];
    if (!state || state.state === 0 || state.due >= horizon) continue;
    const index =
      state.due <= now.getTime() ? 0 : forecast.findIndex((d) => d.date === localDate(state.due));
    const day = forecast[Math.max(0, index)];
    if (day) day.count += 1;
  }

  const heatmap: DayCount[] = [];
  for (let offset = -(HEATMAP_WEEKS * 7 - 1); offset <= 0; offset++) {
    const date = localDate(dayStart(now, offset));
    heatmap.push({ date, count: perDay.get(date) ?? 0 });
  }

  const sectionOf = new Map(input.cards.map((card) => [card.id, card.section]));
  const weakest: WeakCard[] = input.cards
    .filter((card) => {
      const state = progress.cards[card.id];
      // Studied, or missed in an exam (which leaves the schedule alone).
      return (state !== undefined && state.state !== 0) || misses.has(card.id);
    })
    .map((card) => {
      const state = progress.cards[card.id];
      return {
        id: card.id,
        topic: card.topic,
        path: card.path,
        kind: card.kind,
        lapses: state?.lapses ?? 0,
        misses: misses.get(card.id) ?? 0,
        retrievability: retrievability(state, now),
      };
    })
    // Weak: missed lately, ever forgotten, or likely forgotten now (below the usual retention).
    .filter((w) => w.misses > 0 || w.lapses > 0 || w.retrievability < DEFAULT_RETENTION)
    .sort(
      (a, b) => b.misses - a.misses || b.lapses - a.lapses || a.retrievability - b.retrievability,
    )
    // The weakest card of each section: the list says where to study next.
    .filter((card, _, all) => {
      const section = sectionOf.get(card.id);
      return all.find((other) => sectionOf.get(other.id) === section) === card;
    })
    .slice(0, WEAKEST);

  const days = new Set(perDay.keys());
  const { current, longest } = streaks(days, now);
  const today = perDay.get(localDate(now)) ?? 0;
  let week = 0;
  for (let offset = -6; offset <= 0; offset++)
    week += perDay.get(localDate(dayStart(now, offset))) ?? 0;

  return {
    reviews,
    streak: current,
    longestStreak: longest,
    today,
    week,
    topics,
    total: {
      cards: sum('cards'),
      new: sum('new'),
      learning: sum('learning'),
      mature: sum('mature'),
      dueNow: sum('dueNow'),
      dueToday: sum('dueToday'),
      suspended: sum('suspended'),
      accuracy: allTallies.total > 0 ? allTallies.right / allTallies.total : null,
    },
    forecast,
    heatmap,
    weakest,
    exams: progress.exams,
  };
}

export interface SectionStats extends Omit<TopicStats, 'name'> {
  path: string[];
}

/**
 * The topic and section rows of `stats --json` as documented: `due` is due
 * today (as in the table), and `dueNow` what `review` would ask right away.
 */
export function statsJsonRow<T extends Omit<TopicStats, 'name'>>(
  row: T,
): Omit<T, 'dueToday'> & { due: number } {
  const { dueToday, ...rest } = row;
  return { ...rest, due: dueToday };
}

/** One topic in detail: each section's cards by state, in note order. */
export function sectionStats(
  cards: readonly Card[],
  progress: ProgressData,
  now: Date,
): SectionStats[] {
  const sections = new Map<string, SectionStats>();
  const sectionOf = new Map<string, SectionStats>();
  const endOfToday = endOfDay(now);
  for (const card of cards) {
    let row = sections.get(card.section);
    if (!row) {
      row = { path: card.path, ...zeroCounts(), accuracy: null };
      sections.set(card.section, row);
    } else if (card.path.length < row.path.length) {
      // A term card's path may name the head bullet its line stands under: the section's is the shortest.
      row.path = card.path;
    }
    sectionOf.set(card.id, row);
    const state = progress.cards[card.id];
    row.cards += 1;
    row[maturity(state)] += 1;
    if (isSuspended(progress, card.id)) row.suspended += 1;
    else {
      if (isDue(state, now)) row.dueNow += 1;
      if (isDue(state, endOfToday)) row.dueToday += 1;
    }
  }
  const since = dayStart(now, -(ACCURACY_DAYS - 1)).getTime();
  const tallies = new Map<SectionStats, { right: number; total: number }>();
  for (const [id, time, , , , flags] of progress.log) {
    const row = sectionOf.get(id);
    if (!row || flags & FLAG_EXAM || time < since) continue;
    const tally = tallies.get(row) ?? { right: 0, total: 0 };
    tally.total += 1;
    if (flags & FLAG_CORRECT) tally.right += 1;
    tallies.set(row, tally);
  }
  for (const [row, tally] of tallies) row.accuracy = tally.right / tally.total;
  // In note order: by file as the deck has them, then by the section's first line
  // (a parent's list card comes after its children's cards in the deck).
  const fileRank = new Map<string, number>();
  const firstLine = new Map<SectionStats, number>();
  for (const card of cards) {
    if (!fileRank.has(card.file)) fileRank.set(card.file, fileRank.size);
    const row = sectionOf.get(card.id);
    if (!row) continue;
    const rank = (fileRank.get(card.file) ?? 0) * 1e9 + card.line;
    firstLine.set(row, Math.min(firstLine.get(row) ?? Number.POSITIVE_INFINITY, rank));
  }
  return [...sections.values()].sort((a, b) => (firstLine.get(a) ?? 0) - (firstLine.get(b) ?? 0));
}
