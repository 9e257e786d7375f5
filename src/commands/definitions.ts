/**
 * Every command in one table: its arguments, its options with their parsers,
 * and where its `run(context, options)` lives. cli.ts builds commander from
 * this table; command modules are imported only when they run, so `--help`
 * loads nothing heavy. Options are checked here, before anything else
 * happens: a bad value is a usage error (exit 2) naming the flag and range.
 */
import { MAX_RETENTION, MIN_RETENTION } from '../quiz/retention.js';
import type { MessageKey } from '../ui/i18n.js';
import type { CommandContext } from './context.js';
import { optionalInteger, parseNumber } from './options.js';

export interface OptionDefinition {
  /** Commander's flags, e.g. `--random <n>`. */
  flags: string;
  description: MessageKey;
  choices?: readonly string[];
  default?: string;
}

/** What commander hands over: positional words and the raw option values. */
export interface RawInput {
  words: string[];
  options: Record<string, unknown>;
}

export interface CommandDefinition<Options> {
  name: string;
  description: MessageKey;
  examples: MessageKey;
  argument?: { syntax: string; description: MessageKey };
  options: readonly OptionDefinition[];
  /** Typed options from the raw input; throws UsageError on a bad value. */
  parse(input: RawInput): Options;
  load(): Promise<{ run(context: CommandContext, options: Options): Promise<number> }>;
}

const SEED_MAX = 2 ** 31 - 1;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
}

export interface StudyOptions {
  topics: string[];
  /** New cards per day (default applied by the command). */
  new: number | undefined;
  limit: number | undefined;
  seed: number | undefined;
  retention: number | undefined;
  /** New cards across topics in turn, or in note order. */
  order: 'mixed' | 'notes';
}

export interface ReviewOptions {
  limit: number | undefined;
  seed: number | undefined;
  retention: number | undefined;
}

export interface ExamOptions {
  /** Topics named as arguments, then with --topic. */
  topics: string[];
  random: number | undefined;
  time: number | undefined;
  pass: number | undefined;
  seed: number | undefined;
}

export interface StatsOptions {
  json: boolean;
  /** Topics named as arguments, then with --topic: each in detail. */
  topics: string[];
}

export interface TopicsOptions {
  json: boolean;
}

export type ExportFormat = 'json' | 'csv' | 'anki';

export interface ExportOptions {
  format: ExportFormat;
  topics: string[];
  seed: number | undefined;
}

export interface SuspendedOptions {
  json: boolean;
  /** Card ids to bring back. */
  unsuspend: string[];
  all: boolean;
}

export interface ResetOptions {
  topics: string[];
  yes: boolean;
}

function retention(value: unknown): number | undefined {
  return value === undefined
    ? undefined
    : parseNumber('--retention', value, MIN_RETENTION, MAX_RETENTION);
}

const study: CommandDefinition<StudyOptions> = {
  name: 'study',
  description: 'help.study',
  examples: 'help.study.examples',
  argument: { syntax: '[topic...]', description: 'help.topicArg' },
  options: [
    { flags: '--new <n>', description: 'help.study.new' },
    { flags: '--limit <n>', description: 'help.study.limit' },
    { flags: '--seed <n>', description: 'help.seed' },
    { flags: '--retention <r>', description: 'help.study.retention' },
    {
      flags: '--order <order>',
      description: 'help.study.order',
      choices: ['mixed', 'notes'],
      default: 'mixed',
    },
  ],
  parse: ({ words, options }) => ({
    order: options.order === 'notes' ? 'notes' : 'mixed',
    topics: words,
    new: optionalInteger('--new', options.new, 0, 1000),
    limit: optionalInteger('--limit', options.limit, 1, 100_000),
    seed: optionalInteger('--seed', options.seed, 0, SEED_MAX),
    retention: retention(options.retention),
  }),
  load: () => import('./study.js'),
};

const review: CommandDefinition<ReviewOptions> = {
  name: 'review',
  description: 'help.review',
  examples: 'help.review.examples',
  options: [
    { flags: '--limit <n>', description: 'help.study.limit' },
    { flags: '--seed <n>', description: 'help.seed' },
    { flags: '--retention <r>', description: 'help.study.retention' },
  ],
  parse: ({ options }) => ({
    limit: optionalInteger('--limit', options.limit, 1, 100_000),
    seed: optionalInteger('--seed', options.seed, 0, SEED_MAX),
    retention: retention(options.retention),
  }),
  load: () => import('./review.js'),
};

