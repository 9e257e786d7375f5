/**
 * Simulated study: a progress file as a learner would leave it after some
 * days of `awsquiz study` and a few exams. Deterministic for a seed.
 */
import type { Card } from '../../src/content/model.js';
import { createRng } from '../../src/quiz/rng.js';
import { gradeFromOutcome, schedule } from '../../src/quiz/scheduler.js';
import {
  FLAG_CORRECT,
  FLAG_EXAM,
  type LogEntry,
  type ProgressData,
} from '../../src/store/progress.js';

export function simulate(
  cards: readonly Card[],
  options: { days: number; now: Date; seed?: number; skip?: number[] },
): ProgressData {
  const rng = createRng(options.seed ?? 1);
  const data: ProgressData = { schemaVersion: 1, cards: {}, log: [], exams: [], suspended: {} };
  let next = 0;
  for (let day = options.days - 1; day >= 0; day--) {
    if (options.skip?.includes(day)) continue;
    const morning = new Date(
      options.now.getFullYear(),
      options.now.getMonth(),
      options.now.getDate() - day,
      8,
    );
    if (morning.getTime() > options.now.getTime()) continue;
    let time = morning.getTime();
    const due = cards.filter((card) => {
      const state = data.cards[card.id];
      return state && state.due <= time;
    });
    const fresh = cards.slice(next, next + 20);
    next += fresh.length;
    for (const card of [...due, ...fresh]) {
      time += 20_000;
      const correct = rng() < 0.8;
      const grade = gradeFromOutcome('choice', correct);
      data.cards[card.id] = schedule(data.cards[card.id], grade, new Date(time));
      const entry: LogEntry = [card.id, time, grade, card.kind, 8000, correct ? FLAG_CORRECT : 0];
      data.log.push(entry);
    }
    if (day % 4 === 1) {
      const total = 20;
      const score = Math.min(total, 10 + Math.floor(rng() * 8) + (options.days - day) / 3);
      data.exams.push({
        date: new Date(time + 3_600_000).toISOString(),
        topics: ['EC2', 'EBS'],
        score: Math.round(score),
        total,
        passMark: 72,
        passed: Math.round(score) / total >= 0.72,
        seconds: 900,
        byTopic: [
          { topic: 'EC2', right: Math.round(score) - 5, total: 15 },
          { topic: 'EBS', right: 5, total: 5 },
        ],
      });
      for (let i = 0; i < 3; i++)
        data.log.push([
          cards[i]?.id ?? 'x',
          time + i,
          3,
          'which-fact',
          5000,
          FLAG_EXAM | FLAG_CORRECT,
        ]);
    }
  }
  return data;
}
