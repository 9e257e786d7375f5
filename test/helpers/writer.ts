/**
 * A second awsquiz process for the two-writers test: records N answers into
 * the store named by AWSQUIZ_DATA_DIR, with a pause of 0–2 ms between them
 * so that the two writers' saves interleave (flat out, one process tends to
 * win the lock again and again, and the re-read-and-merge path is barely run).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { openProgress } from '../../src/store/progress.js';
import { userMessage } from '../../src/ui/i18n.js';

const [tag = 'w', count = '100'] = process.argv.slice(2);
// A save that fails ends the writer as it ends a study session: the message, exit 1.
process.on('uncaughtException', (error) => {
  process.stderr.write(`${error instanceof UserError ? userMessage(error, 'en') : error.stack}\n`);
  process.exit(1);
});
const compactAt = Number(process.env.AWSQUIZ_COMPACT_AT ?? 0);
const store = await openProgress({
  env: process.env,
  now: () => new Date(),
  onWarning: () => {},
  ...(compactAt > 0 ? { compactAt } : {}),
});
const pause = new Int32Array(new SharedArrayBuffer(4));
// With WRITERS_READY=<folder>:<n>, start only when n writers are ready: under load one
// writer's start-up can outlast the other's whole run, and then they never take turns.
const [readyDir, readyCount] = (process.env.WRITERS_READY ?? '').split(':');
if (readyDir && readyCount) {
  writeFileSync(join(readyDir, `ready-${tag}`), '');
  const until = Date.now() + 30_000;
  while (readdirSync(readyDir).filter((f) => f.startsWith('ready-')).length < Number(readyCount)) {
    if (Date.now() > until) break;
    Atomics.wait(pause, 0, 0, 5);
  }
}
for (let i = 0; i < Number(count); i++) {
  Atomics.wait(pause, 0, 0, Math.floor(Math.random() * 3));
  store.recordAnswer({
    cardId: `${tag}-${i % 7}`,
    kind: 'recall',
    grade: 3,
    correct: true,
    ms: i,
    now: new Date(),
    reschedule: (previous) => ({
      due: Date.now(),
      stability: 1,
      difficulty: 1,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: (previous?.reps ?? 0) + 1,
      lapses: 0,
      state: 1,
    }),
  });
  // Acknowledged: this answer is on disk.
  process.stdout.write(`${i}\n`);
}
