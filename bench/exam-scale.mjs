/**
 * `node bench/exam-scale.mjs [cards]`: builds a deck of at least that many
 * cards (default 140,000) from copies of the shipped notes, parsed once and
 * cloned with renamed topics, then times drawing an exam of 65 questions
 * (which makes its first question). Prints JSON: { cards, ms }.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const want = Number(process.argv[2] ?? 140_000);
const { parseMarkdown } = await import('../dist/content/parse.js');
const { buildDeck, indexDeck } = await import('../dist/content/deck.js');
const { buildCards } = await import('../dist/content/cards.js');
const { drawExam } = await import('../dist/quiz/exam.js');
const { createRng } = await import('../dist/quiz/rng.js');
const say = (await import('../dist/ui/i18n.js')).messagesFor('en').text;

const dir = join(ROOT, 'content');
const parsed = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => parseMarkdown(f, readFileSync(join(dir, f), 'utf8')));
const once = buildCards(buildDeck(parsed), indexDeck(buildDeck(parsed))).length;
const copies = Math.ceil(want / once);

/** Copy n of a parsed file: every section title and key renamed, as `bench/corpus.mjs` renames headings. */
function clone(file, n) {
  const copy = structuredClone(file);
  copy.file = `${n}-${file.file}`;
  const rename = (section) => {
    section.title = `${section.title} ${n}`;
    section.path = section.path.map((p) => `${p} ${n}`);
    section.key = section.key.map((k) => `${k} ${n}`);
    section.file = copy.file;
    for (const child of section.children) rename(child);
  };
  for (const topic of copy.topics) rename(topic);
  return copy;
}
// Cards per copy: buildCards compares every top-level topic with every
// other (quadratic in topics, cards.ts), which would take minutes here; the
// cards of one copy do not depend on the others (titles differ per copy).
const files = [];
const cards = [];
for (let n = 1; n <= copies; n++) {
  const copyFiles = parsed.map((file) => clone(file, n));
  const copyDeck = buildDeck(copyFiles);
  for (const card of buildCards(copyDeck, indexDeck(copyDeck))) cards.push(card);
  files.push(...copyFiles);
}
const deck = buildDeck(files);
const index = indexDeck(deck);
const start = performance.now();
const draw = drawExam(cards, index, 65, createRng(1), say);
const ms = performance.now() - start;
if (!draw.questions[0]) throw new Error('no exam question');
console.log(JSON.stringify({ cards: cards.length, ms }));
