/**
 * Every question the terminal asks: the only module that imports Inquirer.
 * It only asks and returns; scoring and scheduling happen elsewhere.
 *
 * Ctrl+C makes Inquirer reject with ExitPromptError; here it becomes our
 * InterruptedError, so callers catch one type in one place.
 */

import confirmPrompt from '@inquirer/confirm';
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isNumberKey,
  isUpKey,
  type KeypressEvent,
  makeTheme,
  useEffect,
  useKeypress,
  usePrefix,
  useRef,
  useState,
} from '@inquirer/core';
import inputPrompt from '@inquirer/input';
import { InterruptedError } from '../errors.js';
import { systemClock } from '../ground/clock.js';
import type { ReviewItem } from '../quiz/exam.js';
import type { SelfGrade } from '../quiz/types.js';
import type { Style } from './format.js';
import { type Messages, messagesFor } from './i18n.js';
import { clock, displayWidth, pieces, truncate, wrap } from './layout.js';

export interface PromptIO {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** The clock a countdown reads (epoch ms; default: the system clock). */
  now?: () => number;
}

const systemNow = () => systemClock().getTime();

/** How prompts look: the line width and the styles of ui/format. */
export interface PromptLook {
  width: number;
  style: (style: Style, text: string) => string;
  /** The prompts' own words (keys, labels), in the user's language. */
  messages: Messages;
}

/** The terminal a prompt draws on: its size now, and news of a resize. */
export interface TerminalLike {
  columns?: number;
  rows?: number;
  isTTY?: boolean;
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
  write?(text: string): unknown;
}

/** Clears the visible screen and puts the cursor at its top (the scrollback stays). */
const CLEAR_SCREEN = '\u001b[H\u001b[2J';

/**
 * The size to draw for: the terminal's own size when it is one (read again
 * at every draw), else the look's width and no height limit. A resize
 * clears the screen and draws the prompt again for the new size, so no
 * piece of the old layout stays (the terminal's reflow of the old lines
 * cannot be erased line by line).
 */
function useTerminalSize(look: PromptLook, terminal: TerminalLike | undefined) {
  const [, setGeneration] = useState(0);
  const generation = useRef(0);
  useEffect(() => {
    if (!terminal?.isTTY || !terminal.on) return undefined;
    const onResize = () => {
      terminal.write?.(CLEAR_SCREEN);
      generation.current += 1;
      setGeneration(generation.current);
    };
    terminal.on('resize', onResize);
    return () => terminal.off?.('resize', onResize);
  }, []);
  const tty = terminal?.isTTY && terminal.columns ? terminal : undefined;
  return {
    width: tty?.columns ? Math.max(20, tty.columns) : look.width,
    height: tty?.rows && tty.rows > 0 ? tty.rows : Number.POSITIVE_INFINITY,
  };
}

/**
 * Fits a prompt into `height` lines, so the terminal never scrolls it (a
 * prompt taller than the window leaves a copy in the scrollback at every
 * redraw, and its question scrolls out of sight). `top` stays (where you
 * are, the question's first line), `bottom` stays (the key hints, cut to
 * whole hints), and `body` is shown through a window that always holds the
 * lines `focus` (the highlighted option): moving the highlight scrolls it.
 * The lines hidden above or below are counted on the hint line.
 */
export function fitToHeight(
  parts: {
    top: string[];
    body: string[];
    focus: [number, number];
    bottom: string[];
    /** Lines scrolled down from where the focus puts the window (paging by key). */
    scroll?: number;
  },
  height: number,
  more: (above: number, below: number) => string,
): string[] {
  const { top, body, bottom } = parts;
  // One line is kept free for the cursor.
  const room = height - 1;
  if (top.length + body.length + bottom.length <= room) return [...top, ...body, ...bottom];
  // The highlighted option shows whole, before the key hints (they give way first).
  const [start, end] = parts.focus;
  const focusLines = Math.max(1, end - start + 1);
  const keepBottom = bottom.slice(
    0,
    Math.max(0, Math.min(bottom.length, room - top.length - 1 - focusLines)),
  );
  const window = Math.max(1, room - top.length - keepBottom.length - 1);
  const focused = Math.max(0, Math.min(start, end + 1 - window, body.length - window));
  const offset = Math.max(0, Math.min(focused + (parts.scroll ?? 0), body.length - window));
  const shown = body.slice(offset, offset + window);
  const below = body.length - offset - shown.length;
  return [...top, ...shown, more(offset, below), ...keepBottom].slice(0, Math.max(1, room));
}

