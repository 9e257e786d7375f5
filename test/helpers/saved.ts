/**
 * What the store holds on disk for a data folder, read as the next awsquiz
 * would: the snapshot (progress.json) with the review log (progress.log)
 * after it. A repair on the way (a warning) fails the test that asked.
 */
import { join } from 'node:path';
import type { MessageRef } from '../../src/errors.js';
import type { ProgressData } from '../../src/quiz/progress-data.js';
import { readProgress } from '../../src/store/progress.js';
import { text } from '../../src/ui/i18n.js';
import { tempDir } from './cli.js';

export function saved(dir: string): ProgressData {
  return readProgress({
    env: { AWSQUIZ_DATA_DIR: dir },
    now: () => new Date(0),
    onWarning: (message) => {
      throw new Error(`unexpected repair: ${message.key}`);
    },
  });
}

/** A fresh data folder and the options to open its store with, warnings kept in English. */
export function storeFolder(now: () => Date) {
  const dir = tempDir();
  const warnings: string[] = [];
  const open = {
    env: { AWSQUIZ_DATA_DIR: dir },
    now,
    onWarning: (m: MessageRef) => warnings.push(text(m, 'en')),
  };
  return {
    dir,
    path: join(dir, 'progress.json'),
    log: join(dir, 'progress.log'),
    warnings,
    open,
  };
}
