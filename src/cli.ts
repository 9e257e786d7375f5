/**
 * The awsquiz command line. Commands are described here and imported only
 * when they run, so `--version` and `--help` load nothing heavy.
 */
import type { Command, Option } from 'commander';
import type { CommandContext } from './commands/context.js';
import { sanitize } from './content/sanitize.js';
import { EXIT, InterruptedError, UserError } from './errors.js';
import { guardTerminal } from './signals.js';
import { langFromArgv, type MessageKey, setLang, t } from './ui/i18n.js';
import { version } from './version.js';

interface GlobalOptions {
  content?: string;
  lang?: string;
  color: boolean;
}

type Action = (context: CommandContext, args: unknown[]) => Promise<number | undefined>;

/** Each command: its module is imported only when it runs. */
const actions: Record<string, () => Promise<{ run: Action }>> = {
  study: () => import('./commands/study.js'),
  review: () => import('./commands/review.js'),
  exam: () => import('./commands/exam.js'),
  stats: () => import('./commands/stats.js'),
  reset: () => import('./commands/reset.js'),
  topics: () => import('./commands/topics.js'),
  export: () => import('./commands/export.js'),
  check: () => import('./commands/check.js'),
};

function contextOf(program: Command): CommandContext {
  const globals = program.opts<GlobalOptions>();
  return {
    content: globals.content,
    color: globals.color,
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    now: () => new Date(),
  };
}

function describe(key: MessageKey): string {
  return t(key);
}

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.title.usage',
  'Options:': 'help.title.options',
  'Commands:': 'help.title.commands',
  'Arguments:': 'help.title.arguments',
  'Global Options:': 'help.title.globalOptions',
};

/** Commander's own headings, in the interface language. */
function helpTitle(title: string): string {
  const key = TITLES[title];
  return key ? t(key) : title;
}

/** Commander's usage errors, as one of our messages: `awsquiz: …` in the interface language. */
export function commanderError(text: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^error: unknown option '([^']+)'/, (m) => t('cli.unknownOption', { option: m[1] ?? '' })],
    [/^error: unknown command '([^']+)'/, (m) => t('cli.unknownCommand', { command: m[1] ?? '' })],
    [
      /^error: option '([^']+)' argument missing/,
      (m) => t('cli.missingValue', { option: m[1] ?? '' }),
    ],
    [
      /^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are ([^\n]+)\./,
      (m) => t('cli.badChoice', { option: m[1] ?? '', value: m[2] ?? '', list: m[3] ?? '' }),
    ],
    [/^error: too many arguments/, () => t('cli.tooMany')],
  ];
  const suggestion = /\(Did you mean (?:one of )?([^?]+)\?\)/.exec(text)?.[1];
  for (const [pattern, message] of rules) {
    const match = pattern.exec(text);
    if (!match) continue;
    const hint = suggestion ? ` ${t('error.didYouMean', { list: suggestion })}` : '';
    return `${t('error.prefix')}${message(match)}${hint} ${t('cli.seeHelp')}\n`;
  }
  return text.replace(/^error: /, t('error.prefix'));
}

/** An option's description, with its choices and default in the interface language. */
function optionDescription(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(t('help.choices', { list: option.argChoices.join(', ') }));
  if (option.defaultValue !== undefined && !option.negate) {
    extra.push(t('help.default', { value: String(option.defaultValue) }));
  }
  return extra.length > 0 ? `${option.description} (${extra.join(', ')})` : option.description;
}

type Commander = typeof import('commander');
type HelpLayout = typeof import('./ui/help-layout.js');

