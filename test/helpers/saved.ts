/**
 * What the store holds on disk for a data folder, read as the next awsquiz
 * would: the snapshot (progress.json) with the review log (progress.log)
 * after it. A repair on the way (a warning) fails the test that asked.
 */
import type { ProgressData } from '../../src/quiz/progress-data.js';
import { readProgress } from '../../src/store/progress.js';

export function saved(dir: string): ProgressData {
  return readProgress({
    env: { AWSQUIZ_DATA_DIR: dir },
    now: () => new Date(0),
    onWarning: (message) => {
      throw new Error(`unexpected repair: ${message.key}`);
    },
  });
}
