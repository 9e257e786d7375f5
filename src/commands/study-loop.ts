/**
 * The interactive loop shared by `study`, `review` and an exam's "study the
 * missed cards now": ask, check, schedule, save, explain, repeat.
 * Every answer is saved before the next question; Ctrl+C prints the summary
 * so far and ends with InterruptedError (exit 130).
 */

import { join } from 'node:path';
import type { Library } from '../content/library.js';
import type { Card } from '../content/model.js';
import { InterruptedError, UsageError } from '../errors.js';
import type { CardState } from '../quiz/card-state.js';
import { checkTyped } from '../quiz/grade.js';
import { makeQuestion } from '../quiz/questions.js';
import { createRng, type Rng } from '../quiz/rng.js';
import { gradeFromOutcome, isCorrectGrade, schedule } from '../quiz/scheduler.js';
import {
  answer,
  current,
  nextDue,
  type Plan,
  refreshCards,
  type SessionState,
  skipCard,
  startSession,
  summarize,
} from '../quiz/session.js';
import type { Question } from '../quiz/types.js';
import { onInterrupt } from '../signals.js';
import { type ProgressStore, scheduleStatus } from '../store/progress.js';
import { explanationLines, originText, pathLines } from '../ui/explanation.js';
import { type Formatter, terminalWidth } from '../ui/format.js';
import { displayWidth, wrap } from '../ui/layout.js';
import type { StudyKey, StudyKeyResult } from '../ui/prompts.js';
import type { CommandContext } from './context.js';
import { openInEditor } from './editor.js';
import { openNotes } from './notes.js';

/** Interactive commands need a terminal on both ends: inquirer would read piped bytes as keys. */
export function requireTerminal(context: CommandContext, command: string): void {
  if (!context.stdin.isTTY || !context.stdout.isTTY) {
    throw new UsageError(context.messages.t('error.needsTty', { command }));
  }
}

export interface LoopOptions {
  context: CommandContext;
  library: Library;
  store: ProgressStore;
  plan: Plan;
  format: Formatter;
  seed: number;
  retention: number;
}

function write(context: CommandContext, lines: string[]): void {
  context.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * "card 3/20 · EC2 · 0 due, 5 new left": the prompt lays it out for the window's width (and
 * again after a resize), breaking only between its pieces; a piece wider than the window is cut.
 */
function header(state: SessionState, card: Card, format: Formatter): string {
  const now = current(state);
  const parts = [
    format.messages.t('study.header.card', { n: now?.number ?? 0, total: now?.total ?? 0 }),
    card.topic,
    format.messages.t('study.header.left', { due: now?.dueLeft ?? 0, fresh: now?.newLeft ?? 0 }),
  ];
  if (now?.repeat) parts.push(format.messages.t('study.header.again'));
  return parts.join(' · ');
}

interface Outcome {
  correct: boolean;
  grade: 1 | 2 | 3 | 4;
  /** For typed answers accepted despite a typo. */
  typo: boolean;
  given?: string;
}

/** The typed forms of the study keys (a typed answer takes every letter). */
const TYPED_KEYS: Record<string, StudyKey> = { ':x': 'suspend', ':e': 'edit', ':u': 'undo' };

async function ask(
  question: Question,
  format: Formatter,
  context: CommandContext,
  studyKeys: readonly StudyKey[],
  header: string,
): Promise<Outcome | StudyKeyResult> {
  const prompts = await import('../ui/prompts.js');
  const look = { width: format.width, style: format.style, messages: format.messages };
  const io = { input: context.stdin, output: context.stdout };
  if (question.format === 'choice') {
    const index = await prompts.askChoice(
      {
        message: question.stem,
        options: question.options ?? [],
        header,
        look,
        studyKeys,
      },
      io,
    );
    if (typeof index !== 'number') return index;
    const correct = index === question.correct;
    return {
      correct,
      grade: gradeFromOutcome('choice', correct),
      typo: false,
      given: question.shown?.[index] ?? question.options?.[index] ?? '',
    };
  }
  if (question.format === 'typed') {
    const given = await prompts.askTyped({ message: question.stem, header, look, studyKeys }, io);
    const key = TYPED_KEYS[given.toLowerCase()];
    if (key && studyKeys.includes(key)) return { type: 'key', key };
    const result = checkTyped(given, question.answer, question.accept ?? []);
    return {
      correct: result.correct,
      grade: gradeFromOutcome('typed', result.correct),
      typo: result.typo,
      given,
    };
  }
  const self = await prompts.askRecall(
    { message: question.stem, answer: question.answer, header, look, studyKeys },
    io,
  );
  if (typeof self !== 'string') return self;
  const grade = gradeFromOutcome('recall', true, self);
  return { correct: isCorrectGrade(grade), grade, typo: false };
}

