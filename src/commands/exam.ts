/**
 * `awsquiz exam [topic…] --random N [--time MIN] [--pass PCT] [--seed N]`:
 * all questions first, the verdict at the end, then learning from the misses.
 * Answers are logged when the exam is submitted; card schedules stay as they are.
 */

import { openLibrary } from '../content/library.js';
import { contentDir } from '../content/load.js';
import type { Card } from '../content/model.js';
import { matchTopics } from '../content/topics.js';
import { InterruptedError } from '../errors.js';
import {
  answerQuestion,
  DEFAULT_PASS,
  DEFAULT_QUESTIONS,
  drawExam,
  type ExamState,
  expired,
  flagQuestion,
  goTo,
  scoreExam,
  startExam,
} from '../quiz/exam.js';
import { createRng, randomSeed } from '../quiz/rng.js';
import { DEFAULT_RETENTION } from '../quiz/scheduler.js';
import type { CardStatus, Plan } from '../quiz/session.js';
import { openProgress, scheduleStatus } from '../store/progress.js';
import { renderResults } from '../ui/exam-view.js';
import { formatterFor, paragraph, terminalWidth } from '../ui/format.js';
import { t } from '../ui/i18n.js';
import type { CommandContext } from './context.js';
import { optionalInteger } from './options.js';
import { warn } from './study.js';
import { requireTerminal, runStudyLoop } from './study-loop.js';

export interface ExamOptions {
  random?: string;
  time?: string;
  pass?: string;
  seed?: string;
  topic?: string[];
}

export function examSettings(options: ExamOptions) {
  return {
    count: optionalInteger('--random', options.random, 1, 1000) ?? DEFAULT_QUESTIONS,
    minutes: optionalInteger('--time', options.time, 1, 600),
    pass: optionalInteger('--pass', options.pass, 1, 100) ?? DEFAULT_PASS,
    seed: optionalInteger('--seed', options.seed, 0, 2 ** 31 - 1) ?? randomSeed(),
  };
}