const exam: CommandDefinition<ExamOptions> = {
  name: 'exam',
  description: 'help.exam',
  examples: 'help.exam.examples',
  argument: { syntax: '[topic...]', description: 'help.exam.topic' },
  options: [
    { flags: '--random <n>', description: 'help.exam.random' },
    { flags: '--topic <topic...>', description: 'help.exam.topic' },
    { flags: '--time <minutes>', description: 'help.exam.time' },
    { flags: '--pass <percent>', description: 'help.exam.pass' },
    { flags: '--seed <n>', description: 'help.seed' },
  ],
  parse: ({ words, options }) => ({
    topics: [...words, ...strings(options.topic)],
    random: optionalInteger('--random', options.random, 1, 1000),
    time: optionalInteger('--time', options.time, 1, 600),
    pass: optionalInteger('--pass', options.pass, 1, 100),
    seed: optionalInteger('--seed', options.seed, 0, SEED_MAX),
  }),
  load: () => import('./exam.js'),
};

const stats: CommandDefinition<StatsOptions> = {
  name: 'stats',
  description: 'help.stats',
  examples: 'help.stats.examples',
  argument: { syntax: '[topic...]', description: 'help.stats.topic' },
  options: [
    { flags: '--json', description: 'help.json' },
    { flags: '--topic <topic...>', description: 'help.stats.topic' },
  ],
  parse: ({ words, options }) => ({
    json: options.json === true,
    topics: [...words, ...strings(options.topic)],
  }),
  load: () => import('./stats.js'),
};

const topics: CommandDefinition<TopicsOptions> = {
  name: 'topics',
  description: 'help.topics',
  examples: 'help.topics.examples',
  options: [{ flags: '--json', description: 'help.json' }],
  parse: ({ options }) => ({ json: options.json === true }),
  load: () => import('./topics.js'),
};

const FORMATS: readonly ExportFormat[] = ['json', 'csv', 'anki'];

const exportCommand: CommandDefinition<ExportOptions> = {
  name: 'export',
  description: 'help.export',
  examples: 'help.export.examples',
  options: [
    {
      flags: '--format <format>',
      description: 'help.export.format',
      choices: FORMATS,
      default: 'json',
    },
    { flags: '--topic <topic...>', description: 'help.export.topic' },
    { flags: '--seed <n>', description: 'help.seed' },
  ],
  parse: ({ options }) => ({
    // commander has already refused anything outside the choices.
    format: FORMATS.find((format) => format === options.format) ?? 'json',
    topics: strings(options.topic),
    seed: optionalInteger('--seed', options.seed, 0, SEED_MAX),
  }),
  load: () => import('./export.js'),
};

const reset: CommandDefinition<ResetOptions> = {
  name: 'reset',
  description: 'help.reset',
  examples: 'help.reset.examples',
  options: [
    { flags: '--topic <topic...>', description: 'help.reset.topic' },
    { flags: '-y, --yes', description: 'help.reset.yes' },
  ],
  parse: ({ options }) => ({ topics: strings(options.topic), yes: options.yes === true }),
  load: () => import('./reset.js'),
};

const suspended: CommandDefinition<SuspendedOptions> = {
  name: 'suspended',
  description: 'help.suspended',
  examples: 'help.suspended.examples',
  options: [
    { flags: '--json', description: 'help.json' },
    { flags: '--unsuspend <id...>', description: 'help.suspended.unsuspend' },
    { flags: '--all', description: 'help.suspended.all' },
  ],
  parse: ({ options }) => ({
    json: options.json === true,
    unsuspend: strings(options.unsuspend),
    all: options.all === true,
  }),
  load: () => import('./suspended.js'),
};

export interface CheckOptions {
  /** Also list every card with its file:line. */
  cards: boolean;
}

const check: CommandDefinition<CheckOptions> = {
  name: 'check',
  description: 'help.check',
  examples: 'help.check.examples',
  options: [{ flags: '--cards', description: 'help.check.cards' }],
  parse: ({ options }) => ({ cards: options.cards === true }),
  load: () => import('./check.js'),
};

/** In the order `awsquiz --help` lists them. */
export const COMMANDS = [
  study,
  review,
  exam,
  stats,
  topics,
  suspended,
  exportCommand,
  reset,
  check,
] as const;
