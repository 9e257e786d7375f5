/**
 * The `awsquiz stats` screen: plain terminal text that fits the width, with
 * colour only as decoration (every bar also reads by its characters).
 */
import { localDate } from '../quiz/day.js';
import type { SectionStats, StatsReport, TopicStats } from '../quiz/stats.js';
import type { Formatter } from './format.js';
import {
  barCells,
  displayWidth,
  padEnd,
  padStart,
  pieceLines,
  sparkline,
  table,
  truncate,
  wrapWithCommand,
} from './layout.js';

const MATURE = '█';
const LEARNING = '▓';
const NEW = '░';

function percent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** The new / learning / mature bar, coloured per part when colour is on. */
function progressBar(
  row: Pick<TopicStats, 'new' | 'learning' | 'mature'>,
  width: number,
  format: Formatter,
): string {
  const [mature = 0, learning = 0, fresh = 0] = barCells(
    [row.mature, row.learning, row.new],
    width,
  );
  return (
    format.style('mature', MATURE.repeat(mature)) +
    format.style('learning', LEARNING.repeat(learning)) +
    format.style('new', NEW.repeat(fresh)) +
    ' '.repeat(Math.max(0, width - mature - learning - fresh))
  );
}

/** Column widths for the progress table: the name shrinks, the bar takes what is left (6–30 cells). */
function progressTable(
  rows: { label: string; stats: Omit<TopicStats, 'name'> }[],
  format: Formatter,
  total?: Omit<TopicStats, 'name'>,
  title = format.messages.t('stats.col.topic'),
  /** Long labels (section headings) on a line of their own when the names would be cut short. */
  stackable = false,
): string[] {
  const width = format.width;
  const numbers = rows.map((r) => [
    String(r.stats.cards),
    String(r.stats.dueToday),
    percent(r.stats.accuracy),
  ]);
  const headers = [
    format.messages.t('stats.col.cards'),
    // Due by the end of today (topics shows due now): said in full where there is room.
    format.messages.t(format.width >= 60 ? 'stats.col.dueToday' : 'stats.col.due'),
    format.messages.t('stats.col.accuracy'),
  ];
  const numberWidths = headers.map((header, c) =>
    Math.max(displayWidth(header), ...numbers.map((n) => displayWidth(n[c] ?? '')), total ? 4 : 0),
  );
  const fixed = numberWidths.reduce((a, b) => a + b, 0) + 2 * 4;
  const longest = Math.max(displayWidth(title), ...rows.map((r) => displayWidth(r.label)));
  // Names and bars share what the numbers leave; a bar never gets fewer than 8 cells while a name can give way.
  let nameWidth = Math.min(longest, Math.max(8, Math.floor(width * 0.3)));
  let barWidth = Math.min(30, width - fixed - nameWidth);
  if (barWidth < 8) {
    nameWidth = Math.max(6, nameWidth - (8 - barWidth));
    barWidth = Math.max(4, Math.min(30, width - fixed - nameWidth));
  }
  if (stackable) {
    // Headings are told apart by their ends: give them the room a 12-cell bar leaves.
    nameWidth = Math.min(longest, width - fixed - 2 - 12);
    barWidth = Math.min(30, width - fixed - 2 - nameWidth);
  }
  // Too narrow for names beside the bars: names on a line of their own.
  const stacked = stackable && nameWidth < Math.min(longest, 16);
  const indentOf = (label: string) => label.length - label.trimStart().length;
  const deepest = Math.max(0, ...rows.map((r) => indentOf(r.label)));
  if (stacked) {
    // Names above, bars and numbers under them, indented past the name: the bar takes the name's room.
    nameWidth = 0;
    barWidth = Math.max(4, Math.min(30, width - fixed - 2 - deepest));
  }
  const line = (label: string, bar: string, cells: string[]) => {
    const rest = [bar, ...cells.map((cell, c) => padStart(cell, numberWidths[c] ?? 0))].join('  ');
    if (!stacked) return `${padEnd(truncate(label, nameWidth), nameWidth)}  ${rest}`;
    const under = ' '.repeat(indentOf(label) + 2);
    return `${truncate(label, width)}\n${padEnd(under, deepest + 2)}${rest}`;
  };
  const out = [
    format.style(
      'dim',
      line(title, padEnd(format.messages.t('stats.col.progress'), barWidth), headers),
    ),
  ];
  rows.forEach((row, i) => {
    out.push(line(row.label, progressBar(row.stats, barWidth, format), numbers[i] ?? []));
  });
  if (total) {
    out.push(
      format.style(
        'bold',
        line(format.messages.t('stats.total'), progressBar(total, barWidth, format), [
          String(total.cards),
          String(total.dueToday),
          percent(total.accuracy),
        ]),
      ),
    );
  }
  out.push(
    format.style(
      'dim',
      truncate(
        `${MATURE} ${format.messages.t('stats.legend.mature')}  ${LEARNING} ${format.messages.t('stats.legend.learning')}  ${NEW} ${format.messages.t('stats.legend.new')}`,
        width,
      ),
    ),
  );
  return out.flatMap((line) => line.split('\n'));
}

