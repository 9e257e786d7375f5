/**
 * `npm run quality:report -- judged-1.jsonl judged-2.jsonl … [--sample sample.jsonl]`:
 * scores judged cards (bench/JUDGING.md) in Markdown tables per kind, per set
 * and overall: cards, learnable %, unambiguous %, leaks, broken, mean
 * plausibility (cards with options only) and clean % (learnable, unambiguous,
 * no leak, not broken). Verdict lines need `id` and `judged`; `set` and `kind`
 * are taken from --sample (the sample.jsonl the cards came from) when missing.
 * Also reads the judged files of ../shared/corpus/judged (same shape).
 */
import { readFileSync } from 'node:fs';
import { KIND_ORDER } from './kinds.mjs';

function fail(message) {
  process.stderr.write(`quality-report: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const files = [];
let samplePath;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--sample') {
    samplePath = args[i + 1];
    i++;
  } else if (args[i] === '--help' || args[i] === '-h') {
    process.stdout.write(`${readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]}*/\n`);
    process.exit(0);
  } else files.push(args[i]);
}
if (files.length === 0) fail('give the judged JSONL files to score');

function readJsonl(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`cannot read ${path}: ${error.message}`);
  }
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), at: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, at }) => {
      try {
        return JSON.parse(line);
      } catch {
        fail(`${path}:${at}: not a JSON object`);
        return undefined;
      }
    });
}

const sample = new Map();
if (samplePath) for (const card of readJsonl(samplePath)) sample.set(card.id, card);

const seen = new Set();
const rows = [];
for (const file of files) {
  for (const entry of readJsonl(file)) {
    const judged = entry.judged;
    if (!judged || typeof judged !== 'object')
      fail(`${file}: a line without "judged" (id ${entry.id})`);
    const from = sample.get(entry.id);
    const set = entry.set ?? from?.set ?? '?';
    const kind = entry.kind ?? from?.kind ?? '?';
    const key = `${set}\u0000${entry.id}`;
    if (seen.has(key)) {
      process.stderr.write(
        `quality-report: ${set} ${entry.id} judged twice; the first verdict counts\n`,
      );
      continue;
    }
    seen.add(key);
    rows.push({ set, kind, judged });
  }
}
if (samplePath) {
  const missing = [...sample.values()].filter((card) => !seen.has(`${card.set}\u0000${card.id}`));
  if (missing.length > 0)
    process.stderr.write(
      `quality-report: ${missing.length} cards of the sample are not judged yet\n`,
    );
}

const pct = (n, d) => (d === 0 ? '–' : `${Math.round((100 * n) / d)}%`);

function score(list) {
  const n = list.length;
  const count = (test) => list.filter((r) => test(r.judged)).length;
  const rated = list.map((r) => r.judged.plausibility).filter((p) => typeof p === 'number');
  const clean = count(
    (j) => j.learnable === true && j.unambiguous === true && !j.leak && !j.broken,
  );
  return [
    n,
    pct(
      count((j) => j.learnable === true),
      n,
    ),
    pct(
      count((j) => j.unambiguous === true),
      n,
    ),
    count((j) => j.leak === true),
    count((j) => j.broken === true),
    rated.length === 0 ? '–' : (rated.reduce((a, b) => a + b, 0) / rated.length).toFixed(2),
    pct(clean, n),
  ];
}

const HEAD = ['cards', 'learnable', 'unambiguous', 'leaks', 'broken', 'plausibility', 'clean'];

function table(title, by, order = []) {
  const groups = new Map();
  for (const row of rows) {
    const key = row[by];
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const rank = (k) => (order.includes(k) ? order.indexOf(k) : order.length);
  const keys = [...groups.keys()].sort((a, b) => rank(a) - rank(b));
  return [
    `### ${title}`,
    '',
    `| ${by} | ${HEAD.join(' | ')} |`,
    `|---|${HEAD.map(() => '---').join('|')}|`,
    ...keys.map((k) => `| ${k} | ${score(groups.get(k)).join(' | ')} |`),
    `| **all** | ${score(rows)
      .map((v) => `**${v}**`)
      .join(' | ')} |`,
    '',
  ].join('\n');
}

const tags = new Map();
for (const row of rows)
  for (const tag of row.judged.tags ?? []) tags.set(tag, (tags.get(tag) ?? 0) + 1);
const topTags = [...tags.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);

process.stdout.write(
  [
    `## Judged quality (${rows.length} cards from ${files.length} file${files.length === 1 ? '' : 's'})`,
    '',
    'Targets (issue 13): learnable ≥ 85%, unambiguous ≥ 97%, leaks ≤ 1%, broken 0, plausibility ≥ 1.3.',
    '',
    table('By kind', 'kind', KIND_ORDER),
    table('By set', 'set'),
    topTags.length > 0
      ? `Most frequent tags: ${topTags.map(([t, n]) => `${t} ${n}`).join(', ')}\n`
      : '',
  ].join('\n'),
);
