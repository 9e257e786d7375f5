/**
 * Every text screen at 40 and 80 columns, in Japanese and in English, against
 * the same screen laid out on a line wide enough for anything: no line is
 * wider than the window, no line is broken inside a word or a number (nor
 * before 。、）」ー or small kana, nor after （「), and where a cell or a line
 * is cut with … what is cut off holds no number.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/ui/layout.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { shippedDeck } from '../helpers/deck.js';
import { simulate } from '../helpers/simulate.js';

const NOW = new Date('2026-11-30T12:00:00');
const WIDE = 1000;

/** May not start a line / may not end one (Japanese line-breaking rules, and their Latin kin). */
const NO_START = new Set([
  ...'。、，．）」』】〕〉》！？ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・：；',
  ...'.,)]}!?:;%',
]);
const NO_END = new Set([...'（「『【〔〈《［', ...'([{']);
/** The end and the start of a word or a number (a command's flags and numbers included). */
const WORD_END = /[A-Za-z0-9'’\-_/.=]+$/;
const WORD_START = /^[A-Za-z0-9'’\-_/.=]+/;

let progressDir = '';
let emptyDir = '';

beforeAll(() => {
  progressDir = tempDir();
  emptyDir = tempDir();
  const progress = simulate(shippedDeck().cards, { days: 20, now: NOW, skip: [2] });
  writeFileSync(join(progressDir, 'progress.json'), JSON.stringify(progress));
});

const SCREENS: { name: string; args: string[]; data: () => string }[] = [
  { name: 'stats', args: ['stats'], data: () => progressDir },
  { name: 'stats, no progress yet', args: ['stats'], data: () => emptyDir },
  { name: 'stats of two topics', args: ['stats', 'ec2', 'ebs'], data: () => progressDir },
  { name: 'topics', args: ['topics'], data: () => progressDir },
  { name: 'help', args: ['--help'], data: () => emptyDir },
  ...['study', 'review', 'exam', 'stats', 'topics', 'export', 'reset', 'check'].map((command) => ({
    name: `${command} --help`,
    args: [command, '--help'],
    data: () => emptyDir,
  })),
  { name: 'an unknown topic', args: ['study', 'nosuch'], data: () => emptyDir },
  { name: 'an ambiguous topic', args: ['stats', 'aws'], data: () => emptyDir },
  { name: 'review without a terminal', args: ['review'], data: () => emptyDir },
];

async function screen(args: string[], lang: string, width: number, dataDir: string) {
  const result = await runCli(['--lang', lang, ...args], {
    dataDir,
    now: () => NOW,
    env: { COLUMNS: String(width) },
  });
  return `${result.stdout}${result.stderr}`;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Whitespace made single, so a text laid out differently can be searched in. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function checkLayout(narrow: string, wide: string, width: number): void {
  const lines = narrow.split('\n');
  const wideFlat = flat(wide);
  for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  for (let i = 0; i + 1 < lines.length; i++) {
    const before = lines[i] ?? '';
    const after = (lines[i + 1] ?? '').trimStart();
    if (!before.trim() || !after) continue;
    const last = [...before].at(-1) ?? '';
    const first = [...after][0] ?? '';
    const context = `${before}⏎${lines[i + 1]}`;
    // A line that also ends so when the window is wide is not a break made for the width.
    if (wide.split('\n').some((l) => l.trimEnd() === before.trimEnd() && l.trim() !== '')) {
      continue;
    }
    expect(NO_START.has(first), context).toBe(false);
    expect(NO_END.has(last), context).toBe(false);
    const tail = WORD_END.exec(before)?.[0];
    const head = WORD_START.exec(after)?.[0];
    // Two word pieces either side of a break: the wide text has them with a space between.
    if (tail && head) {
      const joined = new RegExp(`${literal(tail)} (?:· |, )?${literal(head)}`);
      expect(wideFlat, context).toMatch(joined);
    }
  }
  // What a … cuts off holds no number: "all …" without its count, "6 トピ…".
  for (const line of lines) {
    for (const cell of line.split(/\s{2,}| · /)) {
      if (!cell.endsWith('…') || cell.trim() === '…') continue;
      const kept = cell
        .slice(0, -1)
        .trim()
        .replace(/^(\d+\. )?(… › )?/, '');
      const whole = wide.split('\n').find((l) => l.includes(kept));
      expect(whole, `"${kept}…" is not on the wide screen`).toBeDefined();
      const rest = (whole ?? '').slice((whole ?? '').indexOf(kept) + kept.length);
      const cut = rest.split(/\s{2,}| · /)[0] ?? '';
      expect(/\d/.test(cut), `${line}: cut off "${cut}"`).toBe(false);
    }
  }
}

describe('every text screen at 40 and 80 columns, in both languages', () => {
  for (const lang of ['en', 'ja']) {
    for (const { name, args, data } of SCREENS) {
      it(`${name} (${lang})`, async () => {
        const wide = await screen(args, lang, WIDE, data());
        expect(wide.trim()).not.toBe('');
        for (const width of [40, 80])
          checkLayout(await screen(args, lang, width, data()), wide, width);
      });
    }
  }
});

describe('help', () => {
  it('names the language choices once', async () => {
    for (const lang of ['en', 'ja']) {
      const help = flat(await screen(['--help'], lang, WIDE, emptyDir));
      const line = help.slice(help.indexOf('--lang'), help.indexOf('--no-color'));
      expect(line.match(/\bja\b/g), line).toHaveLength(1);
    }
  });
});

describe('a table at 20 columns', () => {
  it('shortens names and headers, never a number (topics)', async () => {
    for (const lang of ['en', 'ja']) {
      const counts = (text: string) =>
        text
          .split('\n')
          .slice(1)
          .map((line) => line.split(/\s+/).filter((cell) => /^\d+$/.test(cell)));
      const wide = await screen(['topics'], lang, WIDE, progressDir);
      const narrow = await screen(['topics'], lang, 20, progressDir);
      expect(narrow).not.toMatch(/\s…\s/);
      expect(counts(narrow), lang).toEqual(counts(wide));
    }
  });
});
