/**
 * A human title for a topic made from a file without a top-level heading
 * (issue 13, FILENAME-RESIDUE): "ja-aws-dva-memo-dynamodb-sqs" in a header
 * or a stem is residue, not a name. The title is, in order: the front
 * matter's `title`, the file's only outermost heading (a `## Lambda` file),
 * or the file name's words without order numbers, language codes and words
 * about the notes (memo, notes, outline …), spelled as the notes spell them
 * (`dynamodb` → DynamoDB). The file name stays the topic's key and alias
 * (what a learner types, and what card ids are made of). Pure.
 */
import { codePointLength } from '../ground/chars.js';
import type { Section } from './model.js';
import { collapse } from './prepare.js';
import { sanitize } from './sanitize.js';

/** Words of a file name that say what kind of notes it is, not what they are about. */
const FILLER = new Set(
  (
    'memo memos notes note outline outlines glossary lecture lectures transcript transcripts ' +
    'chapter ch chap section part lesson module unit draft drafts my study cheatsheet cheat sheet ' +
    'summary summaries review matome final wip todo misc tmp temp copy new old index readme ' +
    'course class exam prep 直前 メモ ノート まとめ 用語集 書き起こし'
  ).split(' '),
);

/** Language codes a file name carries (`ja-…`, `…_en`). */
const LANGUAGE = new Set('ja jp jpn en eng us uk zh cn ko kr de fr es'.split(' '));

/** Short English words of file names that are no abbreviation. */
const SHORT_WORDS = new Set(
  'a an and the for to of on in at by vs no how why use new old key day web app all big top set get put run log tip faq'.split(
    ' ',
  ),
);

/** AWS names whose spelling a file name loses and notes may not show. */
const SPELLING = new Map(
  [
    'DynamoDB',
    'CloudWatch',
    'CloudFront',
    'CloudFormation',
    'CloudTrail',
    'ElastiCache',
    'OpenSearch',
    'EventBridge',
    'AppSync',
    'GuardDuty',
    'QuickSight',
    'SageMaker',
    'PrivateLink',
    'DocumentDB',
    'DataSync',
    'CodeBuild',
    'CodeDeploy',
    'CodePipeline',
    'IPv4',
    'IPv6',
  ].map((name) => [name.toLowerCase(), name]),
);

/** The value of `title:` in YAML (`---`) or TOML (`+++`) front matter at the start of the text. */
export function frontMatterTitle(source: string): string | undefined {
  const lines = source.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u, 200);
  const fence = lines[0]?.trim();
  if (fence !== '---' && fence !== '+++') return undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === fence || (fence === '---' && line.trim() === '...')) return undefined;
    const m = /^title\s*[:=]\s*(.*)$/u.exec(line);
    if (!m) continue;
    const value = collapse(sanitize((m[1] ?? '').trim().replace(/^(["'])(.*)\1$/u, '$2')));
    return value && !/^[>|]/u.test(value) ? value : undefined;
  }
  return undefined;
}

/**
 * The words of a file name worth a title, spelled as the notes spell them,
 * or the empty string when nothing is left ("memo.md", "notes-2024.md").
 */
export function titleFromFileName(name: string, text = ''): string {
  const words = name
    .replace(/\.(md|markdown)$/iu, '')
    .split(/[-_\s.]+/u)
    .filter((word) => word !== '');
  const kept = words.filter((word, i) => {
    const lower = word.toLowerCase();
    if (FILLER.has(lower) || /^\d+$/u.test(word) || codePointLength(word) < 2) return false;
    // A language code only at either end ("ja-…", "…-en"): "es" inside is a word.
    return !(LANGUAGE.has(lower) && (i === 0 || i === words.length - 1));
  });
  return kept.map((word) => spell(word, text)).join(' ');
}

/** A word of a file name as the notes write it (`sqs` → SQS), else a known spelling, else capitalised. */
function spell(word: string, text: string): string {
  if (/[A-Z]/u.test(word) || !/^[a-z0-9]+$/iu.test(word)) return word;
  const lower = word.toLowerCase();
  const known = SPELLING.get(lower);
  if (known) return known;
  const seen = new RegExp(`(?<![A-Za-z0-9])(${escapeRe(word)})(?![A-Za-z0-9])`, 'giu');
  const counts = new Map<string, number>();
  for (const m of text.matchAll(seen)) {
    const form = m[1] ?? '';
    if (form !== lower) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (best) return best;
  // Two or three letters, or letters and digits: an abbreviation (ec2, vpc, iam).
  if ((lower.length <= 3 && !SHORT_WORDS.has(lower)) || /\d/u.test(lower))
    return lower.toUpperCase();
  return lower[0]?.toUpperCase() + lower.slice(1);
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Names a file-name topic (depth 0) in place: a human title for display,
 * its key (the file name) unchanged. `untitled` marks a topic whose file
 * name left no words: the name is shown in lists, never in a stem.
 */
export function nameFileTopic(topic: Section, text: string, frontTitle: string | undefined): void {
  const slug = topic.key[0] ?? topic.title;
  const only = topic.children.length === 1 ? topic.children[0]?.title : undefined;
  const title = frontTitle || only || titleFromFileName(slug, text);
  if (!title) {
    topic.untitled = true;
    return;
  }
  if (title === topic.title) return;
  const rename = (section: Section) => {
    section.path = [title, ...section.path.slice(1)];
    for (const child of section.children) rename(child);
  };
  topic.title = title;
  rename(topic);
}
