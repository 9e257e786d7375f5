/**
 * The worker that parses notes for `parallel.ts` (a child process or a
 * worker thread, see job-port.ts): { file, text } in, { file, parsed, cards }
 * out (the same ParsedFile parseMarkdown gives in process, and the cards of
 * that file alone, see library.ts cardsByFile).
 */
import { buildCards } from './cards.js';
import { buildDeck } from './deck.js';
import { serveJobs } from './job-port.js';
import { parseMarkdown } from './parse.js';

serveJobs((job: { file: string; text: string }) => {
  const parsed = parseMarkdown(job.file, job.text);
  const cards = buildCards(buildDeck([parsed]));
  return { file: job.file, parsed, cards };
});
