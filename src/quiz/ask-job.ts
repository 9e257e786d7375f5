/**
 * The work of the commands' parse worker (ask-worker.ts), also done in
 * process for a few files (content/parallel.ts parseMany `here`): a note is
 * parsed, carded alone, and each card judged when its file alone decides it
 * (fileVerdict): `reasons[i]` is whyNotAsked of `cards[i]`, '' when it is
 * asked, undefined when only the whole deck can tell. Worked out where the
 * card builder's memos of the file's sections are still warm. The library
 * keeps these per-file cards and reasons in its files cache (see
 * content/library.ts parseAll), so that after one note is edited only that
 * note is carded again.
 */
import { buildCards } from '../content/cards.js';
import { buildDeck, indexDeck } from '../content/deck.js';
import type { ParseJob } from '../content/parallel.js';
import { parseMarkdown } from '../content/parse.js';
import { fileVerdict } from './questions.js';

export function askJob(job: ParseJob) {
  const parsed = parseMarkdown(job.file, job.text);
  const deck = buildDeck([parsed]);
  const index = indexDeck(deck);
  const cards = buildCards(deck, index);
  const reasons = cards.map((card) => {
    const verdict = fileVerdict(card, index);
    return verdict === 'asked' ? '' : verdict;
  });
  return { file: job.file, parsed, cards, reasons };
}
