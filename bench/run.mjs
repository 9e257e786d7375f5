/**
 * `npm run bench`: start-up, parsing, memory and saving, measured against
 * their budgets (the table in bench/RESULTS.md). Each measurement alternates with a bare
 * `node -e 0` run, so ratios compare runs made under the same load; times
 * are medians. The table is printed and kept in bench/RESULTS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus, writeOneFile } from './corpus.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'awsquiz.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const temp = (name) => mkdtempSync(join(tmpdir(), `awsquiz-bench-${name}-`));

function env(dataDir) {
  return { ...process.env, AWSQUIZ_DATA_DIR: dataDir, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
}

function timeRun(args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    ...options,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Alternates the measured command with `node -e 0`; returns both medians. */
function versusNode(runs, measure) {
  const base = [];
  const times = [];
  for (let i = 0; i < runs; i++) {
    base.push(timeRun(['-e', '0']));
    times.push(measure(i));
  }
  return { ms: median(times), base: median(base) };
}

/** Bare `node -e 0` at the start: every row's ratio, where it is not measured side by side. */
const BASE = median(Array.from({ length: 9 }, () => timeRun(['-e', '0'])));
const rows = [];
function row(what, ms, measuredRatio, budget, ok, note = '') {
  const ratio = measuredRatio ?? (ms === undefined ? undefined : ms / BASE);
  rows.push({ what, ms, ratio, budget, ok, note });
  console.log(
    `${ok ? '✓' : '✗'} ${what}: ${ms === undefined ? 'n/a' : `${ms.toFixed(1)} ms`}${ratio ? ` (${ratio.toFixed(2)}x)` : ''}  budget ${budget}${note ? `  ${note}` : ''}`,
  );
}

// 1. --version
{
  const r = versusNode(RUNS, () => timeRun([BIN, '--version']));
  row('`awsquiz --version`', r.ms, r.ms / r.base, '<= 1.3x', r.ms / r.base <= 1.3);
}

// 2. topics with a warm cache
{
  const dir = temp('topics');
  timeRun([BIN, 'topics'], { env: env(dir) });
  const r = versusNode(RUNS, () => timeRun([BIN, 'topics'], { env: env(dir) }));
  row('`awsquiz topics`, warm cache', r.ms, r.ms / r.base, '<= 1.6x', r.ms / r.base <= 1.6);
}

