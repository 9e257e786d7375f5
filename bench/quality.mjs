/**
 * `npm run quality`: a fixed-seed sample of the questions awsquiz makes from
 * several notes sets, stratified by card kind, for judging by people who did
 * not write the rules (bench/JUDGING.md). Scores come from
 * bench/quality-report.mjs over the judged JSONL.
 *
 *   npm run quality -- [--sets name=path,...] [--set name=path]... [--corpus DIR]
 *                      [--per-set N] [--seed S] [--out DIR] [--judges K]
 *
 * A set's path is a folder of notes, a file, or a glob on file names
 * (`dir/en-*`); several paths for one set are joined with `|`
 * (`corpus-en=/x/notes/en-*|/x/notes/other-en-*`). `--corpus DIR` adds the
 * sets corpus-en (en-*, other-en-*) and corpus-ja (ja-*) of that folder.
 * Default sets: shipped=content, examples=examples, own-ja and own-en
 * (test/fixtures/notes-sets/). Notes outside the repository are read only
 * when a path is given.
 *
 * Questions are made exactly as `awsquiz --lang en --content <set> export
 * --seed S` makes them (the built exportCards() from dist/: multiple choice
 * where the card allows it, else the study form), so run `npm run build`
 * first (`npm run quality` does). The sample then takes the cards of each
 * set kind by kind in turn (round-robin over kinds, each kind's cards in a
 * seeded shuffle) until N.
 *
 * Writes to --out (default bench/audit/latest): sample.jsonl (one card a
 * line), sample.md (all cards), judge-1.md … judge-K.md (the cards dealt in
 * turn to K judges, each file with the key rules of bench/JUDGING.md on top)
 * and sizes.md (cards per set and kind, to know what the sample is drawn from).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KIND_ORDER } from './kinds.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function usage(message) {
  process.stderr.write(`quality: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { sets: [], perSet: 24, seed: 42, out: join(ROOT, 'bench', 'audit', 'latest') };
  options.judges = 3;
  let corpus;
  const value = (i) => {
    const v = argv[i + 1];
    if (v === undefined) usage(`${argv[i]} needs a value`);
    return v;
  };
  const addSet = (spec) => {
    const at = spec.indexOf('=');
    if (at <= 0) usage(`a set is name=path, not "${spec}"`);
    options.sets.push({ name: spec.slice(0, at), paths: spec.slice(at + 1).split('|') });
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sets') {
      for (const spec of value(i).split(',').filter(Boolean)) addSet(spec);
      i++;
    } else if (arg === '--set') addSet(value(i++));
    else if (arg === '--corpus') corpus = value(i++);
    else if (arg === '--per-set') options.perSet = Number(value(i++));
    else if (arg === '--seed') options.seed = Number(value(i++));
    else if (arg === '--out') options.out = resolve(value(i++));
    else if (arg === '--judges') options.judges = Number(value(i++));
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        `${readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]}*/\n`,
      );
      process.exit(0);
    } else usage(`unknown option ${arg}`);
  }
  for (const [name, n] of [
    ['--per-set', options.perSet],
    ['--seed', options.seed],
    ['--judges', options.judges],
  ]) {
    if (!Number.isInteger(n) || n < (name === '--seed' ? 0 : 1))
      usage(`${name} must be a whole number`);
  }
  const explicit = options.sets.length > 0;
  const own = (lang) => ({
    name: `own-${lang}`,
    paths: [join(ROOT, 'test', 'fixtures', 'notes-sets', lang)],
  });
  if (!explicit) {
    options.sets.push(
      { name: 'shipped', paths: [join(ROOT, 'content')] },
      { name: 'examples', paths: [join(ROOT, 'examples')] },
    );
  }
  if (corpus) {
    const dir = resolve(corpus);
    options.sets.push(
      { name: 'corpus-en', paths: [join(dir, 'en-*'), join(dir, 'other-en-*')] },
      { name: 'corpus-ja', paths: [join(dir, 'ja-*')] },
    );
  }
  if (!explicit) options.sets.push(own('ja'), own('en'));
  return options;
}

const NOTE = /\.(md|markdown)$/i;

/** The files of one path: a folder (all notes under it), a file, or a `*` glob on file names. */
function filesOf(path) {
  const full = resolve(ROOT, path);
  if (basename(full).includes('*')) {
    const dir = dirname(full);
    const pattern = new RegExp(
      `^${basename(full)
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    if (!existsSync(dir)) usage(`no folder ${dir}`);
    return readdirSync(dir)
      .filter((f) => pattern.test(f) && NOTE.test(f))
      .sort()
      .map((f) => ({ abs: join(dir, f), rel: f }));
  }
  if (!existsSync(full)) usage(`no such notes: ${full}`);
  if (statSync(full).isFile()) return [{ abs: full, rel: basename(full) }];
  const out = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) visit(abs);
      else if (NOTE.test(entry.name)) out.push({ abs, rel: relative(full, abs) });
    }
  };
  visit(full);
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

