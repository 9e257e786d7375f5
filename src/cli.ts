/**
 * The awsquiz command line: commander built from the command table
 * (commands/definitions.ts), with no side effects on import. bin/awsquiz.js
 * calls main() with the real process; tests call it with fake streams, env
 * and clock. Commands are imported only when they run, so `--version` and
 * `--help` load nothing heavy.
 */
import type { Command, Option } from 'commander';
import type { CommandContext } from './commands/context.js';
import { COMMANDS, type CommandDefinition } from './commands/definitions.js';
import { sanitize } from './content/sanitize.js';
import { EXIT, InterruptedError, UserError } from './errors.js';
import { type Clock, fastClock, systemClock } from './ground/clock.js';
import { guardStdin, guardTerminal } from './signals.js';
import {
  langFromArgv,
  type MessageKey,
  type Messages,
  messagesFor,
  userMessage,
} from './ui/i18n.js';
import { version } from './version.js';

interface GlobalOptions {
  content?: string;
  lang?: string;
  color: boolean;
}

/** The outside world of one run: everything of the context but the global options. */
export type CliIO = Omit<CommandContext, 'content' | 'color' | 'messages'>;

export function processIO(): CliIO {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // Made by Node when first read (~5 ms): only the commands that use it pay for it.
    get stdin() {
      guardStdin();
      return process.stdin;
    },
    now: clockOf(process.env),
  };
}

/**
 * The system clock, or for the end-to-end tests only a faster one:
 * AWSQUIZ_TEST_CLOCK_RATE=N (a number above 1, not in --help) makes time in
 * this run pass N times as fast, so a timed exam in a real terminal runs out
 * in seconds. Locks still compare real file times (store/lock.ts).
 */
function clockOf(env: NodeJS.ProcessEnv): Clock {
  const rate = Number(env.AWSQUIZ_TEST_CLOCK_RATE);
  return Number.isFinite(rate) && rate > 1 ? fastClock(rate) : systemClock;
}

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.title.usage',
  'Options:': 'help.title.options',
  'Commands:': 'help.title.commands',
  'Arguments:': 'help.title.arguments',
  'Global Options:': 'help.title.globalOptions',
};

/** Commander's own headings, in the interface language. */
function helpTitle(title: string, messages: Messages): string {
  const key = TITLES[title];
  return key ? messages.t(key) : title;
}

/** At most this much of an argument is echoed in an error message. */
const ECHO_MAX = 60;

/** An argument as quoted back to the user: nothing a terminal would act on, and not too long. */
export function echo(value: string): string {
  const clean = sanitize(value).replace(/\n/g, ' ');
  const chars = [...clean];
  return chars.length > ECHO_MAX ? `${chars.slice(0, ECHO_MAX - 1).join('')}…` : clean;
}

/**
 * Commander's usage errors, as one of our messages: `awsquiz: …` in the interface
 * language. Chosen by commander's error code; only the quoted argument and the
 * suggestion are taken from its text. Anything the user typed is echoed cleaned
 * (no escape sequences) and capped.
 */
export function commanderError(
  error: { code: string; message: string },
  messages: Messages,
): string {
  const text = error.message;
  // The suggestion names our own options and commands; it follows the quoted argument.
  const suggestion = /\n?\s*\(Did you mean (?:one of )?([^?]+)\?\)\s*$/.exec(text);
  const body = suggestion ? text.slice(0, suggestion.index) : text;
  /** Everything between the first and the last quote (an argument may hold quotes itself). */
  const quoted = (from = 0) => /'([\s\S]*)'/.exec(body.slice(from))?.[1];
  let message: string | undefined;
  switch (error.code) {
    case 'commander.unknownOption': {
      const option = quoted();
      if (option !== undefined) message = messages.t('cli.unknownOption', { option: echo(option) });
      break;
    }
    case 'commander.unknownCommand': {
      const command = quoted();
      if (command !== undefined)
        message = messages.t('cli.unknownCommand', { command: echo(command) });
      break;
    }
    case 'commander.optionMissingArgument': {
      const option = /'([^']+)'/.exec(body)?.[1];
      if (option !== undefined) message = messages.t('cli.missingValue', { option: echo(option) });
      break;
    }
    case 'commander.invalidArgument': {
      // option '--lang <lang>' argument 'x' is invalid. Allowed choices are ja, en.
      const option = /'([^']+)'/.exec(body);
      const rest = option ? body.slice(option.index + option[0].length) : '';
      const close = rest.lastIndexOf("'");
      const value = close > 0 ? /'([\s\S]*)/.exec(rest.slice(0, close))?.[1] : undefined;
      // After the value: "… is invalid. Allowed choices are json, csv, anki." (our own words).
      const choices = /([\w-]+(?:, [\w-]+)*)\.\s*$/.exec(rest.slice(close + 1))?.[1];
      if (option?.[1] !== undefined && value !== undefined && choices !== undefined) {
        message = messages.t('cli.badChoice', {
          option: echo(option[1]),
          value: echo(value),
          list: choices,
        });
      }
      break;
    }
    case 'commander.excessArguments':
      message = messages.t('cli.tooMany');
      break;
  }
  if (message === undefined) {
    const lines = sanitize(body.replace(/^error: /, '')).split('\n');
    return `${messages.t('error.prefix')}${lines.map((line) => echoLine(line)).join('\n')}\n`;
  }
  const hint = suggestion?.[1]
    ? ` ${messages.t('error.didYouMean', { list: sanitize(suggestion[1]) })}`
    : '';
  return `${messages.t('error.prefix')}${message}${hint} ${messages.t('cli.seeHelp')}\n`;
}

