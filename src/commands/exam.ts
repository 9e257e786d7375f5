/**
 * `awsquiz exam [topic…] --random N [--time MIN] [--pass PCT] [--seed N]`:
 * all questions first, the verdict at the end, then learning from the misses.
 * Answers are logged when the exam is submitted; card schedules stay as they are.
 */

import type { Card } from '../content/model.js';
import { matchTopics } from '../content/topics.js';
import { InterruptedError } from '../errors.js';
import {
  answeredCount,
  DEFAULT_PASS,
  DEFAULT_QUESTIONS,
  drawExam,
  type ExamEvent,
  type ExamState,
  examRecord,
  examReducer,
  examScreen,
  scoreExam,
  startExam,
} from '../quiz/exam.js';
import { isSuspended } from '../quiz/progress-data.js';
import { DEFAULT_RETENTION } from '../quiz/retention.js';
import { createRng, randomSeed } from '../quiz/rng.js';
import type { CardStatus, Plan } from '../quiz/session.js';
import { openProgress, scheduleStatus } from '../store/progress.js';
import { renderResults } from '../ui/exam-view.js';
import { formatterFor, paragraph, terminalWidth } from '../ui/format.js';
import { pieceLines } from '../ui/layout.js';
import { type CommandContext, warn } from './context.js';
import type { ExamOptions } from './definitions.js';
import { openNotes } from './notes.js';
import { requireTerminal, runStudyLoop } from './study-loop.js';

export async function run(context: CommandContext, options: ExamOptions): Promise<number> {
  const queries = options.topics;
  const settings = {
    count: options.random ?? DEFAULT_QUESTIONS,
    minutes: options.time,
    pass: options.pass ?? DEFAULT_PASS,
    seed: options.seed ?? randomSeed(),
  };
  const library = await openNotes(context);
  const chosen = matchTopics(queries, library.topics).map((topic) => topic.title);
  const topics = new Set(chosen);
  requireTerminal(context, 'exam');
  const store = await openProgress({
    env: context.env,
    now: context.now,
    onWarning: warn(context),
  });
  const format = await formatterFor(context);
  // Cards the learner suspended are left out of exams too.
  const cards = library.cards.filter(
    (card) => topics.has(card.topic) && !isSuspended(store.data, card.id),
  );
  const { index } = await library.structure();
  const draw = drawExam(
    cards,
    index,
    settings.count,
    createRng(settings.seed),
    context.messages.text,
  );
  const out = (lines: string[]) => context.stdout.write(`${lines.join('\n')}\n`);
  if (draw.questions.length === 0) {
    out([context.messages.t('exam.noQuestions')]);
    return 1;
  }
  if (draw.available < settings.count) {
    out(
      paragraph(
        format,
        context.messages.t('exam.fewer', { asked: settings.count, n: draw.available }),
        'warn',
      ),
    );
  }
  out([
    ...paragraph(
      format,
      context.messages.t('exam.start', { n: draw.questions.length, pass: settings.pass }),
      'heading',
    ),
    // Key hints break between hints, never inside one ("見直しして提" / "出").
    ...pieceLines(context.messages.t('exam.keys'), format.width).map((line) =>
      format.style('dim', line),
    ),
    '',
  ]);

  const prompts = await import('../ui/prompts.js');
  const io = {
    input: context.stdin,
    output: context.stdout,
    now: () => context.now().getTime(),
  };
  // Measured before each screen: the window may be resized during the exam.
  const look = () => ({
    width: terminalWidth(context.stdout, context.env),
    style: format.style,
    messages: context.messages,
  });
  const total = draw.questions.length;
  let state: ExamState = startExam(draw.questions, io.now(), settings.minutes);
  /** One screen of the exam, as the event the user's keys (or the clock) made. */
  const ask = async (): Promise<ExamEvent | undefined> => {
    const screen = examScreen(state);
    if (screen.type === 'ended') return undefined;
    if (screen.type === 'review') {
      const choice = await prompts.askExamReview(
        {
          message: context.messages.t('exam.review.message', {
            answered: screen.answered,
            total,
            flagged: screen.flagged,
          }),
          items: screen.items,
          deadline: state.deadline,
          look: look(),
        },
        io,
      );
      return choice.type === 'goto' ? { type: 'open', index: choice.index } : choice;
    }
    const at = screen.index;
    const question = state.questions[at];
    if (!question) return { type: 'submit' };
    const started = io.now();
    const action = await prompts.askExamQuestion(
      {
        // The flag count follows f as it is pressed on this question.
        header: (flaggedHere: boolean) =>
          context.messages.t('exam.header', {
            n: at + 1,
            total,
            answered: answeredCount(state),
            flagged: state.flags.filter((f, i) => (i === at ? flaggedHere : f)).length,
          }),
        message: question.stem,
        options: question.options ?? [],
        selected: state.answers[at],
        flagged: state.flags[at] ?? false,
        canGoBack: screen.canGoBack,
        deadline: state.deadline,
        look: look(),
      },
      io,
    );
    const ms = io.now() - started;
    if (action.type === 'timeout') return { type: 'timeout' };
    if (action.type === 'back') return { type: 'back', flagged: action.flagged, ms };
    return { type: 'answer', option: action.index, flagged: action.flagged, ms };
  };
  try {
    for (;;) {
      state = examReducer(state, { type: 'tick', now: io.now() });
      const event = await ask();
      if (event === undefined) break;
      state = examReducer(state, event);
    }
  } catch (error) {
    if (error instanceof InterruptedError) {
      out(['', format.style('warn', context.messages.t('exam.abandoned'))]);
    }
    throw error;
  }

  const now = context.now();
  const result = scoreExam(state, settings.pass, now.getTime());
  store.recordExam(
    examRecord(
      result,
      now,
      queries.length > 0 ? chosen : [...new Set(state.questions.map((q) => q.topic))],
    ),
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
          ms: state.spent[index] ?? 0,
          now,
        },
      ];
    }),
  );
  const wide = { ...format, width: look().width };
  const timedOut = state.ended === 'timeout';
  out(['', ...renderResults(state, result, wide, { timedOut, minutes: settings.minutes }), '']);

  const missed = result.missed
    .map((index) => library.cards.find((card) => card.id === state.questions[index]?.cardId))
    .filter((card) => card !== undefined);
  if (missed.length > 0) {
    const again = await prompts.askConfirm(
      {
        message: context.messages.t('exam.studyMissed', { n: missed.length }),
        default: true,
        width: wide.width,
        messages: context.messages,
      },
      io,
    );
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
