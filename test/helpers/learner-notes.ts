/**
 * Notes of our own for the learner-key tests (issue 14): two small topics,
 * English and Japanese, whose term lines make one card each; and an editor
 * script that records its arguments and edits one line.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './cli.js';

/** Two small topics of our own, English and Japanese. */
export function gardenNotes(): string {
  const dir = tempDir();
  writeFileSync(
    join(dir, '01-garden.md'),
    [
      '# Garden',
      '',
      '## Soil',
      '',
      '- **Clay**: soil that holds water for a long time',
      '- **Sand**: soil that drains water quickly',
      '- **Loam**: soil that mixes sand, silt and clay',
      '- **Peat**: soil rich in old plant matter',
      '',
      '## Tools',
      '',
      '- A spade cuts and lifts soil',
      '- A rake levels the bed before sowing',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, '02-kitchen.md'),
    [
      '# 台所',
      '',
      '## 包丁',
      '',
      '- **牛刀**: 肉も野菜も切れる万能の包丁',
      '- **出刃包丁**: 魚をさばくための厚い包丁',
      '- **菜切り包丁**: 野菜を刻むための四角い包丁',
      '',
      '## 鍋',
      '',
      '- 土鍋は熱をゆっくり伝えて冷めにくい',
      '- 雪平鍋は片手で持てる軽い鍋',
      '',
    ].join('\n'),
  );
  return dir;
}

/** Line 6 of 01-garden.md: the term line the fake editor changes. */
export const EDITED_LINE = 6;

/**
 * An editor for EDITOR: writes its arguments one a line to `record`, and
 * rewrites line 6 of the garden note (one term line).
 */
export function fakeEditor(notesDir: string): { editor: string; record: string } {
  const bin = tempDir();
  const record = join(bin, 'args.txt');
  const editor = join(bin, 'fake-editor');
  writeFileSync(
    editor,
    `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\nsed -i '${EDITED_LINE}s/quickly/very quickly/' '${join(notesDir, '01-garden.md')}'\n`,
  );
  chmodSync(editor, 0o755);
  return { editor, record };
}