/** A line of a message we could not take apart, capped like an argument (with room for words). */
function echoLine(line: string): string {
  const chars = [...line];
  return chars.length > 4 * ECHO_MAX ? `${chars.slice(0, 4 * ECHO_MAX - 1).join('')}…` : line;
}

/** An option's description, with its choices and default in the interface language. */
function optionDescription(option: Option, messages: Messages): string {
  const extra: string[] = [];
  if (option.argChoices)
    extra.push(messages.t('help.choices', { list: option.argChoices.join(', ') }));
  if (option.defaultValue !== undefined && !option.negate) {
    extra.push(messages.t('help.default', { value: String(option.defaultValue) }));
  }
  return extra.length > 0 ? `${option.description} (${extra.join(', ')})` : option.description;
}

type Commander = typeof import('commander');

interface CommanderErrorLike {
  code: string;
  exitCode: number;
  message: string;
}

/** Commander's exits that are not mistakes: help and version were shown. */
const QUIET = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);
type HelpLayout = typeof import('./ui/help-layout.js');

export interface CLI {
  program: Command;
  /** The exit code the command that ran asked for (0 when none ran). */
  exitCode(): number;
}

/** Builds the program for one run. Writes only to io's streams, and only when parsed. */
export function createCLI(
  io: CliIO,
  messages: Messages,
  { Command, Help, Option }: Commander,
  { boxWrap, displayWidth, epilog, formatItem }: HelpLayout,
  terminalWidth: (stream: CliIO['stdout'], env: CliIO['env']) => number,
): CLI {
  const helpWidth = terminalWidth(io.stdout, io.env);
  let exitCode: number = EXIT.ok;
  const program = new Command('awsquiz');
  const output = {
    writeOut: (text: string) => io.stdout.write(text),
    writeErr: (text: string) => io.stderr.write(text),
    // Usage errors are written by onError, which knows commander's error code.
    outputError: () => {},
  };
  const onError = (error: CommanderErrorLike) => {
    if (error.exitCode !== 0 && !QUIET.has(error.code))
      io.stderr.write(commanderError(error, messages));
    throw error;
  };
  program
    .description(messages.t('help.program'))
    .version(version(), '-V, --version', messages.t('help.version'))
    .helpOption('-h, --help', messages.t('help.help'))
    .addOption(new Option('--content <dir>', messages.t('help.content')))
    .addOption(new Option('--lang <lang>', messages.t('help.lang')).choices(['ja', 'en']))
    .option('--no-color', messages.t('help.noColor'))
    .showSuggestionAfterError(true)
    .configureOutput(output)
    .exitOverride(onError)
    .helpCommand('help [command]', messages.t('help.helpCommand'))
    .configureHelp({
      styleTitle: (title) => helpTitle(title, messages),
      optionDescription: (option) => optionDescription(option, messages),
      helpWidth,
      displayWidth,
      boxWrap,
      formatItem,
      formatHelp(command, helper) {
        // The usage line is the one line commander does not wrap.
        const [usage = '', ...rest] = Help.prototype.formatHelp
          .call(this, command, helper)
          .split('\n');
        return [epilog(usage, helpWidth), ...rest].join('\n');
      },
    })
    .addHelpText('after', () => `\n${epilog(messages.t('help.examples'), helpWidth)}`);

  const contextOf = (): CommandContext => {
    const globals = program.opts<GlobalOptions>();
    // io's properties as they are: processIO's stdin stays a getter, read only when used.
    return Object.defineProperties(
      { messages, content: globals.content, color: globals.color },
      Object.getOwnPropertyDescriptors(io),
    ) as CommandContext;
  };

  const register = <Options>(definition: CommandDefinition<Options>) => {
    const command = program
      .command(definition.name)
      .description(messages.t(definition.description))
      .helpOption('-h, --help', messages.t('help.help'))
      .configureOutput(output)
      .exitOverride(onError);
    if (definition.argument) {
      command.argument(definition.argument.syntax, messages.t(definition.argument.description));
    }
    for (const spec of definition.options) {
      const option = new Option(spec.flags, messages.t(spec.description));
      if (spec.choices) option.choices(spec.choices);
      if (spec.default !== undefined) option.default(spec.default);
      command.addOption(option);
    }
    command
      .addHelpText('after', () => `\n${epilog(messages.t(definition.examples), helpWidth)}`)
      .action(async (...args: unknown[]) => {
        const words = definition.argument ? ((args[0] ?? []) as string[]) : [];
        const options = definition.parse({ words, options: command.opts() });
        const module = await definition.load();
        exitCode = await module.run(contextOf(), options);
      });
  };
  for (const definition of COMMANDS) register(definition as CommandDefinition<unknown>);
  return { program, exitCode: () => exitCode };
}