// 3. first question of `study ec2` on screen, in a pseudo-terminal (tmux)
/** Keeps tmux's server up between sessions (it exits with its last one, racing the next start). */
let anchor;
function tmuxAnchor() {
  if (anchor) return;
  anchor = `awsquiz-bench-anchor-${process.pid}`;
  execFileSync('tmux', [
    'new-session',
    '-d',
    '-s',
    anchor,
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`,
  ]);
  process.on('exit', () => spawnSync('tmux', ['kill-session', '-t', anchor]));
}

function tmuxTime(command, marker, dataDir) {
  tmuxAnchor();
  const name = `awsquiz-bench-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const script = join(dataDir, 'run.sh');
  writeFileSync(
    script,
    `export AWSQUIZ_DATA_DIR='${dataDir}' NO_COLOR=1 LANG=en_US.UTF-8; ${command}; sleep 30\n`,
  );
  const start = process.hrtime.bigint();
  execFileSync('tmux', [
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    '100',
    '-y',
    '40',
    `bash ${script}`,
  ]);
  let ms;
  for (;;) {
    const screen = execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
    ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (screen.includes(marker) || ms > 10_000) break;
  }
  execFileSync('tmux', ['kill-session', '-t', name]);
  return ms;
}
{
  let available = true;
  try {
    execFileSync('tmux', ['-V']);
  } catch {
    available = false;
  }
  if (available) {
    const dir = temp('study');
    timeRun([BIN, 'topics'], { env: env(dir) });
    const base = [];
    const times = [];
    for (let i = 0; i < Math.min(RUNS, 9); i++) {
      base.push(tmuxTime(`${process.execPath} -e "console.log('re'+'ady')"`, 'ready', dir));
      times.push(tmuxTime(`${process.execPath} ${BIN} study ec2 --seed 1`, 'card 1/', dir));
    }
    const ms = median(times);
    const ratio = ms / median(base);
    row(
      'first question of `study ec2` on screen (tmux)',
      ms,
      ratio,
      '<= 2x',
      ratio <= 2,
      `node printing a line in tmux: ${median(base).toFixed(1)} ms`,
    );
  } else {
    row(
      'first question of `study ec2` on screen (tmux)',
      undefined,
      undefined,
      '<= 2x',
      false,
      'tmux is not installed',
    );
  }
}

// 4. shipped notes cold: export, and parse + cards in process
{
  const r = versusNode(Math.min(RUNS, 9), () => {
    const dir = temp('export');
    const ms = timeRun([BIN, 'export'], { env: env(dir) });
    rmSync(dir, { recursive: true, force: true });
    return ms;
  });
  row('`awsquiz export`, cold cache, shipped notes', r.ms, r.ms / r.base, '(no budget)', true);
  const code = `
    const { readdirSync, readFileSync } = await import('node:fs');
    const { parseMarkdown } = await import('./dist/content/parse.js');
    const { buildDeck, indexDeck } = await import('./dist/content/deck.js');
    const { buildCards } = await import('./dist/content/cards.js');
    const start = performance.now();
    const files = readdirSync('content').sort().map((f) => parseMarkdown(f, readFileSync('content/' + f, 'utf8')));
    const deck = buildDeck(files);
    const cards = buildCards(deck, indexDeck(deck));
    console.log(performance.now() - start, cards.length);`;
  const values = [];
  for (let i = 0; i < 7; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    values.push(Number(out.split(' ')[0]));
  }
  const ms = median(values);
  row('parse + cards of the shipped notes, cold process', ms, undefined, '<= 100 ms', ms <= 100);
}

// 5. big notes: 100 files / 3.7 MB cold and warm; one 3.7 MB file cold
{
  const corpus = writeCorpus(ROOT, temp('corpus'));
  const cold = [];
  const warm = [];
  const edited = [];
  const notes = readdirSync(corpus).sort();
  for (let i = 0; i < 3; i++) {
    const dir = temp('corpus-data');
    cold.push(timeRun([BIN, '--content', corpus, 'topics'], { env: env(dir) }));
    for (let j = 0; j < 3; j++)
      warm.push(timeRun([BIN, '--content', corpus, 'topics'], { env: env(dir) }));
    // A note edited (a line added): only it is carded again, the others' cards come from the cache.
    appendFileSync(
      join(corpus, notes[(i * 37) % notes.length]),
      `\n- 追記 ${i}：あとから足した行\n`,
    );
    edited.push(timeRun([BIN, '--content', corpus, 'topics'], { env: env(dir) }));
    rmSync(dir, { recursive: true, force: true });
  }
  row(
    '100 files / 3.7 MB, cold (`topics --content`)',
    median(cold),
    undefined,
    '<= 3 s',
    median(cold) <= 3000,
  );
  row('100 files / 3.7 MB, warm', median(warm), undefined, '<= 0.4 s', median(warm) <= 400);
  row('100 files / 3.7 MB, one note edited', median(edited), undefined, '(no budget)', true);
  const one = writeOneFile(ROOT, temp('onefile'));
  const times = [];
  for (let i = 0; i < 3; i++) {
    const dir = temp('one-data');
    times.push(timeRun([BIN, '--content', one, 'topics'], { env: env(dir) }));
    rmSync(dir, { recursive: true, force: true });
  }
  row('one 3.7 MB file, cold', median(times), undefined, '<= 3 s', median(times) <= 3000);
}

// 5b. the first question of an exam over a deck of 140,000 cards (drawing it makes it)
{
  const cards = Number(process.env.BENCH_EXAM_CARDS ?? 140_000);
  const values = [];
  let made = 0;
  for (let i = 0; i < 3; i++) {
    const out = JSON.parse(
      execFileSync(process.execPath, [join(ROOT, 'bench', 'exam-scale.mjs'), String(cards)], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }),
    );
    made = out.cards;
    values.push(out.ms);
  }
  const ms = median(values);
  row(
    `first question of an exam over ${made.toLocaleString('en')} cards`,
    ms,
    undefined,
    '<= 1 s',
    ms <= 1000,
  );
}

// 6. peak memory on the shipped notes (cold export: parsing, cards, questions)
{
  const code = `process.on('exit', () => process.stderr.write('RSS ' + process.resourceUsage().maxRSS + '\\n'));
    process.argv = [process.argv[0], ${JSON.stringify(BIN)}, 'export'];
    await import(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))});`;
  const values = [];
  for (let i = 0; i < 3; i++) {
    const dir = temp('rss');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: ROOT,
      env: env(dir),
      encoding: 'utf8',
    });
    values.push(Number(/RSS (\d+)/.exec(result.stderr)?.[1] ?? 0) / 1024);
  }
  const mb = median(values);
  rows.push({
    what: 'peak resident memory, cold export of the shipped notes',
    ms: undefined,
    ratio: undefined,
    budget: '<= 100 MB',
    ok: mb <= 100,
    note: `${mb.toFixed(1)} MB`,
  });
  console.log(`${mb <= 100 ? '✓' : '✗'} peak memory: ${mb.toFixed(1)} MB  budget <= 100 MB`);
}

