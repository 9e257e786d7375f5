/**
 * Exam results on screen: score and verdict, per-topic breakdown (weakest
 * first), and every wrong answer with its explanation.
 */
import type { ExamResult, ExamState } from '../quiz/exam.js';
import { explanationLines, originText } from './explanation.js';
import type { Formatter } from './format.js';
import { clock, displayWidth, table, wrap } from './layout.js';

function pct(right: number, total: number): string {
  return total === 0 ? '–' : `${Math.round((right / total) * 100)}%`;
}

export function renderResults(
  state: ExamState,
  result: ExamResult,
  format: Formatter,
  options: { timedOut: boolean; minutes: number | undefined },
): string[] {
  const width = format.width;
  const verdict = result.passed
    ? format.style('ok', format.messages.t('exam.pass'))
    : format.style('bad', format.messages.t('exam.fail'));
  const score = format.messages.t('exam.results.score', {
    score: result.score,
    total: result.total,
    percent: result.percent.toFixed(1),
  });
  const passMark = format.messages.t('exam.results.passMark', { pass: result.passMark });
  const verdictText = format.messages.t(result.passed ? 'exam.pass' : 'exam.fail');
  // One line when it fits; else the pass mark under the score, never cut by the terminal.
  const scoreLines =
    displayWidth(`${score}  ${verdictText}  ${passMark}`) <= width
      ? [`${score}  ${verdict}  ${format.style('dim', passMark)}`]
      : [`${score}  ${verdict}`, format.style('dim', passMark)];
  const lines = [
    format.style('heading', format.messages.t('exam.results.title')),
    ...scoreLines,
    format.messages
      .t('exam.results.time', {
        time: clock(result.seconds * 1000),
        limit:
          options.minutes === undefined
            ? ''
            : format.messages.t('exam.results.limit', { limit: clock(options.minutes * 60_000) }),
      })
      .trimEnd(),
  ];
  if (options.timedOut)
    lines.push(
      format.style('warn', format.messages.t('exam.results.timedOut', { n: result.unanswered })),
    );
  else if (result.unanswered > 0)
    lines.push(
      format.style('warn', format.messages.t('exam.results.unanswered', { n: result.unanswered })),
    );
  lines.push('', format.style('heading', format.messages.t('exam.results.byTopic')));
  lines.push(
    ...table(
      [
        [
          format.messages.t('stats.col.topic'),
          format.messages.t('exam.results.right'),
          format.messages.t('exam.results.total'),
          '%',
        ],
        ...result.byTopic.map((row) => [
          row.topic,
          String(row.right),
          String(row.total),
          pct(row.right, row.total),
        ]),
      ],
      [{ shrink: true }, { align: 'right' }, { align: 'right' }, { align: 'right' }],
      width,
    ).map((line, i) => (i === 0 ? format.style('dim', line) : line)),
  );
  if (result.missed.length > 0) {
    lines.push(
      '',
      format.style('heading', format.messages.t('exam.results.wrong', { n: result.missed.length })),
    );
    for (const index of result.missed) {
      const question = state.questions[index];
      if (!question) continue;
      const chosen = state.answers[index];
      const given =
        chosen === undefined
          ? format.messages.t('exam.results.notAnswered')
          : (question.shown?.[chosen] ?? question.options?.[chosen] ?? '');
      const number = `${index + 1}. `;
      const indent = ' '.repeat(number.length);
      lines.push('');
      wrap(question.stem, width - number.length).forEach((line, i) => {
        lines.push(`${i === 0 ? number : indent}${line}`);
      });
      for (const line of wrap(
        format.messages.t('exam.results.yours', { answer: given }),
        width - indent.length,
      )) {
        lines.push(indent + format.style('bad', line));
      }
      for (const line of wrap(
        originText(question, given, format.messages) ?? '',
        width - indent.length,
      )) {
        if (line) lines.push(indent + line);
      }
      for (const line of wrap(
        format.messages.t('exam.results.correct', {
          answer: question.shown?.[question.correct ?? -1] ?? question.answer,
        }),
        width - indent.length,
      )) {
        lines.push(indent + format.style('ok', line));
      }
      lines.push(...explanationLines(question.explanation, format, indent));
    }
  }
  // Many wrong answers push the verdict off the screen: say it again at the end.
  if (result.missed.length > 0) lines.push('', ...scoreLines);
  return lines;
}