export async function run(context: CommandContext, args: unknown[]): Promise<number> {
  const options = (args[args.length - 1] ?? {}) as ExamOptions;
  const queries = [...((args[0] ?? []) as string[]), ...(options.topic ?? [])];
  const settings = examSettings(options);
  const library = await openLibrary(contentDir(context.content, context.env), context.env);
  const chosen = matchTopics(queries, library.topics).map((topic) => topic.title);
  const topics = new Set(chosen);
  requireTerminal(context, 'exam');
  const store = await openProgress({
    env: context.env,
    now: context.now,
    onWarning: warn(context),
  });
  const format = await formatterFor(context);
  const cards = library.cards.filter((card) => topics.has(card.topic));
  const { index } = await library.structure();
  const draw = drawExam(cards, index, settings.count, createRng(settings.seed));
  const out = (lines: string[]) => context.stdout.write(`${lines.join('\n')}\n`);
  if (draw.questions.length === 0) {
    out([t('exam.noQuestions')]);
    return 1;
  }
  if (draw.available < settings.count) {
    out(paragraph(format, t('exam.fewer', { asked: settings.count, n: draw.available }), 'warn'));
  }
  out([
    ...paragraph(
      format,
      t('exam.start', { n: draw.questions.length, pass: settings.pass }),
      'heading',
    ),
    ...paragraph(format, t('exam.keys'), 'dim'),
    '',
  ]);

  const prompts = await import('../ui/prompts.js');
  // Measured before each screen: the window may be resized during the exam.
  const look = () => ({ width: terminalWidth(context.stdout, context.env), style: format.style });
  const total = draw.questions.length;
  let state: ExamState = startExam(draw.questions, context.now().getTime(), settings.minutes);
  const spent = new Array<number>(total).fill(0);
  let reviewing = false;
  let timedOut = false;
  try {
    for (;;) {
      if (expired(state, context.now().getTime())) {
        timedOut = true;
        break;
      }
      if (state.position >= total) {
        const items = state.questions
          .map((question, index) => ({
            index,
            answered: state.answers[index] !== undefined,
            flagged: state.flags[index] ?? false,
            label: question.stem.split('\n')[0] ?? '',
          }))
          .filter((item) => item.flagged || !item.answered);
        const answered = state.answers.filter((a) => a !== undefined).length;
        const choice = await prompts.askExamReview({
          message: t('exam.review.message', {
            answered,
            total,
            flagged: state.flags.filter(Boolean).length,
          }),
          items,
          deadline: state.deadline,
          look: look(),
        });
        if (choice.type === 'timeout') {
          timedOut = true;
          break;
        }
        if (choice.type === 'submit') break;
        state = goTo(state, choice.index);
        reviewing = true;
        continue;
      }
      const index = state.position;
      const question = state.questions[index];
      if (!question) break;
      const started = Date.now();
      const action = await prompts.askExamQuestion({
        // The flag count follows f as it is pressed on this question.
        header: (flaggedHere: boolean) =>
          t('exam.header', {
            n: index + 1,
            total,
            answered: state.answers.filter((a) => a !== undefined).length,
            flagged: state.flags.filter((f, i) => (i === index ? flaggedHere : f)).length,
          }),
        message: question.stem,
        options: question.options ?? [],
        selected: state.answers[index],
        flagged: state.flags[index] ?? false,
        canGoBack: index > 0 && !reviewing,
        deadline: state.deadline,
        look: look(),
      });
      spent[index] = (spent[index] ?? 0) + (Date.now() - started);
      if (action.type === 'timeout') {
        timedOut = true;
        break;
      }
      if (action.type === 'back') {
        state = goTo(flagQuestion(state, index, action.flagged), index - 1);
        continue;
      }
      state = answerQuestion(state, index, action.index, action.flagged);
      state = goTo(state, reviewing ? total : index + 1);
    }
  } catch (error) {
    if (error instanceof InterruptedError) {
      out(['', format.style('warn', t('exam.abandoned'))]);
    }
    throw error;
  }

  const now = context.now();
  const result = scoreExam(state, settings.pass, now.getTime());
  store.recordExam(
    {
      date: now.toISOString(),
      topics: queries.length > 0 ? chosen : [...new Set(state.questions.map((q) => q.topic))],
      score: result.score,
      total: result.total,
      passMark: result.passMark,
      passed: result.passed,
      seconds: result.seconds,
      byTopic: result.byTopic,
    },
    state.questions.flatMap((question, index) => {
      const chosenOption = state.answers[index];
      if (chosenOption === undefined) return [];
      const correct = chosenOption === question.correct;
      return [
        {
          cardId: question.cardId,
          kind: question.kind,
          grade: correct ? 3 : 1,
          correct,
          ms: spent[index] ?? 0,
          now,
        },
      ];
    }),
  );
  const wide = { ...format, width: look().width };
  out(['', ...renderResults(state, result, wide, { timedOut, minutes: settings.minutes }), '']);

  const missed = result.missed
    .map((index) => library.cards.find((card) => card.id === state.questions[index]?.cardId))
    .filter((card) => card !== undefined);
  if (missed.length > 0) {
    const again = await prompts.askConfirm({
      message: t('exam.studyMissed', { n: missed.length }),
      default: true,
      width: wide.width,
    });
    if (again) {
      out(['']);
      await runStudyLoop({
        context,
        library,
        store,
        plan: missedPlan(missed, scheduleStatus(store.data)),
        format,
        seed: settings.seed,
        retention: DEFAULT_RETENTION,
      });
    }
  }
  return 0;
}

/** The missed cards as a study session: those already studied first, then the new ones. */
function missedPlan(missed: Card[], status: (id: string) => CardStatus | undefined): Plan {
  const known = missed.filter((card) => status(card.id) !== undefined);
  const fresh = missed.filter((card) => status(card.id) === undefined);
  return { queue: [...known, ...fresh], due: known.length, fresh: fresh.length, dueLeftOver: 0 };
}
