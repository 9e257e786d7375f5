/**
 * A worker thread that parses notes for `parallel.ts`: { file, text } in,
 * { file, parsed, cards } out (the same ParsedFile parseMarkdown gives in
 * process, and the cards of that file alone, see library.ts cardsByFile).
 */
import { parentPort } from 'node:worker_threads';
import { buildCards } from './cards.js';
import { buildDeck } from './deck.js';
import { parseMarkdown } from './parse.js';

parentPort?.on('message', (job: { file: string; text: string }) => {
  const parsed = parseMarkdown(job.file, job.text);
  const cards = buildCards(buildDeck([parsed]));
  parentPort?.postMessage({ file: job.file, parsed, cards });
});
