// How many cards of a notes folder no question can be made of, in study or exam mode, for
// seeds 1–5: `npm run build && node bench/unaskable.mjs <notes folder>…`. Such a card is
// counted by topics and stats but skipped when its turn comes (issue 13's leak checks run
// when a question is made, after its options are drawn).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const { parseMarkdown } = await import('../dist/content/parse.js');
const { buildDeck, indexDeck } = await import('../dist/content/deck.js');
const { buildCards } = await import('../dist/content/cards.js');
const { makeQuestion } = await import('../dist/quiz/questions.js');
const { createRng } = await import('../dist/quiz/rng.js');
const say = (await import('../dist/ui/i18n.js')).messagesFor('en').text;
for (const dir of process.argv.slice(2)) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseMarkdown(f, readFileSync(join(resolve(dir), f), 'utf8')));
  const deck = buildDeck(files);
  const index = indexDeck(deck);
  const cards = buildCards(deck, index);
  const never = cards.filter(
    (card) =>
      ![1, 2, 3, 4, 5].some(
        (seed) =>
          makeQuestion(card, index, createRng(seed), 'exam', say) ??
          makeQuestion(card, index, createRng(seed), 'study', say),
      ),
  );
  console.log(`${dir}: ${cards.length} cards, ${never.length} never asked`);
  for (const c of never.slice(0, 8))
    console.log(`   ${c.kind} ${c.file}:${c.line} ${c.answer.slice(0, 40)}`);
}