/** Without a look given: 80 columns, no styles, English. */
const PLAIN: PromptLook = { width: 80, style: (_s, text) => text, messages: messagesFor('en') };

/**
 * Inquirer marks an answered question with ✔, which reads as "right" next to
 * a wrong answer: an answered question gets a neutral mark instead, and the
 * feedback says whether it was right.
 */
const PREFIX = { idle: '?', done: '›' };
const THEME = makeTheme({ prefix: PREFIX });
const THEME_PREFIX_IDLE = PREFIX.idle;

async function guard<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (
      error instanceof Error &&
      (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')
    ) {
      throw new InterruptedError();
    }
    throw error;
  }
}

function terminalOf(io: PromptIO): TerminalLike {
  return (io.output ?? process.stdout) as TerminalLike;
}

function context(io: PromptIO) {
  return { ...(io.input ? { input: io.input } : {}), ...(io.output ? { output: io.output } : {}) };
}

/** Wraps text for display after a prefix of `indent` columns. */
function block(text: string, width: number, indent: number): string[] {
  return wrap(text, Math.max(10, width - indent));
}

function isKey(key: KeypressEvent, ...names: string[]): boolean {
  return !key.ctrl && names.includes(key.name);
}

// ---------------------------------------------------------------------------
// Study keys: x suspends the card, e opens its note, u takes back the last answer.

export type StudyKey = 'suspend' | 'edit' | 'undo';
export type StudyKeyResult = { type: 'key'; key: StudyKey };
const STUDY_KEY_NAMES: Record<StudyKey, string> = { suspend: 'x', edit: 'e', undo: 'u' };

function studyKey(
  key: KeypressEvent,
  allowed: readonly StudyKey[] | undefined,
): StudyKey | undefined {
  return allowed?.find((name) => isKey(key, STUDY_KEY_NAMES[name]));
}

/** The hints of the study keys allowed, in a fixed order. */
export function studyKeyHints(
  allowed: readonly StudyKey[] | undefined,
  messages: Messages,
): string[] {
  return (['suspend', 'edit', 'undo'] as const)
    .filter((name) => allowed?.includes(name))
    .map((name) => messages.t(`prompt.keys.${name}`));
}

// ---------------------------------------------------------------------------
// Multiple choice (study and exam)

export type ChoiceResult =
  | { type: 'answer'; index: number; flagged: boolean }
  | { type: 'back'; flagged: boolean }
  | { type: 'timeout'; flagged: boolean }
  | StudyKeyResult;

export interface ChoiceConfig {
  message: string;
  options: string[];
  /** Highlighted at the start (default: the first option). */
  selected?: number | undefined;
  flagged?: boolean;
  /** Exam keys: f flags the question, b / ← goes back. */
  allowFlag?: boolean;
  allowBack?: boolean;
  /** A line above the question (where you are in an exam), given whether it is flagged now. */
  header?: string | ((flagged: boolean) => string) | undefined;
  /** Epoch ms: a countdown is shown, and the prompt resolves 'timeout' when it runs out. */
  deadline?: number | undefined;
  /** The clock the countdown reads (epoch ms; default: the system clock). */
  now?: (() => number) | undefined;
  /** Study keys x / e / u: the prompt resolves with the key pressed. */
  studyKeys?: readonly StudyKey[] | undefined;
  /** The key hints under the options (default: move · answer, and the exam keys allowed). */
  hints?: string[];
  look?: PromptLook;
  /** The terminal drawn on: its rows bound the prompt's height, its resizes redraw it. */
  terminal?: TerminalLike | undefined;
}