export function buildProgram(
  { Command, Help, Option }: Commander,
  { boxWrap, displayWidth, epilog, formatItem, helpWidth: widthOfHelp }: HelpLayout,
): Command {
  const helpWidth = widthOfHelp();
  const program = new Command('awsquiz');
  program
    .description(describe('help.program'))
    .version(version(), '-V, --version', describe('help.version'))
    .helpOption('-h, --help', describe('help.help'))
    .addOption(new Option('--content <dir>', describe('help.content')))
    .addOption(new Option('--lang <lang>', describe('help.lang')).choices(['ja', 'en']))
    .option('--no-color', describe('help.noColor'))
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (text, write) => write(commanderError(text)) })
    .exitOverride()
    .helpCommand('help [command]', describe('help.helpCommand'))
    .configureHelp({
      styleTitle: helpTitle,
      optionDescription,
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
    .addHelpText('after', () => `\n${epilog(describe('help.examples'), helpWidth)}`);

  const register = (command: Command, name: string) => {
    command
      .helpOption('-h, --help', describe('help.help'))
      .exitOverride()
      .action(async (...args: unknown[]) => {
        const load = actions[name];
        if (!load) return;
        const module = await load();
        const options = (args[args.length - 1] as Command).opts();
        const positional = args.slice(0, -2);
        process.exitCode = (await module.run(contextOf(program), [...positional, options])) ?? 0;
      });
  };

  register(
    program
      .command('study')
      .argument('[topic...]', describe('help.topicArg'))
      .description(describe('help.study'))
      .option('--new <n>', describe('help.study.new'))
      .option('--limit <n>', describe('help.study.limit'))
      .option('--seed <n>', describe('help.seed'))
      .option('--retention <r>', describe('help.study.retention'))
      .addHelpText('after', () => `\n${epilog(describe('help.study.examples'), helpWidth)}`),
    'study',
  );
  register(
    program
      .command('review')
      .description(describe('help.review'))
      .option('--limit <n>', describe('help.study.limit'))
      .option('--seed <n>', describe('help.seed'))
      .option('--retention <r>', describe('help.study.retention'))
      .addHelpText('after', () => `\n${epilog(describe('help.review.examples'), helpWidth)}`),
    'review',
  );
  register(
    program
      .command('exam')
      .argument('[topic...]', describe('help.exam.topic'))
      .description(describe('help.exam'))
      .option('--random <n>', describe('help.exam.random'))
      .option('--topic <topic...>', describe('help.exam.topic'))
      .option('--time <minutes>', describe('help.exam.time'))
      .option('--pass <percent>', describe('help.exam.pass'))
      .option('--seed <n>', describe('help.seed'))
      .addHelpText('after', () => `\n${epilog(describe('help.exam.examples'), helpWidth)}`),
    'exam',
  );
  register(
    program
      .command('stats')
      .description(describe('help.stats'))
      .option('--json', describe('help.json'))
      .option('--topic <topic>', describe('help.stats.topic'))
      .addHelpText('after', () => `\n${epilog(describe('help.stats.examples'), helpWidth)}`),
    'stats',
  );
  register(
    program
      .command('topics')
      .description(describe('help.topics'))
      .option('--json', describe('help.json'))
      .addHelpText('after', () => `\n${epilog(describe('help.topics.examples'), helpWidth)}`),
    'topics',
  );
  register(
    program
      .command('export')
      .description(describe('help.export'))
      .addOption(
        new Option('--format <format>', describe('help.export.format'))
          .choices(['json', 'csv', 'anki'])
          .default('json'),
      )
      .option('--topic <topic...>', describe('help.export.topic'))
      .option('--seed <n>', describe('help.seed'))
      .addHelpText('after', () => `\n${epilog(describe('help.export.examples'), helpWidth)}`),
    'export',
  );
  register(
    program
      .command('reset')
      .description(describe('help.reset'))
      .option('--topic <topic...>', describe('help.reset.topic'))
      .option('-y, --yes', describe('help.reset.yes'))
      .addHelpText('after', () => `\n${epilog(describe('help.reset.examples'), helpWidth)}`),
    'reset',
  );
  register(
    program
      .command('check')
      .description(describe('help.check'))
      .addHelpText('after', () => `\n${epilog(describe('help.check.examples'), helpWidth)}`),
    'check',
  );
  return program;
}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = argv.slice(2);
  // The most frequent quick question, answered before anything is loaded.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  setLang(langFromArgv(args, process.env));
  guardTerminal();
  // `awsquiz export | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
  const [commander, helpLayout] = await Promise.all([
    import('commander'),
    import('./ui/help-layout.js'),
  ]);
  const program = buildProgram(commander, helpLayout);
  // `awsquiz help nosuch`: commander prints the main help to stderr without a word of why.
  const asked = args[0] === 'help' ? args[1] : undefined;
  if (
    asked !== undefined &&
    !asked.startsWith('-') &&
    !program.commands.some(
      (command) => command.name() === asked || command.aliases().includes(asked),
    )
  ) {
    process.stderr.write(commanderError(`error: unknown command '${sanitize(asked)}'`));
    return EXIT.usage;
  }
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    return report(error, commander.CommanderError);
  }
}

function report(error: unknown, CommanderError: Commander['CommanderError']): number {
  if (error instanceof CommanderError) {
    // Help and version exit through here with code 0; usage mistakes with 1 → 2.
    if (error.exitCode === 0) return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof InterruptedError) return EXIT.interrupted;
  if (error instanceof UserError) {
    // Messages may quote the user's arguments or file names: never let them drive the terminal.
    process.stderr.write(`${t('error.prefix')}${sanitize(error.message)}\n`);
    return error.exitCode;
  }
  process.stderr.write(`${t('error.prefix')}${t('error.bug')}\n`);
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.failure;
}

// Run when executed (bin/awsquiz.js imports this module).
process.exitCode = await main(process.argv);
