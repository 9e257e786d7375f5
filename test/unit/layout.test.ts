import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { colorEnabled, createFormatter, terminalWidth } from '../../src/ui/format.js';
import { messagesFor } from '../../src/ui/i18n.js';
import {
  barCells,
  displayWidth,
  graphemes,
  sparkline,
  table,
  truncate,
  wrap,
  wrapWithCommand,
} from '../../src/ui/layout.js';

const NO_START = /^[。、，．）」』】〕〉》！？ー・：；.,)!?:;]/u;
const NO_END = /[（「『【〔〈《([]$/u;

function checkWrap(text: string, width: number): string[] {
  const lines = wrap(text, width);
  for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  // Nothing lost but spaces at breaks.
  expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  return lines;
}

const JA =
  'クラスタープレイスメントグループは、同じリージョン内の複数のピア VPC にまたがることができます。同じクラスタープレイスメントグループ内のインスタンスは、TCP/IP トラフィックのフローあたりのスループット上限が高くなり、ネットワークの二分帯域幅の広い同じセグメントに配置されます。';

describe('displayWidth', () => {
  it('agrees with string-width on any mix of scripts, symbols, emoji and marks (property)', () => {
    const unit = fc.constantFrom(
      'a',
      ' ',
      '~',
      'é',
      'ß',
      'Ω',
      'я',
      'あ',
      'ア',
      'ｱ',
      '漢',
      '々',
      '。',
      '「',
      '　',
      'Ａ',
      '１',
      '→',
      '○',
      '①',
      '…',
      '★',
      '✅',
      '☺',
      '€',
      '👍',
      '👍🏽',
      '🇯🇵',
      '👨‍👩‍👧',
      'e\u0301',
      'か\u3099',
      '\u200b',
      '\t',
      '\u001b',
      '한',
      'ᄀ',
      '😀',
      '𠮷',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('wrap', () => {
  it('wraps long Japanese at 40 and 80 columns: every line fits, nothing lost, kinsoku kept', () => {
    for (const width of [40, 80]) {
      const lines = checkWrap(JA, width);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines.slice(1)) expect(line, line).not.toMatch(NO_START);
      for (const line of lines.slice(0, -1)) expect(line, line).not.toMatch(NO_END);
    }
  });

  it('never splits a cloze blank', () => {
    for (let width = 10; width <= 24; width++) {
      const lines = checkWrap(
        'インスタンスを停止し、そのルートボリュームを＿＿＿して、データボリュームにする',
        width,
      );
      expect(
        lines.filter((line) => line.includes('＿')),
        String(width),
      ).toHaveLength(1);
    }
  });

  it('breaks English at spaces and keeps words whole', () => {
    const lines = checkWrap('Stores data in at least three Availability Zones of one Region.', 20);
    expect(lines).toEqual([
      'Stores data in at',
      'least three',
      'Availability Zones',
      'of one Region.',
    ]);
  });

  it('cuts a word longer than the line between characters', () => {
    expect(checkWrap('terminate-instance-in-auto-scaling-group', 12).length).toBe(4);
  });

  it('never splits emoji or combined characters and counts them as two columns', () => {
    const lines = checkWrap('👍🏽👍🏽👍🏽👍🏽👍🏽 🇯🇵🇯🇵🇯🇵', 5);
    for (const line of lines)
      for (const g of graphemes(line)) expect(['👍🏽', '🇯🇵', ' ']).toContain(g);
  });

  it('does not start a line with 。 or 、 even when the line is exactly full', () => {
    const lines = checkWrap('あいうえおかきくけこ。さしすせそ', 20);
    expect(lines[1]?.startsWith('。')).toBe(false);
    const brackets = checkWrap('あいうえおかきく「けこ」です', 18);
    for (const line of brackets.slice(0, -1)) expect(line.endsWith('「')).toBe(false);
  });

  it('never breaks a command to type; it gets its own line when the sentence does not fit', () => {
    expect(wrapWithCommand('Start with: ', 'awsquiz study ec2', 40)).toEqual([
      'Start with: awsquiz study ec2',
    ]);
    const command = 'awsquiz --content /a/very/long/path/to/my/notes study s3';
    expect(wrapWithCommand('No progress yet. Start with: ', command, 40)).toEqual([
      'No progress yet. Start with:',
      `  ${command}`,
    ]);
    expect(wrapWithCommand('まだ学習の記録がありません。まずは: ', command, 20)).toEqual([
      ...wrap('まだ学習の記録がありません。まずは:', 20),
      `  ${command}`,
    ]);
  });

  it('keeps existing line breaks', () => {
    expect(wrap('a\nb', 10)).toEqual(['a', 'b']);
  });

  it('holds for any mix of ASCII, kana, kanji, punctuation, emoji and spaces (property)', () => {
    const piece = fc.constantFrom(
      'a',
      'word ',
      'EC2',
      ' ',
      'インスタンス',
      '、',
      '。',
      '「',
      '」',
      '（',
      '）',
      '👍🏽',
      'ー',
      '漢字',
      'Ｆｕｌｌ',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }),
        fc.integer({ min: 10, max: 120 }),
        (pieces, width) => {
          checkWrap(pieces.join(''), width);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('truncate and tables', () => {
  it('shortens by display width with an ellipsis', () => {
    expect(truncate('EC2のハイバネーション機能', 10)).toBe('EC2のハイ…');
    expect(displayWidth(truncate('EC2のハイバネーション機能', 10))).toBeLessThanOrEqual(10);
    expect(truncate('short', 10)).toBe('short');
  });

  it('fits a table with Japanese names into 40 and 80 columns', () => {
    const rows = [
      ['トピック', 'カード', '復習', '新規'],
      ['SWF(Amazon Simple Workflow Service)', '12', '3', '9'],
      ['インスタンスストア', '8', '0', '8'],
    ];
    for (const width of [40, 80]) {
      const lines = table(
        rows,
        [{ shrink: true }, { align: 'right' }, { align: 'right' }, { align: 'right' }],
        width,
      );
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(lines[2]).toMatch(/インスタンスストア\s+8\s+0\s+8$/);
    }
    const narrow = table(
      rows,
      [{ shrink: true }, { align: 'right' }, { align: 'right' }, { align: 'right' }],
      30,
    );
    expect(narrow[1]).toContain('…');
  });
});

describe('bars', () => {
  it('split exactly the width, with a cell for every non-zero part', () => {
    expect(barCells([1, 0, 99], 10)).toEqual([1, 0, 9]);
    expect(barCells([0, 0], 10)).toEqual([0, 0]);
    fc.assert(
      fc.property(
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 4, max: 60 }),
        (values, width) => {
          const cells = barCells(values, width);
          const total = cells.reduce((a, b) => a + b, 0);
          expect(total).toBe(values.some((v) => v > 0) ? width : 0);
          values.forEach((v, i) => {
            if (v > 0) expect(cells[i]).toBeGreaterThan(0);
          });
        },
      ),
    );
  });

  it('draws a sparkline', () => {
    expect(sparkline([0, 1, 2, 4, 8])).toBe('·▁▂▄█');
  });
});

describe('colour and width', () => {
  it('colours only a terminal, never with NO_COLOR or --no-color', () => {
    expect(colorEnabled({ isTTY: true, env: {}, flag: true })).toBe(true);
    expect(colorEnabled({ isTTY: false, env: {}, flag: true })).toBe(false);
    expect(colorEnabled({ isTTY: true, env: { NO_COLOR: '1' }, flag: true })).toBe(false);
    expect(colorEnabled({ isTTY: true, env: {}, flag: false })).toBe(false);
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1' }, flag: true })).toBe(true);
  });

  it('styles with escape codes only when colour is on', async () => {
    expect(
      (await createFormatter({ color: false, width: 80, messages: messagesFor('en') })).style(
        'ok',
        'yes',
      ),
    ).toBe('yes');
    expect(
      (await createFormatter({ color: true, width: 80, messages: messagesFor('en') })).style(
        'ok',
        'yes',
      ),
    ).toBe('\u001b[32myes\u001b[39m');
  });

  it('follows the terminal, then COLUMNS, then 80', () => {
    expect(terminalWidth({ isTTY: true, columns: 100 }, {})).toBe(100);
    expect(terminalWidth({ isTTY: false }, { COLUMNS: '40' })).toBe(40);
    expect(terminalWidth({ isTTY: false }, { COLUMNS: 'abc' })).toBe(80);
    expect(terminalWidth({ isTTY: false }, {})).toBe(80);
  });
});