// 7. saving one answer, with a quarter and with a year of history
for (const [label, entries] of [
  ['90 days of history (9,000 answers)', 9_000],
  ['a year of history (36,500 answers)', 36_500],
]) {
  const code = `
    const { writeFileSync } = await import('node:fs');
    const { openProgress } = await import('./dist/store/progress.js');
    const { schedule } = await import('./dist/quiz/scheduler.js');
    const now = new Date();
    const dir = process.env.AWSQUIZ_DATA_DIR;
    const log = Array.from({ length: ${entries} }, (_, i) => ['card-' + String(i % 600).padStart(11, '0'), now.getTime() - i * 60000, 3, 'which-fact', 4000, 1]);
    const cards = Object.fromEntries(Array.from({ length: 600 }, (_, i) => ['card-' + String(i).padStart(11, '0'), schedule(undefined, 3, now)]));
    writeFileSync(dir + '/progress.json', JSON.stringify({ schemaVersion: 1, cards, log, exams: [] }));
    const store = await openProgress({ env: process.env, now: () => now, onWarning: () => {} });
    // As in a study session: store.warm() runs while the first question is on screen.
    store.warm();
    const times = [];
    for (let i = 0; i < 25; i++) {
      const start = performance.now();
      store.recordAnswer({ cardId: 'card-00000000001', kind: 'recall', grade: 3, correct: true, ms: 1, now, reschedule: (p) => schedule(p, 3, now) });
      times.push(performance.now() - start);
    }
    const first = times[0];
    times.sort((a, b) => a - b);
    console.log(JSON.stringify([first, times[12]]));`;
  const dir = temp('save');
  const [first, ms] = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: ROOT,
      env: env(dir),
      encoding: 'utf8',
    }),
  );
  row(`saving one answer, ${label}`, ms, undefined, '<= 20 ms', ms <= 20);
  // The first save of a file from before the review log starts progress.log
  // (one small atomic write); later ones append a line. Neither grows with the history.
  row(`first save of a session, ${label}`, first, undefined, '<= 20 ms', first <= 20);
}

// The table, and bench/RESULTS.md
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpus().length} cores, ${cpu}, Node ${process.version}, ${process.platform} ${process.arch}`;
const table = [
  '| what | measured | ratio to `node -e 0` | budget | met |',
  '|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.what} | ${r.ms === undefined ? r.note || 'n/a' : `${r.ms.toFixed(1)} ms`} | ${r.ratio ? `${r.ratio.toFixed(2)}x` : ''} | ${r.budget} | ${r.ok ? '✓' : '✗'} |`,
  ),
];
const base = median([BASE, ...Array.from({ length: 9 }, () => timeRun(['-e', '0']))]);
const text = [
  '# Benchmark results',
  '',
  `Machine: ${machine}. Bare \`node -e 0\`: ${base.toFixed(1)} ms (median).`,
  `Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; medians of alternating runs (${RUNS} for start-up, fewer for the slow ones). Ratios of rows not run side by side with \`node -e 0\` are to its median at the start (${BASE.toFixed(1)} ms).`,
  `Load average at the end (1, 5, 15 min): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}.`,
  '',
  ...table,
  '',
];
console.log(`\n${table.join('\n')}`);
// The notes written below the table (sections from the first "## " on) stay: a run replaces the table only.
const results = join(ROOT, 'bench', 'RESULTS.md');
const old = existsSync(results) ? readFileSync(results, 'utf8') : '';
const notes = old.indexOf('\n## ');
writeFileSync(results, text.join('\n') + (notes >= 0 ? old.slice(notes) : ''));
if (rows.some((r) => !r.ok)) process.exitCode = 1;
