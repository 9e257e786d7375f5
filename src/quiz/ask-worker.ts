/**
 * The parse worker of the commands (content/parallel.ts runs it, as a child
 * process or a worker thread, see content/job-port.ts, when the library is
 * handed it, see content/library.ts OpenOptions.worker): { file, text } in,
 * { file, parsed, cards, reasons } out (ask-job.ts), on every core instead
 * of on the main thread after all files are parsed.
 */
import { serveJobs } from '../content/job-port.js';
import { askJob } from './ask-job.js';

serveJobs(askJob);
