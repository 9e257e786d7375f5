/**
 * The parse worker of the commands (content/parallel.ts runs it, as a child
 * process or a worker thread, see content/job-port.ts, when the
 * library is handed it, see content/library.ts OpenOptions.worker): as
 * content/parse-worker.ts, { file, text } in, { file, parsed, cards } out,
 * and with each card whether it is asked, when its file alone decides it
 * (fileVerdict): `reasons[i]` is whyNotAsked of `cards[i]`, '' when it is
 * asked, undefined when only the whole deck can tell. Worked out here, where
 * the card builder's memos of the file's sections are still warm, and on
 * every core, instead of on the main thread after all files are parsed.
 */
import { buildCards } from '../content/cards.js';
import { buildDeck, indexDeck } from '../content/deck.js';
import { serveJobs } from '../content/job-port.js';
import { parseMarkdown } from '../content/parse.js';
import { fileVerdict } from './questions.js';

serveJobs((job: { file: string; text: string }) => {
  const parsed = parseMarkdown(job.file, job.text);
  const deck = buildDeck([parsed]);
  const index = indexDeck(deck);
  const cards = buildCards(deck, index);
  const reasons = cards.map((card) => {
    const verdict = fileVerdict(card, index);
    return verdict === 'asked' ? '' : verdict;
  });
  return { file: job.file, parsed, cards, reasons };
});
