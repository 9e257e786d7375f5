import { afterEach, describe, expect, it } from 'vitest';
import type { Card } from '../../src/content/model.js';
import { localDate } from '../../src/quiz/day.js';
import { schedule } from '../../src/quiz/scheduler.js';
import { computeStats, sectionStats, topicSummaries } from '../../src/quiz/stats.js';
import { FLAG_CORRECT, FLAG_EXAM, type ProgressData } from '../../src/store/progress.js';
import { createFormatter } from '../../src/ui/format.js';
import { type Lang, messagesFor } from '../../src/ui/i18n.js';

/** The language the screens under test are drawn in. */
let lang: Lang = 'en';
const setLang = (to: Lang) => {
  lang = to;
};

import { displayWidth } from '../../src/ui/layout.js';
import { renderStats, renderTopicDetail } from '../../src/ui/stats-view.js';
import { shippedDeck } from '../helpers/deck.js';
import { simulate } from '../helpers/simulate.js';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
  setLang('en');
});

const card = (id: string, topic: string, path: string[] = [topic, id]): Card => ({
  id,
  kind: 'which-fact',
  topic,
  path,
  source: id,
  prompt: id,
  answer: id,
  section: path.join('\u001f'),
  line: 1,
  file: 'x.md',
});

describe('computeStats', () => {
  const now = new Date(2026, 10, 25, 12, 0); // local noon
  const at = (daysAgo: number, hour = 9) => new Date(2026, 10, 25 - daysAgo, hour).getTime();
  const cards = [card('a', 'EC2'), card('b', 'EC2'), card('c', 'EBS'), card('d', 'EBS')];
  const progress: ProgressData = {
    schemaVersion: 1,
    cards: {
      a: schedule(undefined, 3, new Date(at(1))),
      b: { ...schedule(undefined, 1, new Date(at(0))), lapses: 2 },
    },
    log: [
      ['a', at(1), 3, 'which-fact', 1000, FLAG_CORRECT],
      ['a', at(2), 1, 'which-fact', 1000, 0],
      ['b', at(0), 1, 'which-fact', 1000, 0],
      ['b', at(0, 10), 3, 'which-fact', 1000, FLAG_CORRECT],
      ['c', at(5), 3, 'which-fact', 1000, FLAG_CORRECT | FLAG_EXAM],
      ['a', at(40), 3, 'which-fact', 1000, FLAG_CORRECT],
    ],
    exams: [],
    suspended: {},
  };
  const report = computeStats({ topics: ['EC2', 'EBS'], cards, progress, now });

  it('counts cards by state and topic, and accuracy over the last 30 days', () => {
    expect(report.topics[0]).toMatchObject({
      name: 'EC2',
      cards: 2,
      new: 0,
      learning: 2,
      mature: 0,
    });
    expect(report.topics[0]?.accuracy).toBeCloseTo(2 / 4);
    expect(report.topics[1]).toMatchObject({ name: 'EBS', cards: 2, new: 2, accuracy: null });
    expect(report.total).toMatchObject({ cards: 4, new: 2, learning: 2 });
  });

  it('counts study answers, not exam answers, per local day', () => {
    expect(report.reviews).toBe(5);
    expect(report.today).toBe(2);
    expect(report.week).toBe(4);
    expect(report.streak).toBe(3);
    expect(report.longestStreak).toBe(3);
    expect(report.heatmap).toHaveLength(140);
    expect(report.heatmap.at(-1)).toEqual({ date: '2026-11-25', count: 2 });
    expect(report.heatmap.at(-3)).toEqual({ date: '2026-11-23', count: 1 });
  });

  it('forecasts due cards for 14 days, overdue ones today', () => {
    expect(report.forecast).toHaveLength(14);
    expect(report.forecast[0]?.date).toBe('2026-11-25');
    expect(report.forecast.reduce((sum, d) => sum + d.count, 0)).toBe(2);
  });

  it('lists the weakest card of each section, most lapses first', () => {
    expect(report.weakest.map((w) => w.id)).toEqual(['b', 'a']);
    expect(report.weakest[0]).toMatchObject({ path: ['EC2', 'b'], lapses: 2, misses: 1 });
  });

  it('counts as due today what falls due before the day ends, as the forecast does', () => {
    const learning = schedule(undefined, 3, new Date(at(1)));
    const dueAt = (hour: number, daysAhead = 0) => ({
      ...learning,
      due: new Date(2026, 10, 25 + daysAhead, hour).getTime(),
    });
    const states = { a: dueAt(18), b: dueAt(9), c: dueAt(9, 1) };
    const r = computeStats({
      topics: ['EC2', 'EBS'],
      cards,
      progress: { ...progress, cards: states },
      now,
    });
    expect(r.topics[0]?.dueToday).toBe(2); // 9:00 overdue, 18:00 later today
    expect(r.topics[1]?.dueToday).toBe(0); // tomorrow
    expect(r.forecast[0]?.count).toBe(r.total.dueToday);
    // Due now is what review would ask at once: the overdue card alone. One summary for
    // topics, stats and review, so `topics` and `stats` can no longer disagree unlabelled.
    expect(r.topics[0]?.dueNow).toBe(1);
    expect(topicSummaries(['EC2', 'EBS'], cards, { ...progress, cards: states }, now)).toEqual(
      r.topics.map(({ accuracy: _accuracy, ...summary }) => summary),
    );
  });

  it('counts cards missed while still being learned as weak, not only lapses', () => {
    const learning: ProgressData = {
      ...progress,
      cards: {
        a: schedule(undefined, 3, new Date(at(1))),
        b: schedule(undefined, 3, new Date(at(1))),
      },
      log: [
        ['a', at(3), 1, 'which-fact', 1000, 0],
        ['a', at(2), 1, 'which-fact', 1000, FLAG_EXAM],
        ['a', at(1), 3, 'which-fact', 1000, FLAG_CORRECT],
        ['b', at(1), 3, 'which-fact', 1000, FLAG_CORRECT],
      ],
    };
    const r = computeStats({ topics: ['EC2'], cards, progress: learning, now });
    expect(r.weakest[0]).toMatchObject({ id: 'a', lapses: 0, misses: 2 });
  });

  it('counts exam misses of cards never studied, and leaves out cards that are not weak', () => {
    const examOnly: ProgressData = {
      ...progress,
      cards: { b: schedule(undefined, 3, new Date(at(0))) }, // fresh, never missed
      log: [
        ['c', at(1), 1, 'which-fact', 1000, FLAG_EXAM],
        ['b', at(0), 3, 'which-fact', 1000, FLAG_CORRECT],
      ],
    };
    const r = computeStats({ topics: ['EC2', 'EBS'], cards, progress: examOnly, now });
    expect(r.weakest).toEqual([
      {
        id: 'c',
        topic: 'EBS',
        path: ['EBS', 'c'],
        kind: 'which-fact',
        lapses: 0,
        misses: 1,
        retrievability: 0,
      },
    ]);
  });

  it('keeps a streak when today has no answer yet, and breaks it after a missed day', () => {
    const yesterdayOnly: ProgressData = {
      ...progress,
      log: [
        ['a', at(1), 3, 'recall', 1, 1],
        ['a', at(2), 3, 'recall', 1, 1],
        ['a', at(4), 3, 'recall', 1, 1],
      ],
    };
    const r = computeStats({ topics: ['EC2'], cards, progress: yesterdayOnly, now });
    expect(r.streak).toBe(2);
    expect(r.longestStreak).toBe(2);
  });

  it("follows the learner's time zone, not UTC", () => {
    // 15:30 UTC on the 24th and 14:30 UTC on the 25th: one day in Tokyo, two in Los Angeles.
    const log: ProgressData['log'] = [
      ['a', Date.UTC(2026, 10, 24, 15, 30), 3, 'recall', 1, 1],
      ['a', Date.UTC(2026, 10, 25, 14, 30), 3, 'recall', 1, 1],
    ];
    const utcNow = new Date(Date.UTC(2026, 10, 25, 14, 40));
    process.env.TZ = 'Asia/Tokyo';
    const tokyo = computeStats({
      topics: ['EC2'],
      cards,
      progress: { ...progress, log },
      now: utcNow,
    });
    expect(localDate(utcNow)).toBe('2026-11-25');
    expect(tokyo.streak).toBe(1);
    expect(tokyo.today).toBe(2);
    process.env.TZ = 'America/Los_Angeles';
    const la = computeStats({
      topics: ['EC2'],
      cards,
      progress: { ...progress, log },
      now: utcNow,
    });
    expect(localDate(utcNow)).toBe('2026-11-25');
    expect(la.streak).toBe(2);
    expect(la.today).toBe(1);
    expect(la.heatmap.at(-2)).toEqual({ date: '2026-11-24', count: 1 });
    delete process.env.TZ;
  });

  it('dates exams by the local day too', async () => {
    const exam = {
      date: new Date(Date.UTC(2026, 10, 24, 20, 0)).toISOString(),
      topics: ['EC2'],
      score: 3,
      total: 4,
      passMark: 72,
      passed: true,
      seconds: 60,
      byTopic: [{ topic: 'EC2', right: 3, total: 4 }],
    };
    const format = await createFormatter({ color: false, width: 80, messages: messagesFor(lang) });
    const render = (tz: string) => {
      process.env.TZ = tz;
      const report = computeStats({
        topics: ['EC2'],
        cards,
        progress: { ...progress, exams: [exam] },
        now: new Date(Date.UTC(2026, 10, 25, 0, 0)),
      });
      return renderStats(report, format).join('\n');
    };
    try {
      expect(render('Asia/Tokyo')).toContain('2026-11-25  3/4');
      expect(render('America/Los_Angeles')).toContain('2026-11-24  3/4');
    } finally {
      delete process.env.TZ;
    }
  });

  it('gives section by section detail for one topic', () => {
    const sections = sectionStats(cards.slice(0, 2), progress, now);
    expect(sections.map((s) => s.path)).toEqual([
      ['EC2', 'a'],
      ['EC2', 'b'],
    ]);
    expect(sections[1]).toMatchObject({ cards: 1, learning: 1 });
  });
});