/** A set as one folder: copies of its files in a temporary folder (so a glob is a real content dir). */
function materialise(set, scratch) {
  const files = set.paths.flatMap(filesOf);
  if (files.length === 0) usage(`set ${set.name}: no notes in ${set.paths.join(' | ')}`);
  const dir = join(scratch, 'sets', set.name);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.rel)), { recursive: true });
    copyFileSync(file.abs, join(dir, file.rel));
  }
  return { dir, files: files.map((f) => f.rel) };
}

async function loadProject() {
  const dist = (p) => pathToFileURL(join(ROOT, 'dist', p)).href;
  if (!existsSync(join(ROOT, 'dist', 'commands', 'export.js'))) {
    usage('dist/ is missing: run `npm run build` first (npm run quality does)');
  }
  const [
    { exportCards },
    { openLibrary },
    { messagesFor },
    { createRng, shuffle },
    { whyNotAsked },
  ] = await Promise.all([
    import(dist('commands/export.js')),
    import(dist('content/library.js')),
    import(dist('ui/i18n.js')),
    import(dist('quiz/rng.js')),
    import(dist('quiz/questions.js')),
  ]);
  return { exportCards, openLibrary, messagesFor, createRng, shuffle, whyNotAsked };
}

/** Every question of a set, as `awsquiz --lang en --content dir export --seed S` makes them. */
async function questionsOf(project, dir, seed, dataDir) {
  const env = { ...process.env, AWSQUIZ_DATA_DIR: dataDir, NO_COLOR: '1' };
  delete env.AWSQUIZ_CONTENT;
  const context = {
    content: dir,
    color: false,
    env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    now: () => new Date('2026-01-01T00:00:00Z'),
    messages: project.messagesFor('en'),
  };
  // The cards the commands count (commands/notes.ts): those a question can be made of.
  const warn = {
    onWarning: () => {},
    whyLeftOut: async () => project.whyNotAsked,
  };
  const library = await project.openLibrary(dir, env, warn);
  const exported = await project.exportCards(context, { topics: [], seed: Number(seed) });
  return { cards: library.cards, exported };
}

function kindRank(kind) {
  const at = KIND_ORDER.indexOf(kind);
  return at === -1 ? KIND_ORDER.length : at;
}

/** Round-robin over kinds (fixed order), each kind's questions in a seeded shuffle, up to n. */
function stratified(records, n, rng, shuffle) {
  const byKind = new Map();
  for (const record of records) {
    const list = byKind.get(record.kind) ?? [];
    list.push(record);
    byKind.set(record.kind, list);
  }
  const kinds = [...byKind.keys()].sort((a, b) => kindRank(a) - kindRank(b) || a.localeCompare(b));
  const queues = kinds.map((kind) => shuffle(byKind.get(kind), rng));
  const out = [];
  while (out.length < n && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && out.length < n) out.push(next);
    }
  }
  return out;
}

function countBy(items, key) {
  const counts = {};
  for (const item of items) counts[item[key]] = (counts[item[key]] ?? 0) + 1;
  return counts;
}

// ---- Markdown for judges ------------------------------------------------

const fence = (text) => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
};

function block(text) {
  const f = fence(text);
  return `${f}text\n${text}\n${f}`;
}

function renderCard(card) {
  const lines = [
    `### Card ${card.n} · set \`${card.set}\` · kind \`${card.kind}\` · id \`${card.id}\``,
    '',
    `Topic shown in the header: ${card.topic}`,
    '',
    '**The learner sees:**',
    '',
    block(card.prompt),
    '',
  ];
  if (card.options) {
    lines.push('**Options** (multiple choice, one is right):', '');
    card.options.forEach((option, i) => {
      lines.push(`${i + 1}. ${option.replace(/\r?\n/g, ' ⏎ ')}`);
    });
    lines.push('', `**Right answer:** option ${card.options.indexOf(card.answer) + 1}`);
    lines.push('', block(card.answer), '');
  } else {
    lines.push('**Typed answer expected** (no options); the right answer:', '');
    lines.push(block(card.answer), '');
  }
  const explanation = card.explanation.split('\n');
  const shown =
    explanation.length > 16
      ? [...explanation.slice(0, 16), `… (${explanation.length - 16} more lines)`]
      : explanation;
  lines.push(
    `<details><summary>After answering, the learner sees the section (${card.file}:${card.line})</summary>`,
    '',
    block(shown.join('\n')),
    '',
    '</details>',
    '',
  );
  return lines.join('\n');
}

function keyRules() {
  const path = join(ROOT, 'bench', 'JUDGING.md');
  if (!existsSync(path)) return '(see bench/JUDGING.md)';
  const text = readFileSync(path, 'utf8');
  const match = text.match(/<!-- key-rules -->([\s\S]*?)<!-- \/key-rules -->/);
  return (match?.[1] ?? text).trim();
}

