import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (slowest first as last measured, else largest file first), but the
 * exam timer first: the longest file by the clock, mostly waiting, small, so in a
 * fresh clone it would start last and end the run alone.
 */
class TimerFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const timer = (file: TestSpecification) => file.moduleId.endsWith('exam-timer.test.ts');
    return [...sorted.filter(timer), ...sorted.filter((file) => !timer(file))];
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine,
    // every file after the other. The end-to-end files mostly wait on a terminal, so three
    // workers keep both cores busy while they wait.
    maxWorkers: 3,
    // A worker runs file after file in one module graph instead of importing the CLI, the
    // parser and vitest afresh for each of the ~45 files (that was a third of the CPU time).
    // Tests that change process.env or spy on a module put it back themselves.
    isolate: false,
    sequence: { sequencer: TimerFirst },
    globalSetup: ['test/global-setup.ts'],
  },
});
