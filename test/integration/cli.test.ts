import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedCard } from '../../src/commands/export.js';
import { displayWidth } from '../../src/ui/layout.js';
import { FIXTURES, hasStackTrace, ROOT, runCli, tempDir } from '../helpers/cli.js';

interface Exported {
  version: number;
  cards: ExportedCard[];
}

/** Minimal RFC 4180 reader, to check what we write. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('awsquiz (no TTY, no stdin)', () => {
  it('prints its version and help with examples', async () => {
    const version = await runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('awsquiz study ec2');
    expect(help.stdout).toContain('AWSQUIZ_DATA_DIR');
    const topicsHelp = await runCli(['topics', '--help']);
    expect(topicsHelp.stdout).toContain('awsquiz topics --json');
    const helpCommand = await runCli(['help', 'topics']);
    expect(helpCommand.status).toBe(0);
    expect(helpCommand.stdout).toContain('awsquiz topics --json');
  });

  it('fits help to the width by display columns, in both languages', async () => {
    for (const columns of [40, 80]) {
      for (const lang of ['ja', 'en']) {
        for (const command of [[], ['study'], ['exam'], ['stats'], ['export']]) {
          const help = await runCli(['--lang', lang, ...command, '--help'], {
            env: { COLUMNS: String(columns) },
          });
          const where = `${lang} ${columns} ${command.join(' ')}`;
          expect(help.status, where).toBe(0);
          for (const line of help.stdout.split('\n')) {
            expect(displayWidth(line), `${where}: ${line}`).toBeLessThanOrEqual(columns);
          }
        }
      }
    }
  });

  it('follows --lang and LANG for help', async () => {
    expect((await runCli(['--help'], { env: { LANG: 'ja_JP.UTF-8' } })).stdout).toContain('例:');
    expect(
      (await runCli(['--lang', 'en', '--help'], { env: { LANG: 'ja_JP.UTF-8' } })).stdout,
    ).toContain('Examples:');
    expect((await runCli(['--lang=ja', 'export', '--help'])).stdout).toContain('出力形式');
  });

  it('gives every command help with examples in both languages', async () => {
    for (const command of [
      'study',
      'review',
      'exam',
      'stats',
      'topics',
      'export',
      'check',
      'reset',
      'suspended',
    ]) {
      const ja = await runCli(['--lang', 'ja', command, '--help']);
      expect(ja.status, command).toBe(0);
      expect(ja.stdout, command).toContain('使い方:');
      expect(ja.stdout, command).toContain('例:');
      expect(ja.stdout, command).not.toMatch(/^(Options|Usage|Arguments):/m);
      const en = await runCli([command, '--help']);
      expect(en.stdout, command).toContain('Examples:');
      expect(en.stdout, command).toContain(`awsquiz ${command}`);
    }
  });

  it("reports commander's usage errors as one translated line", async () => {
    const en = await runCli(['stuyd']);
    expect(en.status).toBe(2);
    expect(en.stderr).toBe(
      'awsquiz: unknown command "stuyd". Did you mean: study? (see awsquiz --help)\n',
    );
    const ja = await runCli(['--lang', 'ja', 'topics', '--bogus']);
    expect(ja.stderr).toContain('不明なオプション --bogus です。');
  });

  it('lists the 13 topics of the notes in note order', async () => {
    const result = await runCli(['topics', '--json']);
    expect(result.status).toBe(0);
    const topics = JSON.parse(result.stdout) as {
      name: string;
      cards: number;
      due: number;
      new: number;
    }[];
    expect(topics).toHaveLength(13);
    expect(topics[0]).toMatchObject({ name: 'EC2', due: 0 });
    expect(topics.map((t) => t.name)).toContain('AWS Step Function');
    for (const topic of topics) {
      expect(topic.cards).toBeGreaterThan(0);
      expect(topic.new).toBe(topic.cards);
    }
    const table = await runCli(['topics']);
    expect(table.stdout).toContain('EC2');
    expect(table.stdout).not.toContain('\u001b[');
  });

  it('exports at least 113 cards as JSON, each well formed', async () => {
    const result = await runCli(['export', '--format', 'json']);
    expect(result.status).toBe(0);
    const data = JSON.parse(result.stdout) as Exported;
    expect(data.version).toBe(1);
    expect(data.cards.length).toBeGreaterThanOrEqual(113);
    for (const card of data.cards) {
      expect(card.id).toMatch(/^[0-9a-f]{16}$/);
      expect(card.prompt.trim()).not.toBe('');
      expect(card.answer.trim()).not.toBe('');
      expect(card.explanation.startsWith(card.path.join(' › '))).toBe(true);
      if (card.options) {
        expect(card.options).toContain(card.answer);
        expect(card.options.length).toBeGreaterThanOrEqual(3);
      }
    }
    expect(new Set(data.cards.map((c) => c.id)).size).toBe(data.cards.length);
  });

  it('exports the same cards for the same seed and only the asked topics', async () => {
    const a = await runCli(['export', '--seed', '5', '--topic', 'ebs']);
    const b = await runCli(['export', '--seed', '5', '--topic', 'EBS']);
    expect(a.stdout).toBe(b.stdout);
    const topics = new Set((JSON.parse(a.stdout) as Exported).cards.map((c) => c.topic));
    expect([...topics]).toEqual(['EBS']);
  });

  it('exports RFC 4180 CSV and an Anki import file', async () => {
    const csv = await runCli(['export', '--format', 'csv', '--topic', 'api']);
    expect(csv.status).toBe(0);
    const rows = readCsv(csv.stdout);
    expect(rows[0]).toEqual([
      'id',
      'topic',
      'path',
      'kind',
      'prompt',
      'answer',
      'options',
      'explanation',
      'file',
      'line',
    ]);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row).toHaveLength(10);
    // Each card says where in the notes it comes from.
    for (const row of rows.slice(1)) {
      expect(row[8]).toMatch(/\.md$/);
      expect(Number(row[9])).toBeGreaterThan(0);
    }
    const anki = await runCli(['export', '--format', 'anki', '--topic', 'lambda']);
    const lines = anki.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#tags column:4',
    ]);
    const guids = new Set<string>();
    for (const line of lines.slice(4)) {
      const fields = line.split('\t');
      expect(fields).toHaveLength(4);
      expect(fields[0]).toMatch(/^awsquiz-\S+$/);
      guids.add(fields[0] ?? '');
      expect(fields[3]).toContain('awsquiz');
    }
    // One guid per card, so a newer export updates the notes in Anki.
    expect(guids.size).toBe(lines.length - 4);
  });

  it("exports other people's notes: English, tables, code, front matter, deep headings", async () => {
    const result = await runCli(['--content', FIXTURES, 'export']);
    expect(result.status).toBe(0);
    const data = JSON.parse(result.stdout) as Exported;
    const topics = new Set(data.cards.map((c) => c.topic));
    for (const topic of ['S3', 'Storage', 'CLI', 'VPC', 'Deep', 'Route 53']) {
      expect(topics, topic).toContain(topic);
    }
    // Two lines without a heading, bold line or term: "Explain: no-headings" would ask a file
    // name back (issue 13), so that file gives no card.
    expect(topics).not.toContain('no-headings');
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/\\u001b|title: VPC|<div/);
    expect(
      (await runCli(['export'], { env: { AWSQUIZ_CONTENT: `${FIXTURES}/english` } })).stdout,
    ).toContain('S3 Glacier Flexible Retrieval');
  });

  it('tells how to start, with the --content the user gave', async () => {
    const shipped = await runCli(['stats']);
    expect(shipped.stdout).toContain('Start with: awsquiz study ec2');
    const own = await runCli(['--content', `${ROOT}/examples`, 'stats'], {
      env: { COLUMNS: '400' },
    });
    expect(own.stdout).toContain(`Start with: awsquiz --content ${ROOT}/examples study s3`);
    // A path too long for the line: the command is never broken, it gets a line of its own.
    const deep = join(tempDir(), 'a folder name long enough to push the command past the edge');
    cpSync(`${ROOT}/examples`, deep, { recursive: true });
    const long = await runCli(['--content', deep, 'stats'], { env: { COLUMNS: '80' } });
    const lines = long.stdout.split('\n');
    const at = lines.indexOf(`  awsquiz --content '${deep}' study s3`);
    expect(at, long.stdout).toBeGreaterThan(0);
    expect(lines[at - 1]).toBe('No progress yet. Start with:');
  });

  it('follows links only inside the notes folder, says so for one leading out, and never loops', async () => {
    const base = tempDir();
    const real = join(base, 'real');
    const notes = join(base, 'notes');
    mkdirSync(real);
    mkdirSync(notes);
    writeFileSync(join(real, 'linked.md'), '# Linked\n## Part\nA fact of the linked folder\n');
    writeFileSync(join(notes, 'own.md'), '# Own\n## Part\nA fact of the folder itself\n');
    symlinkSync(real, join(notes, 'realnotes'));
    symlinkSync(real, join(notes, 'again')); // the same folder twice
    symlinkSync('.', join(notes, 'loop'));
    symlinkSync(join(base, 'gone'), join(notes, 'broken'));
    const result = await runCli(['--content', notes, 'topics', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const names = (JSON.parse(result.stdout) as { name: string }[]).map((row) => row.name);
    // A link out of the folder is not a way out of it (issue 11: a link to / walked the disk).
    expect(names).toEqual(['Own']);
    expect(result.stderr).toContain('realnotes:1: link leads out of the notes folder');
    const inside = join(notes, 'sub');
    mkdirSync(inside);
    writeFileSync(join(inside, 'inner.md'), '# Inner\n## Part\nA fact inside\n');
    symlinkSync(inside, join(notes, 'alias'));
    const again = await runCli(['--content', notes, 'topics', '--json']);
    const inner = (JSON.parse(again.stdout) as { name: string }[]).map((row) => row.name);
    expect(inner).toEqual(['Inner', 'Own']);
  });

  it('never lets a file name or an argument drive the terminal', async () => {
    const dir = tempDir();
    // A file without a top-level heading: its topic is named after the file.
    writeFileSync(
      join(dir, 'bad\u001b[2J\u0007name.md'),
      '## Sub\nA fact line\n\n## Other\nAnother line\n',
    );
    for (const args of [['topics'], ['export', '--format', 'anki'], ['check'], ['stats']]) {
      const result = await runCli(['--content', dir, ...args]);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout + result.stderr, args.join(' ')).not.toMatch(
        /[\u0000-\u0008\u000b-\u001f\u007f]/,
      );
    }
    // Titled from its name (content/title.ts capitalises a name's words), cleaned of the escapes.
    expect((await runCli(['--content', dir, 'topics'])).stdout).toMatch(/badname/i);
    const unknown = await runCli(['export', '--topic', 'x\u001b[2Jy']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).not.toContain('\u001b');
  });

  it('checks notes: warnings exit 0, errors exit 1, each with file:line', async () => {
    const shipped = await runCli(['check']);
    expect(shipped.status).toBe(0);
    expect(shipped.stdout).toMatch(/08-api-gateway\.md:89: warning: .*full-width space/);
    expect(shipped.stdout).toMatch(/0 errors/);
    // Lines a recall card expects are asked; a fact that asks nothing alone is told so,
    // and the summary words the reasons a line is no fact.
    const examples = await runCli(['--content', join(ROOT, 'examples'), 'check']);
    expect(examples.stdout).toMatch(
      /vpc\.md:\d+: warning: a fact, but no question is made of it alone/,
    );
    expect(examples.stdout).toMatch(/lines are facts; left out: no verb \d+/);
    expect(examples.stdout.split('\n').filter((l) => l.includes('warning:')).length).toBeLessThan(
      10,
    );
    const fixtures = await runCli(['--content', FIXTURES, 'check']);
    expect(fixtures.status).toBe(1);
    expect(fixtures.stdout).toMatch(
      /duplicate-headings\.md:6: error: heading "Topics" appears twice/,
    );
    expect(fixtures.stdout).toMatch(/lenient\.md:7: warning: bold span "「EBS」"/);
    expect(fixtures.stdout).toMatch(
      /empty-sections\.md:3: warning: section "Standard queue" is empty/,
    );
    const ja = await runCli(['--lang', 'ja', '--content', FIXTURES, 'check']);
    expect(ja.stdout).toContain('同じ親の下に2回あります');
  });

  it('refuses an unknown topic with exit 2, a did-you-mean and no stack trace', async () => {
    const result = await runCli(['export', '--topic', 'lamda']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('awsquiz: unknown topic "lamda".');
    expect(result.stderr).toContain('Did you mean: Lambda');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout).toBe('');
  });

  it('refuses bad numbers, unknown options and commands with exit 2', async () => {
    for (const args of [
      ['export', '--seed', 'abc'],
      ['export', '--seed', '-1'],
      ['export', '--seed', '1.5'],
      ['export', '--format', 'xml'],
      ['topics', '--bogus'],
      ['nonsense'],
      ['--lang', 'fr', 'topics'],
      ['stats', '--topic', ''],
    ]) {
      const result = await runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim(), args.join(' ')).not.toBe('');
      expect(hasStackTrace(result.stderr), args.join(' ')).toBe(false);
    }
    expect((await runCli(['export', '--seed', 'abc'])).stderr).toContain(
      '--seed must be a whole number from 0 to',
    );
    // Help for a command that does not exist says so, instead of the whole help on stderr.
    const help = await runCli(['help', 'nosuch']);
    expect(help.status).toBe(2);
    expect(help.stdout).toBe('');
    expect(help.stderr.trim()).toBe('awsquiz: unknown command "nosuch". (see awsquiz --help)');
    expect((await runCli(['help', 'stats'])).stdout).toContain('awsquiz stats');
  });

  it('says what to do when the notes folder is missing or empty', async () => {
    const missing = await runCli(['--content', `${ROOT}/no-such-dir`, 'topics']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/does not exist.*--content/);
    const empty = await runCli(['--content', `${ROOT}/bin`, 'topics']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('no markdown notes found');
  });

  it('exports the same bytes from a warm cache as without one', async () => {
    for (const content of [undefined, FIXTURES]) {
      const args = [...(content ? ['--content', content] : []), 'export', '--format', 'json'];
      const dataDir = tempDir();
      const cold = await runCli(args, { dataDir });
      const warm = await runCli(args, { dataDir });
      expect(cold.status).toBe(0);
      expect(warm.stdout).toBe(cold.stdout);
      expect(warm.stderr).toBe(cold.stderr);
    }
    // Four builds of all the notes: more than the default time-out on a loaded 2-core machine.
  }, 60_000);

  it('finds the shipped notes from any working directory', async () => {
    // runCli runs in a fresh temp dir, so this passing means content/ was found next to the package.
    expect((await runCli(['topics', '--json'])).status).toBe(0);
  });

  it('refuses an empty --content with exit 2, and reads an empty AWSQUIZ_CONTENT as unset', async () => {
    for (const args of [
      ['--content', '', 'topics'],
      ['--content=', 'export'],
    ]) {
      const result = await runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('awsquiz: --content is empty.');
      expect(result.stdout).toBe('');
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
    const unset = await runCli(['topics', '--json'], { env: { AWSQUIZ_CONTENT: '' } });
    expect(unset.status).toBe(0);
    expect(JSON.parse(unset.stdout)).toHaveLength(13);
  });

  it('skips note files that are not UTF-8 text: a warning elsewhere, an error from check', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.md'), '# S3\n\n## Buckets\nA bucket holds objects.\n');
    writeFileSync(
      join(dir, 'garbage.md'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0xff, 0x00]),
    );
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Café\nUne ligne.\n', 'latin1'));
    writeFileSync(join(dir, 'empty.md'), '');
    const topics = await runCli(['--content', dir, 'topics', '--json']);
    expect(topics.status).toBe(0);
    expect((JSON.parse(topics.stdout) as { name: string }[]).map((t) => t.name)).toEqual(['S3']);
    expect(topics.stderr).toBe(
      'awsquiz: warning: skipped garbage.md, latin1.md: not readable as UTF-8 text, so no cards come from it; save notes as UTF-8 (awsquiz check shows where)\n',
    );
    const checked = await runCli(['--content', dir, 'check']);
    expect(checked.status).toBe(1);
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toMatch(
      /^garbage\.md:1: error: not UTF-8 text .*save the file as UTF-8/m,
    );
    expect(checked.stdout).toMatch(/^latin1\.md:1: error: not UTF-8 text/m);
    expect(checked.stdout).toMatch(/^empty\.md:1: warning: file is empty/m);
    expect(checked.stdout).not.toContain('no problems found');
  });

  it('checks a folder that gives no cards, and sections repeated across files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), '# Notes\n\n## Setup\nInstall the CLI first.\n');
    writeFileSync(join(dir, 'b.md'), '# Notes\n\n## Setup\nConfigure the credentials.\n');
    const repeated = await runCli(['--content', dir, 'check']);
    expect(repeated.status).toBe(0);
    expect(repeated.stdout).toContain(
      'b.md:3: warning: section "Notes › Setup" is also in a.md:3;',
    );
    const recalls = (
      JSON.parse((await runCli(['--content', dir, 'export'])).stdout) as Exported
    ).cards.filter((c) => c.kind === 'recall' && c.path.join('/') === 'Notes/Setup');
    expect(recalls).toHaveLength(2);
    const empty = tempDir();
    writeFileSync(join(empty, 'notes.md'), '\n');
    const none = await runCli(['--content', empty, 'check']);
    expect(none.stdout).toContain('notes.md:1: warning: file is empty');
    expect(none.stdout).not.toContain('no problems found');
  });
});