export const choicePrompt = createPrompt<ChoiceResult, ChoiceConfig>((config, done) => {
  const look = config.look ?? PLAIN;
  const count = config.options.length;
  const [active, setActive] = useState(Math.min(Math.max(config.selected ?? 0, 0), count - 1));
  const [flagged, setFlagged] = useState(config.flagged ?? false);
  const [status, setStatus] = useState<'idle' | 'done' | 'back' | 'timeout' | 'key'>('idle');
  const clockNow = config.now ?? systemNow;
  const [now, setNow] = useState(clockNow());
  const prefix = usePrefix({ status: status === 'idle' ? 'idle' : 'done', theme: THEME });
  const size = useTerminalSize(look, config.terminal);
  const shownSecond = useRef(Math.ceil(((config.deadline ?? 0) - now) / 1000));

  useEffect(() => {
    const deadline = config.deadline;
    if (deadline === undefined) return undefined;
    const timer = setInterval(() => {
      const time = clockNow();
      // Drawn again only when the countdown shows another second.
      const second = Math.ceil((deadline - time) / 1000);
      if (second !== shownSecond.current || time >= deadline) {
        shownSecond.current = second;
        setNow(time);
      }
      if (time >= deadline) {
        clearInterval(timer);
        setStatus('timeout');
        done({ type: 'timeout', flagged: false });
      }
    }, 250);
    return () => clearInterval(timer);
  }, []);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      setStatus('done');
      done({ type: 'answer', index: active, flagged });
      return;
    }
    const pressed = studyKey(key, config.studyKeys);
    if (pressed) {
      setStatus('key');
      done({ type: 'key', key: pressed });
      return;
    }
    if (isUpKey(key) || isKey(key, 'k')) setActive((active - 1 + count) % count);
    else if (isDownKey(key) || isKey(key, 'j')) setActive((active + 1) % count);
    else if (isNumberKey(key)) {
      const index = Number(key.name) - 1;
      if (index >= 0 && index < count) setActive(index);
    } else if (config.allowFlag && isKey(key, 'f')) setFlagged(!flagged);
    else if (config.allowBack && isKey(key, 'b', 'left')) {
      setStatus('back');
      done({ type: 'back', flagged });
      return;
    }
    rl.clearLine(0);
  });

  const width = size.width;
  const message = block(config.message, width, 2);
  // Header pieces ("Question 3/10 · answered 2 · ⏱ 9:38") break between pieces, never inside one.
  const where = pieces(
    [
      typeof config.header === 'function' ? config.header(flagged) : config.header,
      config.deadline === undefined ? undefined : `⏱ ${clock(config.deadline - now)}`,
    ]
      .filter((part): part is string => Boolean(part))
      .flatMap((part) => part.split(' · '))
      .map((part) => truncate(part, width)),
    width,
    0,
    ' · ',
  );
  const head = [
    ...where.map((line) => look.style('dim', line)),
    ...message.map((line, i) =>
      i === 0 ? `${prefix} ${look.style('bold', line)}` : `  ${look.style('bold', line)}`,
    ),
  ];
  if (status === 'key') return head.join('\n');
  if (status === 'back')
    return [...head, look.style('dim', `  ← ${look.messages.t('prompt.wentBack')}`)].join('\n');
  // Not answered: the highlighted option was never chosen.
  if (status === 'timeout')
    return [...head, look.style('dim', `  ⏱ ${look.messages.t('prompt.timeUp')}`)].join('\n');
  if (status === 'done') {
    const chosen = block(config.options[active] ?? '', width, 4);
    return [
      ...head,
      ...chosen.map((line, i) => `${i === 0 ? '  → ' : '    '}${look.style('accent', line)}`),
    ].join('\n');
  }
  const numberWidth = String(count).length;
  let focus: [number, number] = [0, 0];
  const options: string[] = [];
  config.options.forEach((option, index) => {
    const marker = index === active ? '❯' : ' ';
    const label = `${String(index + 1).padStart(numberWidth)}.`;
    const indent = 2 + label.length + 1;
    const lines = block(option, width, indent).map((line, i) => {
      const text = i === 0 ? `${marker} ${label} ${line}` : `${' '.repeat(indent)}${line}`;
      return index === active ? look.style('accent', text) : text;
    });
    if (index === active) focus = [options.length, options.length + lines.length - 1];
    options.push(...lines);
  });
  const keys = config.hints ?? [
    look.messages.t(count > 1 && count <= 9 ? 'prompt.keys.moveNumbers' : 'prompt.keys.move', {
      last: count,
    }),
    look.messages.t('prompt.keys.answer'),
  ];
  if (config.allowFlag)
    keys.push(look.messages.t(flagged ? 'prompt.keys.unflag' : 'prompt.keys.flag'));
  if (config.allowBack) keys.push(look.messages.t('prompt.keys.back'));
  keys.push(...studyKeyHints(config.studyKeys, look.messages));
  const flagLine = flagged ? [look.style('warn', `  ⚑ ${look.messages.t('prompt.flagged')}`)] : [];
  const hints = pieces(keys, width, 2, ' · ').map((line) => look.style('dim', line));
  // Too tall for the window: the header and the question's first line stay; the rest of the
  // question and the options scroll with the highlight.
  const top = head.slice(0, where.length + 1);
  const body = [...head.slice(where.length + 1), ...options, ...flagLine];
  const offset = head.length - top.length;
  return fitToHeight(
    { top, body, focus: [focus[0] + offset, focus[1] + offset], bottom: hints },
    size.height,
    (above, below) => look.style('dim', `  ${moreLine(look.messages, above, below, width)}`),
  ).join('\n');
});