/** A small vertical bar chart: one 2-cell column per day, `height` rows of eighth blocks. */
function columnChart(values: number[], height: number, format: Formatter): string[] {
  const max = Math.max(0, ...values);
  const eighths = ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇'];
  const rows: string[] = [];
  for (let row = height - 1; row >= 0; row--) {
    const cells = values.map((value) => {
      const filled = max === 0 ? 0 : (value / max) * height * 8;
      const here = Math.max(0, Math.min(8, filled - row * 8));
      if (here >= 8) return '█';
      if (here <= 0) return row === 0 ? (value > 0 ? '▁' : '·') : ' ';
      return eighths[Math.round(here)] || '▁';
    });
    rows.push(
      format.style(
        'accent',
        cells
          .map((c) => `${c} `)
          .join('')
          .trimEnd(),
      ),
    );
  }
  return rows;
}

function forecastLines(report: StatsReport, format: Formatter): string[] {
  const values = report.forecast.map((d) => d.count);
  const max = Math.max(0, ...values);
  // Nothing due: one row of dots, not three blank rows above it.
  const chart = columnChart(values, max === 0 ? 1 : 4, format);
  const axis = values.length * 2 - 1;
  const start = format.messages.t('stats.forecast.today');
  const end = format.messages.t('stats.forecast.inDays', { n: values.length - 1 });
  const labels = `${start}${' '.repeat(Math.max(1, axis - displayWidth(start) - displayWidth(end)))}${end}`;
  const counts = format.messages.t('stats.forecast.counts', {
    today: values[0] ?? 0,
    week: values.slice(0, 7).reduce((a, b) => a + b, 0),
    max,
  });
  return [
    format.style('heading', format.messages.t('stats.forecast.title')),
    ...chart,
    format.style('dim', labels),
    ...pieceLines(counts, format.width),
  ];
}

const HEAT = ['·', '░', '▒', '▓', '█'];

function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

function heatmapLines(report: StatsReport, format: Formatter): string[] {
  const days = report.heatmap;
  if (days.length === 0) return [];
  const max = Math.max(0, ...days.map((d) => d.count));
  // Monday-first weeks; the first column may start mid-week.
  const weekday = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return (new Date(y, m - 1, d).getDay() + 6) % 7;
  };
  const firstPad = weekday(days[0]?.date ?? '');
  const cells: (string | undefined)[] = [
    ...new Array<undefined>(firstPad),
    ...days.map((d) => HEAT[heatLevel(d.count, max)]),
  ];
  const weeks = Math.ceil(cells.length / 7);
  const labels = format.messages.t('stats.heatmap.days').split(',');
  const labelWidth = Math.max(...labels.map(displayWidth));
  const room = Math.max(4, format.width - labelWidth - 1);
  const gap = weeks * 2 - 1 <= room ? 1 : 0;
  const shown = Math.min(weeks, gap ? weeks : room);
  const lines = [
    format.style(
      'heading',
      format.messages.t('stats.heatmap.title', {
        weeks: shown < weeks ? shown : Math.round(days.length / 7),
      }),
    ),
  ];
  for (let day = 0; day < 7; day++) {
    const row: string[] = [];
    for (let week = weeks - shown; week < weeks; week++) {
      const cell = cells[week * 7 + day];
      row.push(
        cell === undefined
          ? ' '
          : cell === HEAT[0]
            ? format.style('dim', cell)
            : format.style('ok', cell),
      );
    }
    lines.push(`${padEnd(labels[day] ?? '', labelWidth)} ${row.join(gap ? ' ' : '').trimEnd()}`);
  }
  lines.push(
    format.style(
      'dim',
      `${format.messages.t('stats.heatmap.less')} ${HEAT.join(' ')} ${format.messages.t('stats.heatmap.more')}`,
    ),
  );
  return lines;
}

function examLines(report: StatsReport, format: Formatter): string[] {
  if (report.exams.length === 0)
    return [
      format.style('heading', format.messages.t('stats.exams.title')),
      ...wrapWithCommand(
        format.messages.t('stats.exams.none', { command: '' }),
        'awsquiz exam --random 20',
        format.width,
      ),
    ];
  const last = report.exams.slice(-10);
  const rows = last.map((exam) => {
    const pct = exam.total > 0 ? Math.round((exam.score / exam.total) * 100) : 0;
    return [
      // The learner's local day, as everywhere else on this screen.
      localDate(Date.parse(exam.date)),
      `${exam.score}/${exam.total}`,
      `${pct}%`,
      exam.passed
        ? format.style('ok', format.messages.t('exam.pass'))
        : format.style('bad', format.messages.t('exam.fail')),
    ];
  });
  // The topics' names where they fit in the room left, else how many ("6 topics"); in a window
  // too narrow for either, no topics column rather than a count cut short.
  const used = [0, 1, 2, 3].reduce(
    (sum, c) => sum + Math.max(...rows.map((row) => displayWidth(row[c] ?? ''))) + 2,
    0,
  );
  const room = format.width - used;
  const topicCells = last.map((exam) => {
    const names = exam.topics.join(', ');
    return exam.topics.length <= 3 && displayWidth(names) <= room
      ? names
      : format.messages.t('stats.exams.topics', { n: exam.topics.length });
  });
  const withTopics = topicCells.every((cell) => displayWidth(cell) <= room);
  if (withTopics) {
    topicCells.forEach((cell, i) => {
      rows[i]?.push(cell);
    });
  }
  const trend = sparkline(last.map((exam) => (exam.total > 0 ? exam.score / exam.total : 0)));
  return [
    format.style('heading', format.messages.t('stats.exams.title')),
    ...table(
      rows,
      [{}, { align: 'right' }, { align: 'right' }, {}, ...(withTopics ? [{}] : [])],
      format.width,
    ),
    `${format.messages.t('stats.exams.trend')} ${format.style('accent', trend)}`,
  ];
}

