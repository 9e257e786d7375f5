/**
 * A second awsquiz process for the two-writers test: records N answers into
 * the store named by AWSQUIZ_DATA_DIR, as fast as it can.
 */
import { openProgress } from '../../src/store/progress.js';

const [tag = 'w', count = '100'] = process.argv.slice(2);
const store = await openProgress({ env: process.env, now: () => new Date(), onWarning: () => {} });
for (let i = 0; i < Number(count); i++) {
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
}