function feedback(
  question: Question,
  outcome: Outcome,
  due: number,
  now: Date,
  format: Formatter,
): string[] {
  const lines: string[] = [];
  const right = question.shown?.[question.correct ?? -1] ?? question.answer;
  if (question.format !== 'recall') {
    if (outcome.correct) {
      lines.push(
        format.style(
          'ok',
          `✓ ${format.messages.t(outcome.typo ? 'study.correctTypo' : 'study.correct')}`,
        ),
      );
      if (outcome.typo) lines.push(`  ${format.messages.t('study.answerWas', { answer: right })}`);
    } else {
      // The prompt has just shown the answer given (→ X); only an empty one is said here.
      const said = outcome.given
        ? format.messages.t('study.wrongShort')
        : format.messages.t('study.wrong', { given: format.messages.t('study.noAnswer') });
      lines.push(
        ...wrap(said, format.width - 2).map((line, i) =>
          format.style('bad', `${i === 0 ? '✗' : ' '} ${line}`),
        ),
      );
      // "Answer: " hangs: a long answer goes on under its own first word.
      const label = format.messages.t('study.answerWas', { answer: '' });
      const hang = ' '.repeat(2 + displayWidth(label));
      lines.push(
        ...wrap(right, format.width - hang.length).map((line, i) =>
          format.style('bold', i === 0 ? `  ${label}${line}` : `${hang}${line}`),
        ),
      );
      const origin = originText(question, outcome.given ?? '', format.messages);
      if (origin) lines.push(...wrap(origin, format.width - 2).map((line) => `  ${line}`));
    }
  }
  // A recall card has just shown its answer: the section would only repeat it.
  if (question.format === 'recall')
    lines.push(...pathLines(question.explanation.path, format, '  '));
  else lines.push(...explanationLines(question.explanation, format, '  '));
  const next = format.messages.t('study.nextReview', {
    when: format.messages.duration(due - now.getTime()),
  });
  lines.push(...wrap(next, format.width - 2).map((line) => format.style('dim', `  ${line}`)));
  lines.push('');
  return lines;
}

export interface LoopResult {
  state: SessionState;
  interrupted: boolean;
}

