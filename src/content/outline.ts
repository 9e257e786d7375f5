/**
 * The outline of a section body: nested bullets grouped back into units (a
 * head bullet with the bullets indented under it), and numbered steps kept
 * as one procedure in order. blocks.ts records each item's depth and head
 * line; this module reads them. Pure.
 */
import { codePointLength } from '../ground/chars.js';
import { oncePer } from '../ground/memo.js';
import type { Block } from './model.js';
import { quick } from './regex.js';
import { countContentWordsJa, isInstruction, isJapanese, isStatement } from './statement.js';

/** A head bullet and the bullets nested directly under it, in note order. */
export interface OutlineUnit {
  head: Block;
  children: Block[];
}

/** Bullets nested under another bullet, by the head's line. */
function childrenByHead(blocks: readonly Block[]): Map<number, Block[]> {
  const heads = new Set(blocks.filter((b) => b.kind === 'item').map((b) => b.line));
  const byHead = new Map<number, Block[]>();
  for (const block of blocks) {
    if (block.parent === undefined || !heads.has(block.parent)) continue;
    const list = byHead.get(block.parent);
    if (list) list.push(block);
    else byHead.set(block.parent, [block]);
  }
  return byHead;
}

/**
 * Every bullet with bullets nested under it, with those (direct) children.
 * A section's outline is read by several rules: worked out once a body.
 */
export const outlineUnits: (blocks: readonly Block[]) => readonly OutlineUnit[] =
  oncePer(computeUnits);

function computeUnits(blocks: readonly Block[]): OutlineUnit[] {
  const byHead = childrenByHead(blocks);
  const units: OutlineUnit[] = [];
  for (const block of blocks) {
    const children = block.kind === 'item' ? byHead.get(block.line) : undefined;
    // A multi-line item gives several blocks of one head line: the first one is the head.
    if (children && !units.some((unit) => unit.head.line === block.line)) {
      units.push({ head: block, children });
    }
  }
  return units;
}

/** The lines of the section that have bullets nested under them. */
export function headLines(blocks: readonly Block[]): Set<number> {
  return new Set(childrenByHead(blocks).keys());
}

/** The top-level units of a body: bullets of depth 0 and what is nested under them, at any depth. */
export function topUnits(blocks: readonly Block[]): Block[][] {
  const units: Block[][] = [];
  for (const block of blocks) {
    const nested = (block.depth ?? 0) > 0 && block.kind === 'item';
    const last = units[units.length - 1];
    if (nested && last) last.push(block);
    else units.push([block]);
  }
  return units;
}

/** Fewer numbered items than this in a row are an enumeration, not a procedure. */
const PROCEDURE_MIN = 3;

/**
 * Runs of numbered items of one list level (same head): steps of a
 * procedure, whose order is the point. Each is asked as one whole.
 */
export function procedures(blocks: readonly Block[]): Block[][] {
  const out: Block[][] = [];
  let run: Block[] = [];
  const close = () => {
    // Steps, not lines: an item may run over several lines.
    if (new Set(run.map((b) => b.ordered)).size >= PROCEDURE_MIN) out.push(run);
    run = [];
  };
  for (const block of blocks) {
    if (block.kind !== 'item' || block.ordered === undefined) {
      // Bullets nested under a step belong to the step.
      if (block.kind === 'item' && (block.depth ?? 0) > (run[0]?.depth ?? 0)) continue;
      close();
      continue;
    }
    const first = run[0];
    if (first && (first.depth !== block.depth || first.parent !== block.parent)) close();
    run.push(block);
  }
  close();
  return out;
}

/** The lines that are steps of a procedure. */
export function stepLines(blocks: readonly Block[]): Set<number> {
  return new Set(procedures(blocks).flatMap((run) => run.map((b) => b.line)));
}

/**
 * A short name (`Amazon Inspector`, `S3 Standard-IA`, `オンデマンド`): at most
 * a few words, not a statement, no sentence punctuation. Bold around it is
 * already gone from the text.
 */