/** A header ("card 3/20 · EC2 · 5 new left") laid out between its pieces, each cut to the width. */
function headerLines(header: string | undefined, width: number, look: PromptLook): string[] {
  if (!header) return [];
  return pieces(
    header.split(' · ').map((part) => truncate(part, width)),
    width,
    0,
    ' · ',
  ).map((line) => look.style('dim', line));
}

/**
 * "↑ 3 lines above · ↓ 5 lines below": what the window hides (↑↓ scroll to it);
 * "↑3 ↓5" when that does not fit.
 */
function moreLine(messages: Messages, above: number, below: number, width: number): string {
  const long = [
    above > 0 ? messages.t('prompt.moreAbove', { n: above }) : '',
    below > 0 ? messages.t('prompt.moreBelow', { n: below }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  if (displayWidth(long) <= width - 2) return long;
  return [above > 0 ? `↑${above}` : '', below > 0 ? `↓${below}` : ''].filter(Boolean).join(' ');
}

/** A multiple-choice question; Enter alone answers with the highlighted (first) option. */
export async function askChoice(
  config: {
    message: string;
    options: string[];
    header?: string;
    look?: PromptLook;
    studyKeys?: readonly StudyKey[];
  },
  io: PromptIO = {},
): Promise<number | StudyKeyResult> {
  const result = await guard(choicePrompt({ ...config, terminal: terminalOf(io) }, context(io)));
  if (result.type === 'key') return result;
  return result.type === 'answer' ? result.index : 0;
}

export type ExamAction = Exclude<ChoiceResult, StudyKeyResult>;

/** An exam question: like askChoice, plus f to flag for review and b / ← to go back. */
export function askExamQuestion(
  config: {
    message: string;
    options: string[];
    selected?: number | undefined;
    flagged: boolean;
    canGoBack: boolean;
    header?: string | ((flagged: boolean) => string);
    deadline?: number | undefined;
    look?: PromptLook;
  },
  io: PromptIO = {},
): Promise<ExamAction> {
  // No study keys are given to an exam question, so it never resolves with one.
  return guard(
    choicePrompt(
      {
        message: config.message,
        options: config.options,
        selected: config.selected,
        flagged: config.flagged,
        allowFlag: true,
        allowBack: config.canGoBack,
        header: config.header,
        deadline: config.deadline,
        now: io.now,
        terminal: terminalOf(io),
        ...(config.look ? { look: config.look } : {}),
      },
      context(io),
    ),
  ).then((result) => (result.type === 'key' ? { type: 'back', flagged: false } : result));
}

// ---------------------------------------------------------------------------
// Recall: Enter shows the answer, then a self-grade with Good highlighted.

const GRADES: SelfGrade[] = ['again', 'hard', 'good', 'easy'];
/** Lines a page key scrolls a long answer. */
const PAGE = 3;

export interface RecallConfig {
  message: string;
  answer: string;
  /** A line above the question (where you are in the session). */
  header?: string | undefined;
  look?: PromptLook;
  /** Study keys x / e / u, before and after the answer is shown. */
  studyKeys?: readonly StudyKey[] | undefined;
  terminal?: TerminalLike | undefined;
}

export const recallPrompt = createPrompt<SelfGrade | StudyKeyResult, RecallConfig>(
  (config, done) => {
    const look = config.look ?? PLAIN;
    const [shown, setShown] = useState(false);
    const [active, setActive] = useState(2);
    const [status, setStatus] = useState<'idle' | 'done' | 'key'>('idle');
    const [scroll, setScroll] = useState(0);
    const prefix = usePrefix({ status: status === 'idle' ? 'idle' : 'done', theme: THEME });
    const size = useTerminalSize(look, config.terminal);

    useKeypress((key, rl) => {
      if (status !== 'idle') return;
      const pressed = studyKey(key, config.studyKeys);
      if (pressed) {
        setStatus('key');
        done({ type: 'key', key: pressed });
        return;
      }
      if (!shown) {
        if (isEnterKey(key) || isKey(key, 'space')) setShown(true);
        rl.clearLine(0);
        return;
      }
      if (isEnterKey(key)) {
        setStatus('done');
        done(GRADES[active] ?? 'good');
        return;
      }
      // A long answer in a short window pages with Space / PgDn and PgUp.
      if (isKey(key, 'space', 'pagedown')) setScroll(scroll + PAGE);
      else if (isKey(key, 'pageup')) setScroll(Math.max(0, scroll - PAGE));
      else if (isUpKey(key) || isKey(key, 'left', 'k', 'h')) setActive(Math.max(0, active - 1));
      else if (isDownKey(key) || isKey(key, 'right', 'j', 'l'))
        setActive(Math.min(GRADES.length - 1, active + 1));
      else if (isNumberKey(key)) {
        const index = Number(key.name) - 1;
        if (index >= 0 && index < GRADES.length) setActive(index);
      }
      rl.clearLine(0);
    });

    const width = size.width;
    const where = headerLines(config.header, width, look);
    const message = block(config.message, width, 2).map((line, i) =>
      i === 0 ? `${prefix} ${look.style('bold', line)}` : `  ${look.style('bold', line)}`,
    );
    const top = [...where, ...message.slice(0, 1)];
    const more = (above: number, below: number) => {
      const line = moreLine(look.messages, above, below, width);
      const paged = shown ? `${line} · ${look.messages.t('prompt.keys.page')}` : line;
      return look.style('dim', `  ${displayWidth(paged) <= width - 2 ? paged : line}`);
    };
    const hint = (text: string) => block(text, width, 2).map((l) => look.style('dim', `  ${l}`));
    const extra = pieces(studyKeyHints(config.studyKeys, look.messages), width, 2, ' · ').map((l) =>
      look.style('dim', l),
    );
    if (status === 'key') return [...where, ...message].join('\n');
    if (!shown)
      return fitToHeight(
        {
          top,
          body: message.slice(1),
          focus: [0, 0],
          bottom: [...hint(look.messages.t('prompt.reveal')), ...extra],
        },
        size.height,
        more,
      ).join('\n');
    const answer = block(config.answer, width, 4).map((line) => `    ${line}`);
    const labels = GRADES.map((grade, i) => {
      const label = `${i + 1} ${look.messages.t(`grade.${grade}`)}`;
      return i === active ? `[${label}]` : ` ${label} `;
    });
    // The question and the grades on one line when they fit, else the grades under it.
    const oneLine = `  ${look.messages.t('prompt.howWell')} ${labels.join(' ')}`;
    const fits = displayWidth(oneLine) <= width;
    // In a short window the grades stay and the question about them may scroll.
    const howWell = fits
      ? []
      : block(look.messages.t('prompt.howWell'), width, 2).map((l) => `  ${l}`);
    const gradeLines = (fits ? [oneLine] : pieces(labels, width, 2)).map((line) => {
      const chosen = labels[active] ?? '';
      return line.replace(chosen, look.style('accent', chosen));
    });
    if (status === 'done') {
      return [
        ...where,
        ...message,
        ...answer,
        `  → ${look.style('accent', look.messages.t(`grade.${GRADES[active] ?? 'good'}`))}`,
      ].join('\n');
    }
    // Too tall: the question's first line and the grades stay; the answer is shown from its start.
    const body = [
      ...message.slice(1),
      look.style('dim', `  ${look.messages.t('prompt.answerWas')}`),
      ...answer,
      ...howWell,
    ];
    const start = message.length - 1;
    return fitToHeight(
      {
        top,
        body,
        focus: [start, Math.min(body.length - 1, start + 1)],
        scroll,
        bottom: [
          ...gradeLines,
          ...pieces(look.messages.t('prompt.keys.grade').split(' · '), width, 2, ' · ').map((l) =>
            look.style('dim', l),
          ),
          ...extra,
        ],
      },
      size.height,
      more,
    ).join('\n');
  },
);

export function askRecall(
  config: RecallConfig,
  io: PromptIO = {},
): Promise<SelfGrade | StudyKeyResult> {
  return guard(recallPrompt({ ...config, terminal: terminalOf(io) }, context(io)));
}

// ---------------------------------------------------------------------------
// Typed answers, confirmation, the exam review screen

/**
 * A typed answer; empty means "I don't know". The question is printed once
 * above the input line: the input prompt redraws itself at every key, and a
 * tall question redrawn in a short window would leave a copy in the
 * scrollback each time.
 */
export async function askTyped(
  config: {
    message: string;
    header?: string;
    look?: PromptLook;
    studyKeys?: readonly StudyKey[];
  },
  io: PromptIO = {},
): Promise<string> {
  const look = config.look ?? PLAIN;
  const width = terminalWidthOf(io, look);
  const question = block(config.message, width, 2).map((line, i) =>
    i === 0 ? `${THEME_PREFIX_IDLE} ${look.style('bold', line)}` : `  ${look.style('bold', line)}`,
  );
  // A typed answer takes every letter: the study keys are typed as `:x`, `:e`, `:u`.
  const keys = studyKeyHints(config.studyKeys, look.messages).map((hint) => `:${hint}`);
  const above = [
    ...headerLines(config.header, width, look),
    ...question,
    ...pieces(keys, width, 2, ' · ').map((line) => look.style('dim', line)),
  ];
  (io.output ?? process.stdout).write(`${above.join('\n')}\n`);
  const message = block(look.messages.t('prompt.yourAnswer'), width, 2).join('\n  ');
  return (await guard(inputPrompt({ message, default: '', theme: THEME }, context(io)))).trim();
}

/** The columns of the prompt's terminal now (after a resize too), else the look's width. */
function terminalWidthOf(io: PromptIO, look: PromptLook): number {
  const terminal = terminalOf(io);
  return terminal.isTTY && terminal.columns ? Math.max(20, terminal.columns) : look.width;
}

export function askConfirm(
  config: { message: string; default: boolean; width?: number; messages?: Messages },
  io: PromptIO = {},
): Promise<boolean> {
  const messages = config.messages ?? PLAIN.messages;
  // Wrapped with room for the " (Y/n)" after it, so the terminal never splits that.
  const message =
    config.width === undefined
      ? config.message
      : block(config.message, config.width - 7, 2).join('\n  ');
  return guard(
    confirmPrompt(
      {
        message,
        default: config.default,
        transformer: (yes) => messages.t(yes ? 'prompt.yes' : 'prompt.no'),
        theme: THEME,
      },
      context(io),
    ),
  );
}

export type ReviewChoice =
  | { type: 'goto'; index: number }
  | { type: 'submit' }
  | { type: 'timeout' };

/**
 * Before submitting an exam: Submit is first (Enter submits); flagged and
 * unanswered questions can be revisited. The exam's countdown goes on here,
 * and when it runs out the exam is submitted as it stands.
 */
export async function askExamReview(
  config: {
    message: string;
    items: ReviewItem[];
    deadline?: number | undefined;
    look?: PromptLook;
  },
  io: PromptIO = {},
): Promise<ReviewChoice> {
  const look = config.look ?? PLAIN;
  const labelWidth = look.width - 2 - `${config.items.length + 1}. `.length;
  const options = [
    look.messages.t('exam.review.submit'),
    ...config.items.map((item) => {
      const state = [
        item.flagged ? `⚑ ${look.messages.t('exam.review.flagged')}` : '',
        item.answered ? '' : look.messages.t('exam.review.unanswered'),
      ]
        .filter(Boolean)
        .join(' · ');
      return truncate(
        `${look.messages.t('exam.review.goto', { n: item.index + 1 })}${state ? ` (${state})` : ''}  ${item.label}`,
        labelWidth,
      );
    }),
  ];
  const result = await guard(
    choicePrompt(
      {
        message: config.message,
        options,
        deadline: config.deadline,
        now: io.now,
        hints: [look.messages.t('prompt.keys.move'), look.messages.t('prompt.keys.choose')],
        look,
        terminal: terminalOf(io),
      },
      context(io),
    ),
  );
  if (result.type === 'timeout') return { type: 'timeout' };
  if (result.type !== 'answer' || result.index === 0) return { type: 'submit' };
  const item = config.items[result.index - 1];
  return item ? { type: 'goto', index: item.index } : { type: 'submit' };
}