function renderDoc(title, cards, intro) {
  const parts = [`# ${title}`, '', intro, ''];
  let set;
  for (const card of cards) {
    if (card.set !== set) {
      set = card.set;
      parts.push(`## Set \`${set}\``, '');
    }
    parts.push(renderCard(card));
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

// ---- main ---------------------------------------------------------------

const options = parseArgs(process.argv.slice(2));
const project = await loadProject();
const scratch = mkdtempSync(join(tmpdir(), 'awsquiz-quality-'));
try {
  const sample = [];
  const sizes = [];
  for (const set of options.sets) {
    const { dir, files } = materialise(set, scratch);
    const dataDir = join(scratch, 'data', set.name);
    mkdirSync(dataDir, { recursive: true });
    const { cards, exported } = await questionsOf(project, dir, options.seed, dataDir);
    const byId = new Map(cards.map((card) => [card.id, card]));
    const records = exported.map((question) => {
      const card = byId.get(question.id);
      return {
        set: set.name,
        kind: question.kind,
        id: question.id,
        file: card?.file ?? '',
        line: card?.line ?? 0,
        topic: question.topic,
        path: question.path,
        prompt: question.prompt,
        options: question.options ?? null,
        answer: question.answer,
        source: card?.source ?? '',
        explanation: question.explanation,
      };
    });
    sizes.push({
      set: set.name,
      files: files.length,
      cards: countBy(cards, 'kind'),
      questions: countBy(records, 'kind'),
      totalCards: cards.length,
      totalQuestions: records.length,
    });
    const rng = project.createRng(options.seed);
    sample.push(...stratified(records, options.perSet, rng, project.shuffle));
  }
  sample.forEach((card, i) => {
    card.n = i + 1;
  });

  mkdirSync(options.out, { recursive: true });
  writeFileSync(
    join(options.out, 'sample.jsonl'),
    sample.map((card) => `${JSON.stringify(card)}\n`).join(''),
  );
  const how = `Made by \`node bench/quality.mjs --seed ${options.seed} --per-set ${options.perSet}\` (questions as \`awsquiz --lang en export --seed ${options.seed}\` makes them), ${sample.length} cards from ${options.sets.length} sets.`;
  writeFileSync(join(options.out, 'sample.md'), renderDoc('Question-quality sample', sample, how));

  // Each judge gets every K-th card of every set, so every set is judged by all judges alike.
  for (let j = 0; j < options.judges; j++) {
    const mine = [];
    options.sets.forEach((set, s) => {
      const ofSet = sample.filter((card) => card.set === set.name);
      // Rotated per set, so the parts stay the same size when N is not a multiple of K.
      mine.push(...ofSet.filter((_, i) => (i + s) % options.judges === j));
    });
    const intro = [
      `You are judge ${j + 1} of ${options.judges}: ${mine.length} cards (numbers ${mine.map((c) => c.n).join(', ')}).`,
      'Judge every card on its own; do not look at the other judges’ files. The full brief is bench/JUDGING.md; its key rules:',
      '',
      keyRules(),
      '',
      `Write your verdicts to \`judged-${j + 1}.jsonl\` next to this file, one line per card, in card order.`,
      '',
      '---',
    ].join('\n');
    writeFileSync(
      join(options.out, `judge-${j + 1}.md`),
      renderDoc(`Judging: part ${j + 1} of ${options.judges}`, mine, intro),
    );
  }

  const kinds = [...new Set([...KIND_ORDER, ...sizes.flatMap((s) => Object.keys(s.cards))])];
  const table = [
    `# Set sizes (seed ${options.seed})`,
    '',
    'Cards per kind (questions export could make, where fewer), and the sample taken from each set.',
    '',
    `| set | files | ${kinds.join(' | ')} | all | sampled |`,
    `|---|---|${kinds.map(() => '---').join('|')}|---|---|`,
    ...sizes.map((s) => {
      const cell = (k) => {
        const c = s.cards[k] ?? 0;
        const q = s.questions[k] ?? 0;
        return q === c ? `${c}` : `${c} (${q})`;
      };
      const taken = sample.filter((card) => card.set === s.set).length;
      const all =
        s.totalQuestions === s.totalCards
          ? `${s.totalCards}`
          : `${s.totalCards} (${s.totalQuestions})`;
      return `| ${s.set} | ${s.files} | ${kinds.map(cell).join(' | ')} | ${all} | ${taken} |`;
    }),
    '',
    `| set | ${kinds.join(' | ')} |`,
    `|---|${kinds.map(() => '---').join('|')}|`,
    ...options.sets.map((set) => {
      const counts = countBy(
        sample.filter((card) => card.set === set.name),
        'kind',
      );
      return `| ${set.name} sampled | ${kinds.map((k) => counts[k] ?? 0).join(' | ')} |`;
    }),
    '',
  ];
  writeFileSync(join(options.out, 'sizes.md'), table.join('\n'));
  process.stdout.write(`${table.join('\n')}\n`);
  process.stdout.write(
    `wrote ${sample.length} cards to ${relative(process.cwd(), options.out) || '.'}/ (sample.jsonl, sample.md, judge-1..${options.judges}.md, sizes.md)\n`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