describe('one topic in detail', () => {
  it('lists sections in note order, the topic first, each by its own heading', async () => {
    const { cards } = shippedDeck();
    const ec2 = cards.filter((c) => c.topic === 'EC2');
    const empty: ProgressData = { schemaVersion: 1, cards: {}, log: [], exams: [], suspended: {} };
    const sections = sectionStats(ec2, empty, new Date(2026, 10, 25));
    // The topic EC2 has no body and no counted list of kinds: its first section is its first
    // card's (インスタンスタイプ's own two remarks are no answer to "explain instance types").
    expect(sections.slice(0, 3).map((s) => s.path)).toEqual([
      ['EC2', 'インスタンスタイプ', '汎用'],
      // メモリ最適化 gives no card: its one line names its heading (メモリ), which would give it away.
      ['EC2', 'インスタンスタイプ', 'コンピューティング最適化'],
      ['EC2', 'インスタンスタイプ', 'ストレージ最適化'],
    ]);
    setLang('ja');
    const topic = {
      name: 'EC2',
      cards: ec2.length,
      new: ec2.length,
      learning: 0,
      mature: 0,
      dueNow: 0,
      dueToday: 0,
      suspended: 0,
      accuracy: null,
    };
    for (const width of [40, 80]) {
      const lines = renderTopicDetail(
        topic,
        sections,
        await createFormatter({ color: false, width, messages: messagesFor(lang) }),
      ).flatMap((l) => l.split('\n'));
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      // Sibling headings stay told apart: the leaf is shown whole.
      expect(lines.some((l) => l.includes('コンピューティング最適化'))).toBe(true);
      expect(lines[1]).toContain('見出し');
    }
  });
});