/** Runs the session; returns normally at the end, throws InterruptedError after printing the summary on Ctrl+C. */
export async function runStudyLoop(options: LoopOptions): Promise<LoopResult> {
  const { context, store } = options;
  let library = options.library;
  let format = options.format;
  const rng: Rng = createRng(options.seed);
  let { index } = await library.structure();
  let state = startSession(options.plan);
  /** The last answer, while it can still be taken back (one level). */
  let last: Undo | undefined;
  const studied = new Set<string>();
  // Runs once the first question is on screen and the process waits for a key.
  const warming = setTimeout(() => store.warm(), 0);
  warming.unref();
  // Ctrl+C between two questions is a signal, not a key: the same summary, then exit 130.
  const release = onInterrupt(() => {
    if (state.answered > 0)
      write(context, ['', ...summaryLines(state, { ...options, library }, format)]);
  });
  try {
    for (let now = current(state); now; now = current(state)) {
      const question = makeQuestion(now.card, index, rng, 'study', context.messages.text);
      if (!question) {
        state = { ...state, position: state.position + 1 };
        continue;
      }
      // The window may have been resized since the last question.
      format = { ...format, width: terminalWidth(context.stdout, context.env) };
      const started = context.now().getTime();
      const keys: StudyKey[] = last ? ['suspend', 'edit', 'undo'] : ['suspend', 'edit'];
      const outcome = await ask(question, format, context, keys, header(state, now.card, format));
      if ('type' in outcome) {
        const card = now.card;
        if (outcome.key === 'suspend') {
          store.suspend([card.id], context.now());
          state = skipCard(state);
          last = undefined;
          write(context, [format.style('warn', `  ${format.messages.t('study.suspended')}`), '']);
        } else if (outcome.key === 'undo' && last) {
          const undone = store.undoAnswer({
            cardId: last.cardId,
            time: last.time,
            previous: last.previous,
          });
          if (undone) state = last.state;
          write(context, [
            format.style(
              'warn',
              `  ${format.messages.t(undone ? 'study.undone' : 'study.undoGone')}`,
            ),
            '',
          ]);
          last = undefined;
        } else if (outcome.key === 'edit') {
          const edited = await editCard(context, library, card, format);
          if (edited) {
            const before = library.cards;
            library = edited;
            ({ index } = await library.structure());
            state = refreshCards(state, library.cards, before);
            // An answer can still be taken back after an edit: then the new versions are asked.
            if (last) last = { ...last, state: refreshCards(last.state, library.cards, before) };
            const asked = state.queue[state.position];
            // Gone: neither the card nor a new version of it from the same line is asked next.
            if (asked?.id !== card.id && (asked?.file !== card.file || asked.line !== card.line))
              write(context, [
                format.style('dim', `  ${format.messages.t('study.edit.changed')}`),
                '',
              ]);
          }
        }
        continue;
      }
      const answeredAt = context.now();
      const before = state;
      let previous: CardState | undefined;
      const next = store.recordAnswer({
        cardId: now.card.id,
        kind: now.card.kind,
        grade: outcome.grade,
        correct: outcome.correct,
        ms: answeredAt.getTime() - started,
        now: answeredAt,
        reschedule: (found) => {
          previous = found === undefined ? undefined : structuredClone(found);
          return schedule(found, outcome.grade, answeredAt, options.retention);
        },
      });
      studied.add(now.card.id);
      write(
        context,
        feedback(question, outcome, next?.due ?? answeredAt.getTime(), answeredAt, format),
      );
      state = answer(state, outcome.correct);
      last = { state: before, cardId: now.card.id, time: answeredAt.getTime(), previous };
    }
  } catch (error) {
    // Ctrl+C: the answers are saved; a summary only if there was anything to sum up.
    if (error instanceof InterruptedError && state.answered > 0) {
      write(context, ['', ...summaryLines(state, { ...options, library }, format)]);
    }
    throw error;
  } finally {
    clearTimeout(warming);
    release();
  }
  write(context, summaryLines(state, { ...options, library }, format));
  return { state, interrupted: false };
}

interface Undo {
  /** The session as it was before the answer. */
  state: SessionState;
  cardId: string;
  /** Epoch ms the answer was logged at. */
  time: number;
  /** The card's schedule before the answer (undefined: never studied). */
  previous: CardState | undefined;
}

/**
 * `e`: opens the card's note in the editor at its line, then reads the notes
 * again. Undefined when no editor could be run (the learner was told why).
 */
async function editCard(
  context: CommandContext,
  library: Library,
  card: Card,
  format: Formatter,
): Promise<Library | undefined> {
  const file = join(library.dir, card.file);
  const result = openInEditor(context.env, context.stdin, file, card.line);
  if (!result.ok) {
    const message =
      result.reason === 'none'
        ? format.messages.t('study.edit.none', { file, line: card.line })
        : format.messages.t('study.edit.failed', {
            editor: result.editor,
            reason: result.detail,
            file,
            line: card.line,
          });
    write(context, [
      ...wrap(message, format.width - 2).map((l) => format.style('warn', `  ${l}`)),
      '',
    ]);
    return undefined;
  }
  const reopened = await openNotes(context);
  write(context, [format.style('dim', `  ${format.messages.t('study.edit.reloaded')}`), '']);
  return reopened;
}

export function summaryLines(
  state: SessionState,
  options: Pick<LoopOptions, 'library' | 'store' | 'context'>,
  format: Formatter,
): string[] {
  const summary = summarize(state);
  const lines = [format.style('heading', format.messages.t('study.summary.title'))];
  lines.push(
    format.messages.t('study.summary.answered', {
      answered: summary.answered,
      correct: summary.correct,
      percent: summary.accuracy === undefined ? '–' : Math.round(summary.accuracy * 100),
    }),
  );
  lines.push(format.messages.t('study.summary.learned', { n: summary.learned }));
  const due = nextDue(options.library.cards, scheduleStatus(options.store.data));
  if (due !== undefined) {
    const now = options.context.now().getTime();
    lines.push(
      due <= now
        ? format.messages.t('study.summary.dueNow')
        : format.messages.t('study.summary.next', { when: format.messages.duration(due - now) }),
    );
  }
  return lines;
}
