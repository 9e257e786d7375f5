import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, tempDir } from '../helpers/cli.js';
import { Terminal } from '../helpers/tmux.js';

const open: Terminal[] = [];
afterAll(() => {
  for (const terminal of open.splice(0)) terminal.close();
});

function start(args: string[], dataDir: string): Terminal {
  const terminal = new Terminal({
    args,
    width: 80,
    height: 60,
    env: { AWSQUIZ_DATA_DIR: dataDir },
  });
  open.push(terminal);
  return terminal;
}

// The timed exam runs on a fake clock in test/integration/exam-clock.test.ts.
// Each test has terminals and data folders of its own: they run side by side (all closed at the end).
describe.concurrent('awsquiz exam in a real terminal', () => {
  it('takes an exam by keys with a flag and a step back, then scores it and keeps it in the history', async () => {
    const dataDir = tempDir();
    const terminal = start(['exam', '--random', '5', '--seed', '7'], dataDir);
    await terminal.waitFor('Question 1/5');
    terminal.send('Enter');
    await terminal.waitFor('Question 2/5');
    terminal.send('f');
    await terminal.waitFor('⚑ flagged for review');
    terminal.send('Down');
    terminal.send('Enter');
    await terminal.waitFor('Question 3/5 · answered 2 · flagged 1');
    terminal.send('b');
    await terminal.waitFor('back to the previous question');
    await terminal.waitFor(/Question 2\/5 · answered 2 · flagged 1[\s\S]*❯ 2\./);
    terminal.send('Enter');
    for (const n of [3, 4, 5]) {
      await terminal.waitFor(`Question ${n}/5`);
      terminal.send('Enter');
    }
    const review = await terminal.waitFor('Submit the exam');
    expect(review).toContain('Question 2 (⚑ flagged)');
    expect(review).toContain('5/5 answered, 1 flagged');
    terminal.send('Enter');
    const end = await terminal.waitFor(/Score \d\/5/);
    const score = Number(/Score (\d)\/5/.exec(end)?.[1]);
    expect(end).toMatch(/PASS|FAIL/);
    const results = terminal.scrollback();
    expect(results).toContain('Exam results');
    expect(results).toContain('By topic (weakest first)');
    expect(results).toMatch(/topic\s+right\s+questions\s+%/);
    if (score < 5) {
      await terminal.waitFor(/missed cards? now\?/);
      terminal.type('n');
      terminal.send('Enter');
    }
    expect(await terminal.exitCode()).toBe(0);

    const report = JSON.parse((await runCli(['stats', '--json'], { dataDir })).stdout);
    expect(report.exams).toHaveLength(1);
    expect(report.exams[0]).toMatchObject({
      score,
      total: 5,
      passMark: 72,
      passed: score / 5 >= 0.72,
    });
    expect(Object.keys(report.exams[0]).sort()).toEqual(
      ['byTopic', 'date', 'passMark', 'passed', 'score', 'seconds', 'topics', 'total'].sort(),
    );
    // The exam left the study schedule alone.
    expect(report.reviews).toBe(0);
    expect(report.topics.every((t: { new: number; cards: number }) => t.new === t.cards)).toBe(
      true,
    );
  }, 60_000);

  it('abandons on Ctrl+C: exit 130, not scored, nothing saved', async () => {
    const dataDir = tempDir();
    const terminal = start(['exam', '--random', '3', '--seed', '1'], dataDir);
    await terminal.waitFor('Question 1/3');
    terminal.send('Enter');
    await terminal.waitFor('Question 2/3');
    terminal.send('C-c');
    expect(await terminal.exitCode()).toBe(130);
    const screen = terminal.screen();
    expect(screen).toContain('Exam abandoned, not scored.');
    expect(hasStackTrace(screen)).toBe(false);
    const report = JSON.parse((await runCli(['stats', '--json'], { dataDir })).stdout);
    expect(report.exams).toEqual([]);
  });
});