export function isShortName(text: string): boolean {
  const t = text.trim().replace(/[：:]$/u, '');
  if (!t || /[。、，,.!?！？：:]/u.test(t.replace(/\.(?=\w)/gu, ''))) return false;
  if (isJapanese(t)) {
    const words = countContentWordsJa(t, 5);
    return (
      codePointLength(t) <= 24 &&
      words >= 1 &&
      words <= 4 &&
      !/[るたすないだく]$/u.test(t) &&
      // "主キーは2パターン": a particle makes it a phrase about something.
      !/[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9ー](?:は|が|を|に|で|も)[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9]/u.test(
        t,
      )
    );
  }
  const words = t.split(/\s+/u);
  return codePointLength(t) <= 40 && words.length <= 5;
}

/**
 * A head that names a subject (a service, a feature, a mode), not a property
 * of one (`有効期限`, `Key elements of a policy`): in Japanese it has katakana or
 * Latin letters; in English every word but small ones is capitalised.
 */
export function isSubjectName(text: string): boolean {
  if (!isShortName(text)) return false;
  if (isJapanese(text)) return /[\p{Script=Katakana}A-Za-z]/u.test(text);
  return text
    .trim()
    .split(/\s+/u)
    .every(
      (word) =>
        /^[\p{Lu}\p{N}(]/u.test(word) ||
        /^(?:of|and|for|the|to|on|in|a|an|vs\.?|&|-|–)$/u.test(word),
    );
}

/**
 * Term cards from the outline: a head bullet that is a short name, asked
 * through the bullets under it that state something about it (up to three,
 * joined as one description). Undefined when the unit is not of that shape.
 */
export function unitTerm(unit: OutlineUnit): { term: string; clue: string[] } | undefined {
  // 【重要】, ※, ★ around a head are marks of the notes, not part of the name.
  const term = unit.head.text
    .replace(/^(?:[※★☆●◆■]\s*|【[^】]*】\s*)+|(?:\s*【[^】]*】|\s*[※★☆])+$/gu, '')
    .trim()
    .replace(/[：:]$/u, '');
  if (!isSubjectName(term)) return undefined;
  const clue = unit.children
    .filter((child) => (child.kind === 'item' && isStatement(child)) || looksLikeProperty(child))
    .map((child) => child.text)
    .slice(0, 3);
  if (clue.length === 0 || isLabelOfDuties(term, unit.children)) return undefined;
  return { term, clue };
}

/** Heads over duties, rules or tips: "AWS Responsibility", "Security Best Practices", 利用者の責任. */
const DUTY_HEAD = quick(
  /責任|ベストプラクティス|ポイント|注意点|心得|コツ|推奨|やること|すべきこと|\b(?:responsibilit(?:y|ies)|best practices?|tips|recommendations?|guidelines|dos|don'?ts|checklist|rules? of thumb)\b/iu,
);

/**
 * A head over a list of instructions, duties or tips ("AWS Responsibility" over
 * "Protect …", "Provide …", "Offer …"; "Security Best Practices" over "Apply …",
 * "Regularly review …"; 利用者の責任 over "…を有効にすること"): a label of the list,
 * not a term its lines define (issue 13, LABEL-AS-TERM). Under a head of duties
 * one instruction is enough, and a plain Japanese "…を設定する" counts as one.
 */
export function isLabelOfDuties(head: string, children: readonly Block[]): boolean {
  const duty = DUTY_HEAD.test(head.normalize('NFKC'));
  const told = children.filter((child) => isInstruction(child.text, duty)).length;
  return (duty && told >= 1) || (told >= 2 && told * 2 >= children.length);
}

/** `最低保存期間：30日`, `Max size: 5 TB`: a property line, a good clue though not a sentence. */
function looksLikeProperty(block: Block): boolean {
  if (block.kind !== 'item') return false;
  return /^[^：:]{2,20}[：:]\s*\S/u.test(block.text) && !/^[a-z_$][\w.$-]*:/u.test(block.text);
}
