import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/ui/layout.js';
import { hasStackTrace, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { Terminal } from '../helpers/tmux.js';

/** The English example notes of the README. */
const EXAMPLES = join(ROOT, 'examples');

const open: Terminal[] = [];
afterAll(() => {
  for (const terminal of open.splice(0)) terminal.close();
});

function start(args: string[], dataDir: string, width = 80): Terminal {
  const terminal = new Terminal({ args, width, height: 50, env: { AWSQUIZ_DATA_DIR: dataDir } });
  open.push(terminal);
  return terminal;
}

/** The part of the screen after the last question header. */
function lastQuestion(screen: string): string {
  const at = screen.lastIndexOf('card ');
  return at < 0 ? screen : screen.slice(at);
}

interface Tally {
  answered: number;
  right: number;
  recall: number;
  choice: number;
  typed: number;
}

/**
 * Answers `count` questions by keys: recall cards alternately Good and Again,
 * multiple choice with Enter (the first option), typed ones with a wrong word.
 */
async function answer(terminal: Terminal, count: number): Promise<Tally> {
  const tally: Tally = { answered: 0, right: 0, recall: 0, choice: 0, typed: 0 };
  for (let i = 0; i < count; i++) {
    const screen = lastQuestion(
      await terminal.waitFor(new RegExp(`card ${i + 1}/\\d+[\\s\\S]*\\?`)),
    );
    if (screen.includes('press Enter to see it')) {
      tally.recall += 1;
      terminal.send('Enter');
      await terminal.waitFor('How well did you know it?');
      const good = tally.recall % 2 === 1;
      if (!good) terminal.send('1');
      terminal.send('Enter');
      if (good) tally.right += 1;
    } else if (screen.includes('↑↓ or 1–')) {
      tally.choice += 1;
      terminal.send('Enter');
      const after = lastQuestion(
        await terminal.waitFor(new RegExp(`card ${i + 1}/[\\s\\S]*(✓|✗)`)),
      );
      if (after.includes('✓')) tally.right += 1;
    } else {
      tally.typed += 1;
      terminal.type('zzzz');
      terminal.send('Enter');
      await terminal.waitFor(new RegExp(`card ${i + 1}/[\\s\\S]*✗`));
    }
    tally.answered += 1;
  }
  await terminal.waitFor(new RegExp(`card ${count + 1}/`));
  return tally;
}

// Each test has terminals and data folders of its own: they run side by side (all closed at the end).
describe.concurrent('awsquiz study in a real terminal', () => {
  it('answers by keystrokes, saves every answer, and ends cleanly on Ctrl+C', async () => {
    const dataDir = tempDir();
    // The English example notes, in note order: a section's other cards are buried once one
    // is answered, so the first cards are each section's recall, then the choices come.
    const first = start(
      ['--content', EXAMPLES, 'study', 's3', '--seed', '3', '--order', 'notes'],
      dataDir,
    );
    await first.waitFor('Studying S3: 0 due, 20 new.');
    const tally = await answer(first, 14);
    expect(tally.recall).toBeGreaterThan(2);
    expect(tally.choice).toBeGreaterThan(0);
    expect(tally.answered - tally.right).toBeGreaterThan(0);
    first.send('C-c');
    expect(await first.exitCode()).toBe(130);
    const screen = first.screen();
    expect(screen).toContain('Session summary');
    expect(screen).toContain(`Answered ${tally.answered}, right ${tally.right}`);
    expect(hasStackTrace(screen)).toBe(false);
    expect(screen).not.toMatch(/ExitPromptError|Error:/);

    const stats = await runCli(['--content', EXAMPLES, 'stats', '--json'], { dataDir });
    expect(stats.status).toBe(0);
    const report = JSON.parse(stats.stdout) as {
      reviews: number;
      streak: number;
      topics: {
        name: string;
        new: number;
        learning: number;
        accuracy: number | null;
        cards: number;
      }[];
    };
    expect(report.reviews).toBe(tally.answered);
    expect(report.streak).toBe(1);
    const ec2 = report.topics.find((topic) => topic.name === 'S3');
    expect(ec2?.accuracy).toBeCloseTo(tally.right / tally.answered, 5);
    expect(ec2?.learning).toBeGreaterThan(0);
    expect((ec2?.new ?? 0) + (ec2?.learning ?? 0)).toBe(ec2?.cards);

    // A second session knows what the first one did: fewer new cards left today.
    const second = start(['--content', EXAMPLES, 'study', 's3', '--seed', '3'], dataDir);
    const learned = (ec2?.cards ?? 0) - (ec2?.new ?? 0);
    await second.waitFor(`Studying S3: 0 due, ${20 - learned} new.`);
    await second.waitFor('card 1/');
    second.send('C-c');
    expect(await second.exitCode()).toBe(130);
    expect(hasStackTrace(second.screen())).toBe(false);
  }, 60_000);

  it('is usable at 40 columns in Japanese', async () => {
    const terminal = new Terminal({
      args: ['study', 'api', '--seed', '1'],
      width: 40,
      height: 40,
      env: { AWSQUIZ_DATA_DIR: tempDir(), LANG: 'ja_JP.UTF-8' },
    });
    open.push(terminal);
    await terminal.waitFor('API gatewayを学習します');
    // Keys typed before a prompt is on screen are dropped by inquirer as stale (it reads
    // them away before its first render): press Enter once the question asks for it.
    await terminal.waitFor(/カード 1\/\d+[\s\S]*Enter/);
    terminal.send('Enter');
    await terminal.waitFor('どのくらい覚えていましたか');
    terminal.send('Enter');
    await terminal.waitFor('カード 2/');
    const screen = terminal.screen();
    for (const line of screen.split('\n'))
      expect(line.startsWith('。') || line.startsWith('、')).toBe(false);
    // Two-digit counts do not fit one 40-column header: it breaks between its pieces.
    const printed = terminal.printed().split('\n');
    for (const line of printed) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
    const header = printed.findIndex((line) => line.startsWith('カード 2/'));
    expect(printed[header]).toMatch(/^カード 2\/\d+ · API gateway$/);
    expect(printed[header + 1]).toMatch(/^残り 復習 \d+・新規 \d+$/);
    terminal.send('C-c');
    expect(await terminal.exitCode()).toBe(130);
  }, 30_000);

  it("studies English notes of the user's own, in English, even with a Japanese locale", async () => {
    const dataDir = tempDir();
    const terminal = new Terminal({
      args: ['--content', `${ROOT}/examples`, '--lang', 'en', 'study', 's3', '--seed', '2'],
      width: 60,
      height: 50,
      env: { AWSQUIZ_DATA_DIR: dataDir, LANG: 'ja_JP.UTF-8' },
    });
    open.push(terminal);
    await terminal.waitFor('Studying S3: 0 due, 20 new.');
    const tally = await answer(terminal, 4);
    terminal.send('C-c');
    expect(await terminal.exitCode()).toBe(130);
    expect(terminal.screen()).toContain(`Answered ${tally.answered}`);
    const report = JSON.parse(
      (await runCli(['--content', `${ROOT}/examples`, 'stats', '--json'], { dataDir })).stdout,
    );
    expect(report.topics.map((t: { name: string }) => t.name)).toEqual(['S3', 'VPC']);
    expect(report.reviews).toBe(4);
  }, 60_000);

  it('exits 130 quietly on Ctrl+C before any question is shown', async () => {
    const terminal = start(['study', 'ec2'], tempDir());
    await terminal.waitFor('Studying EC2');
    terminal.send('C-c');
    const code = await terminal.exitCode();
    expect(code).toBe(130);
    expect(hasStackTrace(terminal.screen())).toBe(false);
  });

  it('review says when the next card is due when nothing is due', async () => {
    const dataDir = tempDir();
    const terminal = start(['review'], dataDir);
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.screen()).toContain('Nothing to review yet');
  });

  it('lays out each new question for the window as it is now, after a resize', async () => {
    const terminal = start(['study', 'ec2', '--seed', '3'], tempDir());
    await terminal.waitFor('card 1/');
    terminal.send('Enter'); // reveal or answer
    await terminal.waitFor(/card 2\/|Again/);
    terminal.resize(40);
    // Enter answers or reveals, then grades: until card 4 shows, each key once the screen changed.
    for (let i = 0; i < 6 && !terminal.screen().includes('card 4/'); i++) {
      const before = terminal.screen();
      terminal.send('Enter');
      for (let j = 0; j < 20 && terminal.screen() === before; j++)
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await terminal.waitFor('card 4/');
    const printed = terminal.printed();
    const after = printed.slice(printed.lastIndexOf('card 3/'));
    for (const line of after.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
  });

  it('says that notes without cards give nothing to study, and where to look, exit 1', async () => {
    const notes = tempDir();
    writeFileSync(join(notes, 'only.md'), '---\ntitle: only front matter\n---\n');
    const terminal = new Terminal({
      args: ['--content', notes, 'study'],
      width: 80,
      height: 20,
      env: { AWSQUIZ_DATA_DIR: tempDir() },
    });
    open.push(terminal);
    expect(await terminal.exitCode()).toBe(1);
    expect(terminal.screen()).toContain('These notes give no cards to study');
    expect(terminal.screen()).toContain('awsquiz check');
  });

  it("says how many new cards were seen today and how to get more when the day's limit is met", async () => {
    const dataDir = tempDir();
    const now = Date.now();
    const log = Array.from({ length: 20 }, (_, i) => [
      `seen-${i}`,
      now - i * 1000,
      3,
      'recall',
      1,
      1,
    ]);
    writeFileSync(
      join(dataDir, 'progress.json'),
      JSON.stringify({ schemaVersion: 1, cards: {}, log, exams: [] }),
    );
    const terminal = start(['study', 'ec2', '--new', '5'], dataDir);
    expect(await terminal.exitCode()).toBe(0);
    const screen = terminal.screen().replace(/\s+/g, ' ');
    expect(screen).toContain("You have seen 20 new cards today, and today's limit is 5.");
    expect(screen).toContain('--new 30');
  });
});
