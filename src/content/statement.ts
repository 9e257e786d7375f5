/**
 * What a line or a heading is, for cards (issue 13). Minimal version: only
 * isGenericHeading(), which which-heading / which-fact / list-children need;
 * the statement rules (isStatement) come with the outline model.
 */
import { fold } from './text.js';

/** Headings that organise notes rather than name a subject: never an answer or an option. */
const GENERIC = new Set(
  [
    'overview',
    'introduction',
    'intro',
    'summary',
    'recap',
    'key details',
    'key points',
    'key takeaways',
    'takeaways',
    'details',
    'simplified',
    'additional information',
    'additional info',
    'more information',
    'more info',
    'misc',
    'miscellaneous',
    'other',
    'others',
    'notes',
    'note',
    'good to know',
    'deeper dive',
    'deep dive',
    'basics',
    'the basics',
    'background',
    'examples',
    'example',
    'use cases',
    'common use cases',
    'features',
    'additional features',
    'other features',
    '追加機能',
    'その他の機能',
    'key features',
    'benefits',
    'tips',
    'best practices',
    'pricing',
    'limits',
    'faq',
    'references',
    'resources',
    'links',
    'diagram',
    'monitoring',
    'sharing',
    'recommendations',
    'conclusion',
    'exam tips',
    'comparison',
    'まとめ',
    '概要',
    '特徴',
    '補足',
    '参考',
    'その他',
    '詳細',
    '基本',
    'ポイント',
    'メモ',
    '例',
    '具体例',
    'ユースケース',
    '注意',
    '注意点',
    '料金',
    '制限',
    'はじめに',
    'おわりに',
    '用語',
  ].map(fold),
);

/** 第4章, Chapter 3, Section 2, Part 1, Lecture 5, Module 2, Day 3, 1.2 … */
const CHAPTER =
  /^(?:第\s*[0-9０-９一二三四五六七八九十百]+\s*[章節回部編講]|(?:chapter|section|part|lecture|module|lesson|unit|day|week|step)\s*[0-9０-９ivx]+\b|[0-9０-９]+(?:[.．][0-9０-９]+)*[.．]?\s*$)/iu;

/**
 * True for a heading that is about the notes, not the subject: a chapter
 * heading (`第4章 …`, `Chapter 3: …`), a generic one (Overview, まとめ, Key
 * Details, "EC2 Section – Summary"), once its subject words are set aside.
 */
export function isGenericHeading(title: string): boolean {
  const folded = fold(title).replace(/[?？:：!！]+$/u, '');
  if (!folded) return true;
  if (CHAPTER.test(folded)) return true;
  if (GENERIC.has(folded)) return true;
  // "EC2 Section – Summary", "IAM Overview", "S3 のまとめ", "Key Features of AWS CLI".
  const last = folded.split(/\s*[-–—:：・|]\s*|\s+/u).at(-1) ?? '';
  if (
    ['summary', 'overview', 'recap', 'introduction', 'comparison', 'まとめ', '概要'].includes(last)
  )
    return true;
  if (/(?:の)?(?:まとめ|概要|補足|その他|メモ|ノート|問題|復習)$/u.test(folded)) return true;
  if (/\b(?:notes|summary|review|quiz|questions|q&a|mistakes)$/u.test(folded)) return true;
  return /^(?:key features|features|examples?|benefits|use cases|tips) (?:of|for) /u.test(folded);
}
