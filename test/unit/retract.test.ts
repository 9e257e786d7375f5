/**
 * Lines the learner took back (content/retract.ts): a study log or a stream of daily
 * posts corrects itself later, and the line corrected makes no card of any kind.
 */
import { describe, expect, it } from 'vitest';
import { type Block, walk } from '../../src/content/model.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { whyNotStatement } from '../../src/content/statement.js';
import { tidyLine, tidyTitle } from '../../src/content/tidy.js';
import { buildFrom } from '../helpers/deck.js';

function corrected(text: string): string[] {
  const out: string[] = [];
  for (const topic of parseMarkdown('log.md', text).topics)
    walk(topic, (section) => {
      for (const block of section.blocks as Block[]) if (block.corrected) out.push(block.text);
    });
  return out;
}

describe('a correction takes back the line it corrects', () => {
  it('the line right before it', () => {
    const log = [
      '# 今日の学び',
      '',
      '2024/4/4 RDS の自動バックアップは最大 30 日。',
      '※訂正：35日だった。30日は S3 IA の最低保存期間と混ざってた',
      '',
      '2024/4/5 RDS の暗号化は作成時にしか有効にできない。',
      '',
    ].join('\n');
    expect(corrected(log)).toEqual(['RDS の自動バックアップは最大 30 日。']);
    const cards = buildFrom({ 'log.md': log }).cards;
    expect(cards.some((card) => card.answer === '30' || card.prompt.includes('最大 30 日'))).toBe(
      false,
    );
  });

  it('the post of the date it names, or the line holding the words it quotes', () => {
    const posts = [
      '# 今日の学び',
      '',
      '2024/3/8 SCP でメンバーアカウントに権限を付与できる。',
      '',
      '2024/3/9 IAM ロールは EC2 や Lambda に権限を渡すために使う。',
      '',
      '2024/3/12 ※訂正：3/8の投稿は間違い。SCP は権限を付与しない。',
      '',
      '2024/3/13 KMS キーはリージョン単位で、別リージョンではマルチリージョンキーを使う。',
      '訂正：「別リージョンではマルチリージョンキー」はレプリカキーのこと。',
      '',
    ].join('\n');
    // (A post is read without its date: the date is kept beside the line.)
    expect(corrected(posts)).toEqual([
      'SCP でメンバーアカウントに権限を付与できる。',
      'KMS キーはリージョン単位で、別リージョンではマルチリージョンキーを使う。',
    ]);
  });

  it("a study log's line of the day it names, only when the correction plainly speaks of it", () => {
    const log = [
      '# 学習ログ',
      '',
      '## 2026/10/10（土）',
      '- S3 はオブジェクトストレージ。バケット名はグローバルで一意',
      '- ストレージクラス一覧：Standard／Standard-IA／One Zone-IA／Glacier Deep Archive',
      '- Standard-IA の最低保存期間は 90日',
      '- OAI で S3 オリジンを守る',
      '',
      '## 10/11（日）',
      '- → 10/10 訂正：Standard-IA の最低保存期間は 30日（90日は Glacier の方）',
      '- → 10/10 訂正：今の推奨は OAC',
      '',
    ].join('\n');
    // The second shares one word with no line of the day: nothing is taken back by a guess.
    expect(corrected(log)).toEqual(['Standard-IA の最低保存期間は 90日']);
    const line = (text: string) => ({ kind: 'item' as const, text, spans: [], line: 1 });
    expect(whyNotStatement({ ...line('Standard-IA の最低保存期間は 90日'), corrected: true })).toBe(
      'corrected',
    );
    // The correction itself stays.
    expect(whyNotStatement(line('Standard-IA の最低保存期間は 30日'))).toBeUndefined();
  });

  it('notes that correct nothing are read as before', () => {
    expect(
      corrected('# S3\n\n- 修正版の資料を読む\n- バージョニングは一度有効にすると無効に戻せない\n'),
    ).toEqual([]);
  });
});

describe('daily posts', () => {
  it('are read without their date and label; a heading keeps its date', () => {
    expect(tidyLine('2024/3/8 今日の学び：SCP は権限を付与しない。', [])).toMatchObject({
      text: 'SCP は権限を付与しない。',
      date: '3/8',
    });
    expect(tidyLine('03/09 TIL: roles hand out temporary credentials', [])).toMatchObject({
      text: 'roles hand out temporary credentials',
      date: '3/9',
    });
    expect(tidyLine('今日の学び：IAM はグローバルサービス', [])?.text).toBe(
      'IAM はグローバルサービス',
    );
    // A date without a year or a label, and a date alone, stay.
    expect(tidyLine('3/4 の AZ が障害', [])).toBeUndefined();
    expect(tidyTitle('2026/10/10（土）')).toBe('2026/10/10（土）');
    expect(tidyTitle('2024/05/18')).toBe('2024/05/18');
  });

  it('ask their facts, never a post a later one corrects, nor an addendum without its post', () => {
    const posts = [
      '# 今日の学び（DB 編）',
      '',
      '2024/4/2 今日の学び：リードレプリカは MySQL なら最大 15 個。 #SAA',
      '→追記：Aurora のストレージは 10GB 単位で自動拡張する',
      '',
      '2024/4/4 今日の学び：RDS の自動バックアップは最大 30 日。',
      '',
      '2024/4/6 今日の学び：DynamoDB のアイテムは最大 400 KB。',
      '',
      '※訂正：4/4の投稿は間違いで、RDS の自動バックアップは最大 35 日。',
      '',
    ].join('\n');
    const cards = buildFrom({ 'posts.md': posts }).cards;
    const blanks = cards.filter((card) => card.kind === 'cloze').map((card) => card.answer);
    expect(blanks).toContain('15');
    expect(blanks).toContain('400');
    expect(blanks).not.toContain('30');
    expect(blanks).not.toContain('10');
    for (const card of cards) expect(card.prompt).not.toMatch(/2024\/|今日の学び：|追記/u);
  });
});
