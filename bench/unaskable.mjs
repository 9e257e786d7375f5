// How many cards of a notes folder no question can be made of, in study or exam mode, for
// seeds 1–5: `npm run build && node bench/unaskable.mjs <notes folder>…`. The cards are the
// ones the commands count: those whyNotAsked keeps (the library leaves the others out when
// it makes the cards, issue 13); how many it left out is told too. A card counted yet never
// asked would be counted by topics and stats but skipped when its turn comes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const { parseMarkdown } = await import('../dist/content/parse.js');
const { buildDeck, indexDeck } = await import('../dist/content/deck.js');
const { buildCards } = await import('../dist/content/cards.js');
const { makeQuestion, whyNotAsked } = await import('../dist/quiz/questions.js');
const { createRng } = await import('../dist/quiz/rng.js');
const say = (await import('../dist/ui/i18n.js')).messagesFor('en').text;
for (const dir of process.argv.slice(2)) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseMarkdown(f, readFileSync(join(resolve(dir), f), 'utf8')));
  const deck = buildDeck(files);
  const index = indexDeck(deck);
  const made = buildCards(deck, index);
  const start = performance.now();
  const reasons = made.map((card) => whyNotAsked(card, index));
  const ms = performance.now() - start;
  const cards = made.filter((_, i) => reasons[i] === undefined);
  const left = made.filter((_, i) => reasons[i] !== undefined);
  const never = cards.filter(
    (card) =>
      ![1, 2, 3, 4, 5].some(
        (seed) =>
          makeQuestion(card, index, createRng(seed), 'exam', say) ??
          makeQuestion(card, index, createRng(seed), 'study', say),
      ),
  );
  console.log(
    `${dir}: ${made.length} made, ${left.length} left out (${ms.toFixed(0)} ms), ${cards.length} counted, ${never.length} never asked`,
  );
  if (process.env.LEFT)
    for (const c of left)
      console.log(
        `   left ${c.kind} ${c.file}:${c.line} ${whyNotAsked(c, index)} ${c.answer.slice(0, 40)}`,
      );
  for (const c of never.slice(0, 8))
    console.log(`   ${c.kind} ${c.file}:${c.line} ${c.answer.slice(0, 40)}`);
}
