/**
 * Colour and width: the only module that imports chalk. chalk is loaded only
 * when colour is on, so piped output never pays for it.
 */

import type { Messages } from './i18n.js';
import { wrap } from './layout.js';

export type Style =
  | 'heading'
  | 'dim'
  | 'ok'
  | 'bad'
  | 'warn'
  | 'accent'
  | 'bold'
  | 'new'
  | 'learning'
  | 'mature';

export interface Formatter {
  /** The interface's words, in the user's language. */
  messages: Messages;
  color: boolean;
  /** Columns available for a line. */
  width: number;
  style(style: Style, text: string): string;
}

/**
 * Colour only on a terminal; never with NO_COLOR (any non-empty value, see
 * no-color.org; chalk 5 ignores it) or --no-color; FORCE_COLOR forces it on.
 */
export function colorEnabled(options: {
  isTTY: boolean | undefined;
  env: NodeJS.ProcessEnv;
  flag: boolean;
}): boolean {
  if (!options.flag) return false;
  if (options.env.NO_COLOR) return false;
  const force = options.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (options.env.TERM === 'dumb') return false;
  return options.isTTY === true;
}

/** The terminal's columns; COLUMNS when piped; 80 otherwise; never below 20. */
export function terminalWidth(
  stream: { isTTY?: boolean; columns?: number },
  env: NodeJS.ProcessEnv,
): number {
  if (stream.isTTY && stream.columns && stream.columns > 0) return Math.max(20, stream.columns);
  const columns = Number.parseInt(env.COLUMNS ?? '', 10);
  if (Number.isInteger(columns) && columns > 0) return Math.max(20, columns);
  return 80;
}

const plain: Formatter['style'] = (_style, text) => text;

export async function createFormatter(options: {
  color: boolean;
  width: number;
  messages: Messages;
}): Promise<Formatter> {
  const { messages } = options;
  if (!options.color) return { messages, color: false, width: options.width, style: plain };
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  const styles: Record<Style, (text: string) => string> = {
    heading: chalk.bold.cyan,
    dim: chalk.dim,
    ok: chalk.green,
    bad: chalk.red,
    warn: chalk.yellow,
    accent: chalk.cyan,
    bold: chalk.bold,
    new: chalk.blue,
    learning: chalk.yellow,
    mature: chalk.green,
  };
  return {
    messages,
    color: true,
    width: options.width,
    style: (style, text) => (text ? styles[style](text) : text),
  };
}

/** The formatter for a command's stdout. */
export function formatterFor(context: {
  stdout: { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  color: boolean;
  messages: Messages;
}): Promise<Formatter> {
  return createFormatter({
    messages: context.messages,
    color: colorEnabled({ isTTY: context.stdout.isTTY, env: context.env, flag: context.color }),
    width: terminalWidth(context.stdout, context.env),
  });
}

/** Text wrapped to the formatter's width, each line styled. */
export function paragraph(format: Formatter, text: string, style?: Style): string[] {
  return wrap(text, format.width).map((line) => (style ? format.style(style, line) : line));
}