/** Runs the CLI with argv as process.argv gives it; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const args = argv.slice(2);
  // The most frequent quick question, answered before anything is loaded.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const lang = langFromArgv(args, io.env);
  const messages = messagesFor(lang);
  // The real terminal only: a closed one (SIGHUP) or a shutdown ends the session cleanly.
  // (Asked of stdout: reading io.stdin would make process.stdin, which waits until a command needs it.)
  if (io.stdout === process.stdout) guardTerminal();
  const [commander, helpLayout, format] = await Promise.all([
    import('commander'),
    import('./ui/help-layout.js'),
    import('./ui/format.js'),
  ]);
  const cli = createCLI(io, messages, commander, helpLayout, format.terminalWidth);
  const { program } = cli;
  // `awsquiz help nosuch`: commander prints the main help to stderr without a word of why.
  const asked = args[0] === 'help' ? args[1] : undefined;
  if (
    asked !== undefined &&
    !asked.startsWith('-') &&
    !program.commands.some(
      (command) => command.name() === asked || command.aliases().includes(asked),
    )
  ) {
    io.stderr.write(
      commanderError(
        {
          code: 'commander.unknownCommand',
          message: `error: unknown command '${asked}'`,
        },
        messages,
      ),
    );
    return EXIT.usage;
  }
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync([...argv]);
    return cli.exitCode();
  } catch (error) {
    return await report(error, commander.CommanderError, io, messages);
  }
}

async function report(
  error: unknown,
  CommanderError: Commander['CommanderError'],
  io: CliIO,
  messages: Messages,
): Promise<number> {
  if (error instanceof CommanderError) {
    // Help and version exit through here with code 0; usage mistakes with 1 → 2.
    if (error.exitCode === 0) return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof InterruptedError) return EXIT.interrupted;
  if (error instanceof UserError) {
    // Messages may quote the user's arguments or file names: never let them drive the terminal.
    const text = `${messages.t('error.prefix')}${sanitize(userMessage(error, messages.lang))}`;
    // On a terminal (or with COLUMNS), wrapped between words: the terminal would cut words in
    // two. Into a pipe or a log, one line per message, whole.
    const stream = io.stderr as { isTTY?: boolean; columns?: number };
    if (!stream.isTTY && !io.env.COLUMNS) {
      io.stderr.write(`${text}\n`);
      return error.exitCode;
    }
    const [{ wrap }, { terminalWidth }] = await Promise.all([
      import('./ui/layout.js'),
      import('./ui/format.js'),
    ]);
    io.stderr.write(`${wrap(text, terminalWidth(stream, io.env)).join('\n')}\n`);
    return error.exitCode;
  }
  io.stderr.write(`${messages.t('error.prefix')}${messages.t('error.bug')}\n`);
  io.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.failure;
}
