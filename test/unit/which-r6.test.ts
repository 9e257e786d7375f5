/**
 * which-heading and which-fact, round 6 of issue 13 (SIBLING-TRUE): a clue line
 * that a sibling option fits too. Notes of our own, Japanese and English:
 * - among kinds of one thing (placement groups, instance families, gateways) a
 *   use or a benefit ("〜に有効", "〜に使用", "Good for …") is no clue, unless it
 *   names something of its own (HDFS); a mechanism or a limit of the same
 *   section still is;
 * - a sibling the notes compare with the answer under a heading of their own
 *   ("A vs B", "AとBの違い") is never offered as a wrong option;
 * - nor is a sibling whose own lines say most of what the clue says
 *   ("cached locally" next to "a local cache"); the card keeps its other options.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/content/model.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import type { Question } from '../../src/quiz/types.js';
import { buildFrom } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'quality');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const en = buildFrom({ 'en.md': read('which-r6-en.md') });
const ja = buildFrom({ 'ja.md': read('which-r6-ja.md') });
type Built = typeof en;
const which = (built: Built): Card[] =>
  built.cards.filter((c) => c.kind === 'which-heading' || c.kind === 'which-fact');
const clues = (built: Built, answer?: string) =>
  which(built)
    .filter((c) => answer === undefined || c.answer === answer)
    .flatMap((c) => c.prompt.split('\n'));

/** The questions made of the which-* cards whose clue has `line`, over a few seeds. */
function askedWith(built: Built, line: string, seeds = 8): Question[] {
  const out: Question[] = [];
  for (const card of which(built).filter((c) => c.prompt.split('\n').includes(line))) {
    for (let seed = 0; seed < seeds; seed++) {
      const q = makeQuestion(card, built.index, createRng(seed), 'exam', sayEn);
      if (q) out.push(q);
    }
  }
  return out;
}
const optionsOf = (qs: Question[]) => new Set(qs.flatMap((q) => q.options ?? []));

describe('which-* clues among kinds of one thing', () => {
  it('are no use or benefit the siblings share (en)', () => {
    const all = clues(en);
    expect(all).not.toContain(
      'Effective for keeping a small set of critical nodes highly available',
    );
    expect(all).not.toContain('Good for web servers and media encoding');
    // The same sections' mechanism and limit lines are still asked.
    expect(clues(en, 'Spread placement group')).toContain(
      'Places each instance on distinct hardware, at most seven running instances per Availability Zone',
    );
    expect(clues(en, 'Compute optimized family')).toContain(
      'Runs the fastest processors at a high clock speed',
    );
  });

  it('are no use or benefit the siblings share (ja)', () => {
    const all = clues(ja);
    expect(all).not.toContain('高可用性のクラスタを組む際に有効');
    expect(all).not.toContain('WebサーバーやバッチのEncode処理に使用');
    expect(clues(ja, 'スプレッドプレイスメントグループ')).toContain(
      '1つのAZで実行中のインスタンスは最大7台まで、それぞれ別のハードウェアに置かれる',
    );
    expect(clues(ja, 'コンピューティング最適化')).toContain(
      '高いクロック周波数のプロセッサを載せている',
    );
  });

  it('keep a use that names something of its own (HDFS), and a data line that only looks like one', () => {
    expect(clues(en, 'Partition placement group')).toContain(
      'Useful for large distributed stores such as HDFS',
    );
    expect(clues(ja, 'パーティションプレイスメントグループ')).toContain(
      'HDFSのような大規模な分散ストアに有効',
    );
    // "頻繁に使う" says which data, not what the gateway is for.
    expect(clues(ja, 'Amazon FSx Gateway')).toContain(
      '頻繁に使うデータはローカルキャッシュに置かれる',
    );
  });
});

describe('which-* clues in other words', () => {
  it('never give the heading away in translation (階層 of Intelligent-Tiering, en "tier")', () => {
    expect(clues(ja, 'S3 Intelligent-Tiering')).not.toContain(
      '読まれないオブジェクトを自動で安い階層へ移す',
    );
    expect(clues(en, 'S3 Intelligent-Tiering')).not.toContain(
      'Moves objects nobody reads to a cheaper tier by itself',
    );
    // The section's other line is still its clue.
    expect(clues(ja, 'S3 Intelligent-Tiering')).toContain('オブジェクトごとに監視の料金がかかる');
  });
});

describe('which-* clues of network paths', () => {
  it('take no line that only says which paths a service works over (en, ja)', () => {
    expect(clues(en, 'Database Migration Service')).not.toContain(
      'Works over a site-to-site VPN, Direct Connect or a peered VPC',
    );
    expect(clues(ja, 'Database Migration Service')).not.toContain(
      'サイト間VPN、Direct Connect、ピアリングしたVPC経由で利用できる',
    );
    // The section's own mechanism is still its clue.
    expect(clues(ja, 'Database Migration Service')).toContain(
      '全件ロードのあと変更データキャプチャでデータベースをコピーする',
    );
  });
});

describe('which-* options', () => {
  it('never offer a sibling the notes compare with the answer (en, ja)', () => {
    for (const [built, line] of [
      [en, 'Emulates a tape library so backup software writes virtual tapes to the cloud'],
      [ja, 'データはS3に置いたまま手元のアプリケーションが共有を使い続けられる'],
    ] as const) {
      const qs = askedWith(built, line);
      expect(qs.length).toBeGreaterThan(0);
      expect(optionsOf(qs).has('DataSync')).toBe(false);
      for (const q of qs) expect((q.options ?? []).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('never offer a sibling whose own lines say the clue too (en, ja)', () => {
    for (const [built, line] of [
      [en, 'Frequently accessed data is cached locally'],
      [ja, '頻繁に使うデータはローカルキャッシュに置かれる'],
    ] as const) {
      const qs = askedWith(built, line);
      expect(qs.length).toBeGreaterThan(0);
      expect(optionsOf(qs).has('File Gateway')).toBe(false);
      expect(optionsOf(qs).has('Tape Gateway')).toBe(true);
      for (const q of qs) expect((q.options ?? []).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('offer a close relative when the clue gives a value the relative gives otherwise (180 vs 90 days)', () => {
    for (const [built, line] of [
      [en, 'Objects must stay 180 days at least, and a restore can take up to 12 hours'],
      [ja, '最小保存期間は180日で、標準の取り出しは12時間以内'],
    ] as const) {
      const qs = askedWith(built, line, 12);
      expect(qs.length).toBeGreaterThan(0);
      const offered = optionsOf(qs);
      expect(offered.has('S3 Glacier Flexible Retrieval')).toBe(true);
      // A relative whose lines give no such value may share it unsaid: still left out.
      expect(offered.has('S3 Glacier Instant Retrieval')).toBe(false);
    }
  });

  it('still offer the siblings a clue does not fit', () => {
    const qs = askedWith(en, 'Presents buckets to on-premises servers as NFS or SMB shares');
    expect(optionsOf(qs)).toEqual(
      new Set(['File Gateway', 'Tape Gateway', 'Volume Gateway', 'FSx Gateway']),
    );
  });
});
