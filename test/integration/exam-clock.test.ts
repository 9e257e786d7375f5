import { describe, expect, it } from 'vitest';
import { runCli, startCli, tempDir } from '../helpers/cli.js';

describe('awsquiz exam on a fake clock', () => {
  it('ends a timed exam when time runs out, unanswered counting as wrong', async () => {
    const dataDir = tempDir();
    let time = Date.parse('2026-03-02T09:00:00Z');
    const now = () => new Date(time);
    const run = startCli(['exam', '--random', '2', '--time', '1', '--seed', '2'], {
      dataDir,
      now,
    });
    await run.waitFor(/Question 1\/2 .*⏱ 1:00/);
    time += 59_000;
    await run.waitFor('⏱ 0:01');
    // No key pressed: a minute after the start the exam ends by itself.
    time += 1_000;
    const results = await run.waitFor('missed cards now?');
    expect(results).toContain("Time's up");
    expect(results).toContain('Score 0/2');
    expect(results).toContain('(not answered)');
    run.send('n\r');
    expect((await run.done).status).toBe(0);

    const report = JSON.parse((await runCli(['stats', '--json'], { dataDir, now })).stdout);
    expect(report.exams).toHaveLength(1);
    expect(report.exams[0]).toMatchObject({ score: 0, total: 2, passed: false, seconds: 60 });
    // Unanswered questions are not logged as answers.
    expect(report.reviews).toBe(0);
  });

  it('answers, flags, steps back and submits from the review screen, timing each question', async () => {
    const dataDir = tempDir();
    let time = Date.parse('2026-03-02T09:00:00Z');
    const now = () => new Date(time);
    const run = startCli(['exam', '--random', '3', '--seed', '7'], { dataDir, now });
    await run.waitFor('Question 1/3');
    time += 4_000;
    run.send('\r');
    await run.waitFor('Question 2/3');
    run.send('f');
    await run.waitFor('⚑ flagged for review');
    time += 6_000;
    run.send('\r');
    await run.waitFor('Question 3/3 · answered 2 · flagged 1');
    run.send('b');
    await run.waitFor(/back to the previous question[\s\S]*Question 2\/3 · answered 2 · flagged 1/);
    run.send('\r');
    await run.waitFor(/back to the previous question[\s\S]*Question 3\/3/);
    time += 5_000;
    run.send('\r');
    const review = await run.waitFor('Submit the exam');
    expect(review).toContain('Question 2 (⚑ flagged)');
    expect(review).toContain('3/3 answered, 1 flagged');
    run.send('\r');
    const end = await run.waitFor(/Score \d\/3/);
    if (!/Score 3\/3/.test(end)) {
      await run.waitFor(/missed cards? now\?/);
      run.send('n\r');
    }
    expect((await run.done).status).toBe(0);
    const report = JSON.parse((await runCli(['stats', '--json'], { dataDir, now })).stdout);
    expect(report.exams[0]).toMatchObject({ total: 3, seconds: 15 });
  });
});