describe('the stats screen', () => {
  const { cards, deck } = shippedDeck();
  const now = new Date(2026, 10, 25, 20, 0);
  const progress = simulate(cards, { days: 24, now, skip: [3, 9, 10] });
  const report = computeStats({ topics: deck.topics.map((t) => t.title), cards, progress, now });

  for (const language of ['en', 'ja'] as const) {
    for (const width of [40, 80]) {
      it(`fits ${width} columns in ${language}, with the right numbers`, async () => {
        setLang(language);
        const lines = renderStats(
          report,
          await createFormatter({ color: false, width, messages: messagesFor(lang) }),
        );
        for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
        const text = lines.join('\n');
        expect(text).toContain(String(report.total.cards));
        expect(text).toContain(
          lang === 'en' ? `Streak: ${report.streak} days` : `連続学習: ${report.streak} 日`,
        );
        expect(text).toContain(lang === 'en' ? 'Due in the next 14 days' : '今後14日間の復習予定');
        expect(text).toMatch(/█ .*▓ .*░ /);
        const lastExam = report.exams.at(-1);
        expect(text).toContain(lastExam ? localDate(Date.parse(lastExam.date)) : 'no exam');
        expect(text).not.toContain('\u001b[');
        const detail = renderTopicDetail(
          report.topics[0] ?? (report.total as never),
          [],
          await createFormatter({ color: false, width, messages: messagesFor(lang) }),
        );
        for (const line of detail) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      });
    }
  }

  it('lines up the weakest cards, and says "unstudied" of a card missed only in an exam', async () => {
    const weak = (id: string, retrievability: number, lapses = 0) => ({
      id,
      topic: 'EC2',
      path: ['EC2', id],
      kind: 'which-fact' as const,
      lapses,
      misses: 1,
      retrievability,
    });
    const lines = renderStats(
      { ...report, weakest: [weak('a', 0.98), weak('b', 1, 1), weak('c', 0)] },
      await createFormatter({ color: false, width: 80, messages: messagesFor(lang) }),
    );
    const rows = lines.filter((line) => /^ \d\. EC2/.test(line));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.indexOf('missed'))).size).toBe(1);
    expect(rows[0]).toContain('recall odds now 98%');
    // Not "missed 1× · 100% recall", which reads as a contradiction: the odds are of recalling it now.
    expect(rows[1]).toContain('recall odds now 100%');
    expect(rows[2]).toContain('missed 1× in 30 days · unstudied');
  });

  it('draws an empty forecast as one row of dots', async () => {
    setLang('en');
    const quiet = { ...report, forecast: report.forecast.map((d) => ({ ...d, count: 0 })) };
    const lines = renderStats(
      quiet,
      await createFormatter({ color: false, width: 80, messages: messagesFor(lang) }),
    );
    const at = lines.indexOf('Due in the next 14 days');
    expect(lines[at + 1]).toBe(Array.from({ length: 14 }, () => '·').join(' '));
    expect(lines[at + 2]).toMatch(/^today +\+13d$/);
  });

  it('has colour only when asked', async () => {
    const lines = renderStats(
      report,
      await createFormatter({ color: true, width: 80, messages: messagesFor(lang) }),
    );
    expect(lines.join('\n')).toContain('\u001b[');
  });

  it('shows the topics and how to start when there is no progress', async () => {
    const empty = computeStats({
      topics: ['EC2'],
      cards: cards.filter((c) => c.topic === 'EC2'),
      progress: { schemaVersion: 1, cards: {}, log: [], exams: [], suspended: {} },
      now,
    });
    const text = renderStats(
      empty,
      await createFormatter({ color: false, width: 80, messages: messagesFor(lang) }),
      'awsquiz study ec2',
    ).join('\n');
    expect(text).toContain('No progress yet. Start with: awsquiz study ec2');
    const ec2 = cards.filter((c) => c.topic === 'EC2').length;
    expect(ec2).toBeGreaterThan(50);
    expect(text).toMatch(new RegExp(`EC2\\s+${ec2}\\b`));
    const narrow = renderStats(
      empty,
      await createFormatter({ color: false, width: 40, messages: messagesFor(lang) }),
      'awsquiz --content ~/notes/aws study s3',
    );
    for (const line of narrow) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
  });
});
