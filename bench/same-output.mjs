/**
 * `node bench/same-output.mjs [notes folder…] > out.txt`: what a speed-up
 * must not change, as text to diff before and after it. For each folder
 * (by default the shipped notes, examples/ and test/fixtures/notes-sets/*):
 * `awsquiz export --format json` with two seeds (every card, its id and the
 * question made from it), then a few exam draws (the question stems, options
 * and card ids), all from a fresh data folder (a cold cache) and again warm.
 * Needs `npm run build`. Folders outside the repository (such as notes nobody
 * here wrote) are read, never copied.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'awsquiz.js');
const { openLibrary } = await import('../dist/content/library.js');
const { drawExam } = await import('../dist/quiz/exam.js');
const { createRng } = await import('../dist/quiz/rng.js');
const say = (await import('../dist/ui/i18n.js')).messagesFor('en').text;

const sets = join(ROOT, 'test', 'fixtures', 'notes-sets');
const folders =
  process.argv.length > 2
    ? process.argv.slice(2).map((dir) => resolve(dir))
    : [
        join(ROOT, 'content'),
        join(ROOT, 'examples'),
        ...readdirSync(sets).map((name) => join(sets, name)),
      ];

const digest = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

for (const dir of folders) {
  const data = mkdtempSync(join(tmpdir(), 'awsquiz-same-'));
  const env = { ...process.env, AWSQUIZ_DATA_DIR: data, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  console.log(`# ${dir}`);
  for (const [pass, seed] of [
    ['cold', 1],
    ['warm', 1],
    ['warm', 7],
  ]) {
    const out = execFileSync(
      process.execPath,
      [BIN, '--content', dir, 'export', '--format', 'json', '--seed', String(seed)],
      { env, encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    const cards = JSON.parse(out).cards;
    console.log(`export ${pass} seed ${seed}: ${cards.length} cards, ${digest(out)}`);
    if (pass === 'cold')
      for (const card of cards) console.log(`  ${card.id} ${card.kind} ${card.line}`);
  }
  const library = await openLibrary(dir, env);
  const { index } = await library.structure();
  for (const seed of [1, 2, 3]) {
    const draw = drawExam(library.cards, index, 20, createRng(seed), say);
    const text = JSON.stringify(draw.questions.map((q) => [q.cardId, q.stem, q.options]));
    console.log(
      `exam seed ${seed}: ${draw.questions.length} of ${draw.available}, ${digest(text)}`,
    );
  }
  rmSync(data, { recursive: true, force: true });
}