/** The most specific part of a heading path that fits: the whole path, then the tail, then the leaf. */
export function fitPath(path: string[], width: number): string {
  for (let from = 0; from < path.length; from++) {
    const text = `${from > 0 ? '… › ' : ''}${path.slice(from).join(' › ')}`;
    if (displayWidth(text) <= width) return text;
  }
  return truncate(path[path.length - 1] ?? '', width);
}

function weakestLines(report: StatsReport, format: Formatter): string[] {
  // Already one card per section (quiz/stats): the list says where to study next.
  const sections = report.weakest;
  if (sections.length === 0) return [];
  const width = format.width;
  const lines = [format.style('heading', format.messages.t('stats.weakest.title'))];
  // An exam miss of a card never studied has no recall to show.
  const factsOf = (card: (typeof sections)[number]) =>
    card.retrievability === 0 && card.lapses === 0
      ? format.messages.t('stats.weakest.unstudied', { misses: card.misses })
      : format.messages.t('stats.weakest.facts', {
          misses: card.misses,
          recall: Math.round(card.retrievability * 100),
        });
  // One column for the facts of every row: "98%" and "100%" line up.
  const factsWidth = Math.max(...sections.map((card) => displayWidth(factsOf(card))));
  sections.forEach((card, i) => {
    const facts = factsOf(card);
    const prefix = `${String(i + 1).padStart(2)}. `;
    const oneLine = width - displayWidth(prefix) - factsWidth - 2;
    if (oneLine >= 24) {
      lines.push(
        `${prefix}${padEnd(fitPath(card.path, oneLine), oneLine)}  ${format.style('dim', facts)}`,
      );
    } else {
      lines.push(`${prefix}${fitPath(card.path, width - displayWidth(prefix))}`);
      const indent = ' '.repeat(displayWidth(prefix));
      for (const line of pieceLines(facts, width - indent.length))
        lines.push(`${indent}${format.style('dim', line)}`);
    }
  });
  return lines;
}

/** `start` is the command to begin with, shown when there is no progress yet. */
export function renderStats(
  report: StatsReport,
  format: Formatter,
  start = 'awsquiz study',
): string[] {
  const rows = report.topics.map((topic) => ({ label: topic.name, stats: topic }));
  if (report.reviews === 0 && report.exams.length === 0) {
    return [
      format.style('heading', format.messages.t('stats.title')),
      ...table(
        [
          [format.messages.t('stats.col.topic'), format.messages.t('stats.col.cards')],
          ...report.topics.map((topic) => [topic.name, String(topic.cards)]),
        ],
        [{ shrink: true }, { align: 'right' }],
        format.width,
      ),
      '',
      ...wrapWithCommand(format.messages.t('stats.empty', { command: '' }), start, format.width),
    ];
  }
  const summary = [
    format.messages.t('stats.reviews', {
      today: report.today,
      week: report.week,
      all: report.reviews,
    }),
    format.messages.t('stats.streak', { n: report.streak, longest: report.longestStreak }),
  ];
  return [
    format.style('heading', format.messages.t('stats.title')),
    ...progressTable(rows, format, report.total),
    '',
    ...summary.flatMap((line) => pieceLines(line, format.width)),
    '',
    ...forecastLines(report, format),
    '',
    ...heatmapLines(report, format),
    '',
    ...examLines(report, format),
    ...(report.weakest.length > 0 ? ['', ...weakestLines(report, format)] : []),
  ];
}

/** `stats --topic T`: each section of one topic. */
export function renderTopicDetail(
  topic: TopicStats,
  sections: SectionStats[],
  format: Formatter,
): string[] {
  return [
    format.style('heading', topic.name),
    ...progressTable(
      // Each section by its own heading, indented under its parent (the topic itself first).
      sections.map((section) => ({
        label: `${'  '.repeat(Math.max(0, section.path.length - 2))}${section.path.at(-1) ?? ''}`,
        stats: section,
      })),
      format,
      topic,
      format.messages.t('stats.col.section'),
      true,
    ),
  ];
}
