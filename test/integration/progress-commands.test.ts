import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, tempDir } from '../helpers/cli.js';

const NOW = Date.now();

function seeded(dir: string, extra: Record<string, unknown> = {}): string {
  const path = join(dir, 'progress.json');
  writeFileSync(
    path,
    JSON.stringify({ schemaVersion: 1, cards: {}, log: [], exams: [], ...extra }),
  );
  return path;
}

describe('interactive commands without a terminal', () => {
  it('study and review exit 2 at once with one line saying what to use instead', async () => {
    for (const args of [['study'], ['study', 'ec2'], ['review']]) {
      const result = await runCli(args, { input: '\n\n\n' });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('needs an interactive terminal');
      expect(result.stderr).toContain('awsquiz stats');
      expect(result.stdout).toBe('');
    }
  });

  it('checks arguments first: an unknown topic or a bad number is reported before the terminal', async () => {
    expect((await runCli(['study', 'nope'])).stderr).toContain('unknown topic "nope"');
    for (const args of [
      ['study', '--new', '-1'],
      ['study', '--limit', '0'],
      ['study', '--limit', 'ten'],
      ['study', '--retention', '0.5'],
      ['study', '--retention', 'high'],
      ['review', '--limit', '1.5'],
    ]) {
      const result = await runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/--(new|limit|retention) must be a/);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });

  it('reset refuses without --yes, and resets with it', async () => {
    const dir = tempDir();
    const path = seeded(dir, { log: [['x', NOW, 3, 'recall', 1, 1]] });
    const refused = await runCli(['reset'], { dataDir: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(JSON.parse(readFileSync(path, 'utf8')).log).toHaveLength(1);
    const done = await runCli(['reset', '--yes'], { dataDir: dir });
    expect(done.status).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8')).log).toHaveLength(0);
    expect((await runCli(['reset', '--topic', 'ec9', '--yes'], { dataDir: dir })).status).toBe(2);
  });
});

describe('stats and topics read progress', () => {
  it('stats --json has the documented shape, with no progress yet', async () => {
    const result = await runCli(['stats', '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ reviews: 0, streak: 0, exams: [] });
    expect(report.topics).toHaveLength(13);
    expect(Object.keys(report.topics[0]).sort()).toEqual(
      [
        'accuracy',
        'cards',
        'due',
        'dueNow',
        'learning',
        'mature',
        'name',
        'new',
        'suspended',
      ].sort(),
    );
    expect(report.topics[0].accuracy).toBeNull();
    expect(report.forecast).toHaveLength(14);
    expect(report.heatmap).toHaveLength(140);
    const text = await runCli(['stats']);
    expect(text.stdout).toContain('No progress yet. Start with: awsquiz study ec2');
  });

  it('stats takes several topics, as study and exam do, each in detail; a name that fits several is refused', async () => {
    for (const args of [
      ['stats', '--topic', 'ec2', 'ebs'],
      ['stats', 'ec2', 'ebs'],
    ]) {
      const result = await runCli(args);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/^EC2$/m);
      expect(result.stdout).toMatch(/^EBS$/m);
    }
    const json = JSON.parse((await runCli(['stats', 'ec2', 'ebs', '--json'])).stdout);
    expect(json.map((entry: { topic: { name: string } }) => entry.topic.name)).toEqual([
      'EC2',
      'EBS',
    ]);
    // One topic keeps the shape it always had.
    expect(
      JSON.parse((await runCli(['stats', '--topic', 'ec2', '--json'])).stdout).topic.name,
    ).toBe('EC2');
    const many = await runCli(['stats', 'aws']);
    expect(many.status).toBe(2);
    expect(many.stderr).toContain('"aws" matches several topics');
  });

  it('moves a corrupt progress file aside, warns with both paths, and goes on', async () => {
    const dir = tempDir();
    const path = join(dir, 'progress.json');
    writeFileSync(path, '{"schemaVersion":1,"cards":{"x"');
    const result = await runCli(['topics', '--json'], { dataDir: dir });
    expect(result.status).toBe(0);
    const aside = readdirSync(dir).find((f) => f.startsWith('progress.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside ?? ''), 'utf8')).toBe('{"schemaVersion":1,"cards":{"x"');
    expect(result.stderr).toContain(path);
    expect(result.stderr).toContain(join(dir, aside ?? ''));
    expect(existsSync(path)).toBe(false);
  });

  it('says so when the data folder cannot be created or is a file, and never hangs', async () => {
    // mkdirSync({ recursive: true }) loops for ever under /proc: this must end, and say why.
    const proc = '/proc/awsquiz-cannot-exist';
    const topics = await runCli(['topics'], { dataDir: proc });
    expect(topics.status).toBe(0); // reading works without a cache
    expect(topics.stdout).toContain('EC2');
    const reset = await runCli(['reset', '--yes'], { dataDir: proc });
    expect(reset.status).toBe(1);
    expect(reset.stderr).toContain(`cannot save progress in ${proc}`);
    expect(reset.stderr).toContain('AWSQUIZ_DATA_DIR');
    expect(hasStackTrace(reset.stderr)).toBe(false);
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    // Reading finds no progress there, as under /proc; writing says why it cannot.
    for (const args of [['stats'], ['topics']]) {
      const result = await runCli(args, { dataDir: file });
      expect(result.status, args.join(' ')).toBe(0);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
    const write = await runCli(['reset', '--yes'], { dataDir: file });
    expect(write.status).toBe(1);
    expect(write.stderr).toContain(`cannot save progress in ${file}`);
    expect(hasStackTrace(write.stderr)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('goes on without damaged entries of a progress file, never with a stack trace', async () => {
    const state = {
      due: 0,
      stability: 2.3,
      difficulty: 2.1,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 1,
      reps: 1,
      lapses: 0,
      state: 1,
    };
    const broken: Record<string, unknown>[] = [
      { log: [null] },
      { log: [[1]] },
      { exams: [{}] },
      { exams: [{ date: 'not a date', score: 5, total: 0 }] },
      { cards: { f329fd365631a5c5: {} } },
      { cards: { f329fd365631a5c5: null } },
      { cards: { f329fd365631a5c5: { ...state, stability: null } } },
      { cards: { f329fd365631a5c5: { ...state, state: 9 } } },
    ];
    // The decoding is the store's (test/unit/progress.test.ts): here each damage goes through
    // one of the commands that read progress, in turn, so every command meets several.
    const commands = [['stats'], ['stats', '--json'], ['reset', '--yes', '--topic', 'ec2']];
    for (const [n, extra] of broken.entries()) {
      for (const args of [commands[n % commands.length] ?? []]) {
        const dir = tempDir();
        seeded(dir, extra);
        const result = await runCli(args, { dataDir: dir });
        const where = `${args.join(' ')} ${JSON.stringify(extra)}`;
        expect(result.status, where).toBe(0);
        expect(hasStackTrace(result.stderr), where).toBe(false);
        expect(result.stderr, where).toContain('had 1 damaged entry;');
        expect(
          readdirSync(dir).some((f) => f.startsWith('progress.json.corrupt-')),
          where,
        ).toBe(true);
      }
    }
  });

  it('refuses a progress file from a newer awsquiz with exit 1 and leaves it alone', async () => {
    const dir = tempDir();
    const path = seeded(dir, { schemaVersion: 99 });
    const before = readFileSync(path, 'utf8');
    for (const args of [['stats'], ['topics'], ['study', 'ec2'], ['reset', '--yes']]) {
      const result = await runCli(args, { dataDir: dir });
      expect(result.status, args.join(' ')).toBe(args[0] === 'study' ? 2 : 1);
    }
    const stats = await runCli(['stats'], { dataDir: dir });
    expect(stats.stderr).toContain('newer awsquiz');
    expect(hasStackTrace(stats.stderr)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('progress'))).toEqual(['progress.json']);
  });
});

describe('exam without a terminal or with bad numbers', () => {
  it('names the flag and the allowed range, exit 2', async () => {
    for (const [flag, value] of [
      ['--random', '0'],
      ['--random', '-3'],
      ['--random', '2.5'],
      ['--random', 'many'],
      ['--time', '0'],
      ['--time', 'soon'],
      ['--pass', '0'],
      ['--pass', '101'],
      ['--pass', '7e1'],
    ] as const) {
      const result = await runCli(['exam', flag, value]);
      expect(result.status, `${flag} ${value}`).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`${flag} must be a whole number from \\d+ to \\d+`));
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });

  it('needs a terminal', async () => {
    const result = await runCli(['exam', '--random', '5']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs an interactive terminal');
  });
});
