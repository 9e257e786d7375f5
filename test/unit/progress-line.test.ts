import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';
import { openNotes, progressLine } from '../../src/commands/notes.js';
import { messagesFor } from '../../src/ui/i18n.js';
import { displayWidth } from '../../src/ui/layout.js';
import { tempDir } from '../helpers/cli.js';

/** Two small note files, a fresh data folder, and a stderr that records what is written to it. */
function setup(
  isTTY: boolean,
  { columns, lang = 'en' }: { columns?: number; lang?: 'en' | 'ja' } = {},
) {
  const content = tempDir('awsquiz-progress-notes-');
  writeFileSync(
    join(content, 'a.md'),
    '# Alpha\n\n## Queues\n\n- SQS keeps messages up to 14 days.\n',
  );
  writeFileSync(
    join(content, 'b.md'),
    '# ベータ\n\n## キュー\n\n- 可視性タイムアウトの既定は30秒です。\n',
  );
  let written = '';
  const stderr = {
    isTTY,
    columns,
    write: (text: string) => {
      written += text;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  const context: Pick<CommandContext, 'content' | 'env' | 'stderr' | 'messages'> = {
    content,
    env: { AWSQUIZ_DATA_DIR: tempDir() },
    stderr,
    messages: messagesFor(lang),
  };
  return { context, written: () => written };
}

/** Each reading of the clock is `step` ms after the one before. */
function clockSteps(step: number) {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => {
    now += step;
    return now;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the progress line of a first parse (issue 16)', () => {
  it('is shown on a terminal once parsing has taken more than a second, and cleared at the end', async () => {
    const { context, written } = setup(true);
    clockSteps(5_000);
    const library = await openNotes(context);
    expect(library.files).toBe(2);
    expect(written()).toBe('\r\u001b[Kawsquiz: reading notes… 1/2 files\r\u001b[K');
  });

  it('fits one row of a narrow terminal, or \\r would leave a copy on every row it wraps to', async () => {
    const { context, written } = setup(true, { columns: 40, lang: 'ja' });
    clockSteps(5_000);
    await openNotes(context);
    const [line = ''] = written().split('\r\u001b[K').filter(Boolean);
    // The whole line is 43 columns ('awsquiz: ノートを読んでいます… 1/2 ファイル'): the short one is drawn.
    expect(line).toBe('ノート 1/2');
    const ja = messagesFor('ja');
    const texts = (done: number, total: number) => [
      ja.t('notes.parsing', { done, total }),
      ja.t('notes.parsingShort', { done, total }),
      `${done}/${total}`,
    ];
    expect(progressLine(texts(7, 100), 80)).toBe(`\r\u001b[K${texts(7, 100)[0]}`);
    for (const columns of [80, 40, 20, 12, 6]) {
      const drawn = progressLine(texts(7, 100), columns);
      expect(drawn.startsWith('\r\u001b[K')).toBe(true);
      expect(displayWidth(drawn.slice(4))).toBeLessThan(columns);
      // The count is what a narrow terminal keeps longest.
      expect(drawn).toContain('7/100');
    }
  });

  it('is not shown when parsing takes less than a second', async () => {
    const { context, written } = setup(true);
    clockSteps(0);
    await openNotes(context);
    expect(written()).toBe('');
  });

  it('is never written into a pipe or a file', async () => {
    const { context, written } = setup(false);
    clockSteps(5_000);
    await openNotes(context);
    expect(written()).toBe('');
  });
});
