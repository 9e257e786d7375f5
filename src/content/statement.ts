/**
 * Does a line state something? Only a statement is a fact: something to ask
 * about, to blank, or to offer as an option. Pure, no dictionary: the shape of
 * the line decides (issue 13, pattern 1).
 *
 * - Japanese: the line ends in a predicate (…する, …ない, …可能, …あり), or in a
 *   noun with at least two content words (`最大サイズ：5TB`), and not in a
 *   particle or a comma that says the thought goes on (…、 …と …が …には).
 * - English: at least four words, one of them a verb.
 * - Never: code, URLs and link or image text, examples (`例）`, `e.g.`),
 *   captions, YAML `key: value`, bare names.
 */
import { codePointLength } from '../ground/chars.js';
import { oncePer, oncePerText } from '../ground/memo.js';
import type { Block } from './model.js';
import { gated, holdsMark, MARKS, quick, spelled } from './regex.js';
import { fold, isReference } from './text.js';

/** Why a line is not a fact: a code for `check` and `export`, worded at the edges. */
export type LeftOut =
  | 'code'
  | 'reference'
  | 'example'
  | 'caption'
  | 'key-value'
  | 'fragment'
  | 'name'
  | 'no-verb'
  | 'length'
  | 'list-header'
  | 'head'
  | 'step'
  | 'remark'
  | 'doubt'
  /** Teaches an AWS service that AWS has retired or closed (retired.ts). */
  | 'retired'
  /** The learner took it back: a later correction says it was wrong (retract.ts). */
  | 'corrected';

export const LEFT_OUT_REASONS: readonly LeftOut[] = [
  'code',
  'reference',
  'example',
  'caption',
  'key-value',
  'fragment',
  'name',
  'no-verb',
  'length',
  'list-header',
  'head',
  'step',
  'remark',
  'doubt',
  'retired',
  'corrected',
];

/** A remark about the notes themselves: who wrote them, how, for what ("※ 自分用", "My notes from…"). */
const REMARK = gated(
  quick(
    /^(?:[※*]\s*)?(?:自分用|自分メモ|個人用|個人的な?メモ|このノート|このメモ|この資料|講義動画|書き起こし|(?:these|my|personal) notes|this (?:note|page|document|file) (?:is|was|covers))|自分用|書き起こし|(?:^|\s)my notes\b/iu,
  ),
  '自分用|自分メモ|個人用|個人的|このノート|このメモ|この資料|講義動画|書き起こし|notes|this note|this page|this document|this file',
);

/**
 * A line about the lecture itself, not about AWS: its plan or its parts
 * ("後半は IAM です", "今日は CloudFormation を扱います", "In the second half
 * we look at IAM", "Today we cover KMS"). A remark like the above: the
 * topic's title already says what the lecture covers, and a card on it asks
 * nothing (issue 13, LEAK/META).
 */
const LECTURE_TALK = gated(
  quick(
    /^(?:[※*]\s*)?(?:前半|後半|今回|次回|本日|今日|この(?:講義|回|動画|章)|本講義|本章)(?:の(?:講義|テーマ|前半|後半|内容))?(?:は|では)|^(?:in |for )?(?:the )?(?:first|second|last) half(?: of (?:the|this|today'?s) (?:lecture|session|class|video|lesson))?,? (?:we|i|is|covers)\b|^today,? (?:we|i)(?:'ll| will| are going to)? (?:cover|look|talk|discuss|go|learn|move|start)|^in (?:this|today'?s) (?:lecture|session|class|video|lesson)\b/iu,
  ),
  '前半|後半|今回|次回|本日|今日|この講義|この回|この動画|この章|本講義|本章|half|today|lecture|session|class|video|lesson',
);

/** The sentences of a line (a transcript's paragraph has many), trimmed, with their offsets. */
function sentencesOf(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (const match of text.matchAll(/[。！？!?]|\.(?=\s)/gu)) {
    const to = (match.index ?? 0) + 1;
    if (text.slice(from, to).trim()) out.push({ text: text.slice(from, to).trim(), start: from });
    from = to;
  }
  if (text.slice(from).trim()) out.push({ text: text.slice(from).trim(), start: from });
  return out;
}

/**
 * The sentence of the line that holds offset `at` is about the lecture
 * itself (LECTURE_TALK): a blank there asks the lecture's plan, not a fact.
 */
export function talksOfLecture(text: string, at = 0): boolean {
  const sentences = sentencesOf(text);
  const holding = sentences.findLast((sentence) => sentence.start <= at) ?? sentences[0];
  return holding !== undefined && LECTURE_TALK.test(holding.text);
}

/**
 * The author's own doubt, or a question: "…説もある", "…のか謎", "要確認",
 * "not sure", "TODO", "(?)", a line ending in "？". No fact for any kind: a
 * card would teach what its writer did not know (issue 13, recall audit).
 */
const DOUBT = gated(
  quick(
    /説もある|のか謎|謎(?:[。（(]|$)|よく(?:わから|分から)ない|わからない|分からない|要確認|未確認|確認中|自信(?:が)?ない|気がする|ちゃんと載って|かもしれない[?？]|(?:^|\s)(?:todo|fixme|tbd)\b|\bnot (?:sure|certain)\b|\bunsure\b|\bno idea\b|\bi (?:think|guess|believe)\b|\bneed(?:s)? to (?:check|verify|confirm)\b|\bto be confirmed\b|(?:^|[,;]\s*)(?:verify|double[- ]check|look (?:it |this )?up(?: later)?|check later)\s*[.!]*$|[(（]\s*[?？]+\s*[)）]|[?？]{2,}|[?？]\s*$/iu,
  ),
  '説もある|謎|わから|分から|要確認|未確認|確認中|自信|気がする|ちゃんと載って|todo|fixme|tbd|not sure|not certain|unsure|no idea|i think|i guess|i believe|to check|to verify|to confirm|to be confirmed|verify|double|look|check later|?|？',
);

/** "たぶんそう", "多分…": a guess (only as a word of Japanese). */
const HEDGE = quick(/たぶん|多分/u);

/**
 * The learner's own day in a study log: time spent, mood, scores, mistakes counted, streaks;
 * and the story of a lab (held-out notes, round 16): what was done already ("アタッチ済み"),
 * what did not work ("反映されてなかった"), where they got stuck ("ハマった"), what not to forget.
 */
const DIARY = gated(
  quick(
    /(?:なかった|てた)(?=[。、！!）)\s\u3000]|$)|つもり(?:が|で|だった)|忘れないこと|忘れずに|忘れないように|忘れてた|ハマった|はまった|[^使]済み(?=[。、）)\s\u3000]|$)|眠[いかく]|しんど|(?:わから|分から)なかった|疲れた|頑張っ|えらい|集中力|溶けた|ボロボロ|続いた|やる気|寝落ち|間違えた|ミスった|正答率|模試[^。]{0,12}?[0-9０-９]+\s*(?:[/／点%％問]|割)|(?:^|[\s\u3000])[0-9０-９]+\s*[/／]\s*[0-9０-９]+\s*(?:問|点)?(?=[\s\u3000。、]|$)|\b(?:i|i'm|i've|i'd)\b[^.!?]*\b(?:spent|studied|scored|missed|watched|finished|took me|tired|sleepy|bombed|aced)\b|\bi (?:wrote|had written|noted|typed)\b|\btook me\b|\bmy (?:score|streak|mistakes?)\b/iu,
  ),
  'なかった|てた|つもり|忘れ|ハマった|はまった|済み|眠|しんど|わから|分から|疲れ|頑張|えらい|集中力|溶け|ボロボロ|続いた|やる気|寝落ち|間違え|ミスった|正答率|模試|/|／|spent|studied|scored|missed|watched|finished|took me|tired|sleepy|bombed|aced|i wrote|i had written|i noted|i typed|my score|my streak|my mistake',
);

/**
 * A study task of the learner's ("redo practice test 3", "watch section 7+8 videos", "re-read
 * the FAQ"; held-out notes, round 16: a checklist's to-dos came out as facts and scores).
 */
// (Anchored at the start: tried at one place of a line, it needs no gate.)
const STUDY_TASK = quick(
  /^(?:\[[ x]\][\s\u3000]*)?(?:redo|re-do|rewatch|re-watch|watch|read|re-read|reread|finish|retake|re-take|take|do|book|schedule)\b.{0,60}?\b(?:practice (?:tests?|exams?|sets?)|mock(?: exam)?s?|videos?|sections?|chapters?|course|lectures?|labs?|quiz(?:zes)?|flashcards?|faqs?|whitepapers?|notes)\b/iu,
);

/** Three cells or more with runs of spaces between: a table typed as text. */
const SPACED_COLUMNS =
  /\S(?: {3,}|[\u3000]{2,}[ \u3000]*)\S.*?\S(?: {3,}|[\u3000]{2,}[ \u3000]*)\S/u;

/** A documentation breadcrumb ("kubernetes.io > Documentation > Tasks > …"): where to read, not a fact. */
const BREADCRUMB = quick(/^(?:[\w-]+\.)+[a-z]{2,}\s*>\s*\S|\bdocumentation\s*>\s*\S/iu);

const JAPANESE = spelled(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);

/** Below this UTF-16 code no character is hiragana, katakana or kanji (U+2E80 opens the radicals of Han). */
const FIRST_JAPANESE = 0x2e80;

/** True when the line is (mostly) written in Japanese. */
export function isJapanese(text: string): boolean {
  // Asked of every line by many rules: a line of ASCII and Latin letters is read by a loop,
  // only a line with a character at or above U+2E80 (a surrogate pair too) by the pattern.
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) >= FIRST_JAPANESE) return JAPANESE.test(text);
  return false;
}

/** Punctuation that closes a line without changing what it says. */
export const TRAILING = /[\s。．.!！?？)）」』】\]"'”’]+$/u;

/** A UTF-16 code that `\s` matches (WhiteSpace and LineTerminator, as String.prototype.trim). */
export function isSpaceCode(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A sentence end of `[\s。．.!！?？]`. */
function isEndCode(code: number): boolean {
  return (
    code === 0x3002 || // 。
    code === 0xff0e || // ．
    code === 0x2e || // .
    code === 0x21 || // !
    code === 0xff01 || // ！
    code === 0x3f || // ?
    code === 0xff1f // ？
  );
}

/** A closing mark of TRAILING besides the sentence ends: ) ） 」 』 】 ] " ' ” ’. */
function isCloseCode(code: number): boolean {
  return (
    code === 0x29 ||
    code === 0xff09 ||
    code === 0x300d ||
    code === 0x300f ||
    code === 0x3011 ||
    code === 0x5d ||
    code === 0x22 ||
    code === 0x27 ||
    code === 0x201d ||
    code === 0x2019
  );
}

/**
 * `text.replace(/[\s。．.!！?？]+$/u, '')` (`closing`: `text.replace(TRAILING, '')`),
 * read back from the end: the pattern is tried at every start of the line. Every
 * character of both sets is one UTF-16 unit.
 */
export function withoutTrailing(text: string, closing: boolean): string {
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (!isSpaceCode(code) && !isEndCode(code) && !(closing && isCloseCode(code))) break;
    end -= 1;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** A line that ends like this goes on in the next line: not a statement by itself. */
const FRAGMENT_END_JA = spelled(
  /(?:[、，,：:;；→⇒＋+・／/&＆=＝〜~（(「『【\-–—]|(?<![\p{Script=Hiragana}])(?:と|が|を|に|で|の|や|も|は|へ)|には|では|とは|より|から|って|けど|けれど|ので|および|及び|または|又は|かつ|して|あり、)$/u,
);
const FRAGMENT_END_EN = quick(
  /(?:[,:;(\-–—→+&/=]|(?:^|\s)(?:to|and|or|of|the|a|an|with|for|by|in|on|at|from|as|that|which|is|are|than|into|e\.g|i\.e|such as|like|vs|via))$/iu,
);

/** Endings of a Japanese predicate: verbs, adjectives, copulas and the noun-predicates of notes. */
const PREDICATE_JA = quick(
  /(?:[るたいすずうくつむぶぐ]|ない|ません|です|ます|だ|できる|可能|不可|不可能|必要|不要|必須|推奨|非推奨|対応|非対応|禁止|無料|有料|あり|なし|無し|有り|なる|される|られる|れる|可|不可|(?<![a-z])(?:ok|ng)|同じ|一緒|違う|別|以内|以上|以下|未満|まで|だけ|のみ|など|こと|もの|ため|よう)$/iu,
);

/** An id of a resource in one account: sg-0…, i-0…, vpc-…, subnet-…, ami-…, or an ARN with an account number. */
const RESOURCE_ID = quick(
  /(?<![\w-])(?:sg|i|vpc|subnet|ami|vol|snap|eni|vpce|igw|nat|rtb|acl|eipalloc|lt|tgw|pcx)-(?:0[0-9a-z]{3,}|[0-9a-f]{8,17})(?![\w-])|arn:aws[\w-]*:[\w-]*:[\w-]*:[0-9]{12}:/u,
);

/** The line names a resource of one account (RESOURCE_ID): a lab's or an example's detail. */
export function holdsResourceId(text: string): boolean {
  return text.includes('-') && RESOURCE_ID.test(text);
}

/** Examples and captions open with these. */
const EXAMPLE = quick(
  /^(?:[※*]\s*)?(?:例[）)：:\s]|例[0-9０-９]|例えば|たとえば|具体例|e\.\s?g\.|eg[.:]|ex[.:]|example\s*[0-9]*\s*[:：)]|for example|for instance|sample\s*:)/iu,
);
const CAPTION = quick(
  /^(?:図|表|画像|写真|スクリーンショット|figure|fig\.|table|image|diagram|screenshot|source|出典)\s*[0-9０-９]*\s*[.:：)）-]/iu,
);
/** `apiVersion: v1`, `restartPolicy: Never`, `- name: web`: a key of a code-like line. */
const KEY_VALUE = /^(?:-\s+)?[a-z_$][A-Za-z0-9_.$-]*\s*:\s*(?:\S+(?:\s+\S+){0,2})?$/u;
/** Lines of a program or a shell: commands, braces, statements. */
const CODE =
  /^(?:\$\s|>\s|#!|(?:kubectl|aws|docker|npm|npx|git|curl|sudo|pip|helm|terraform|eksctl|cd|ls|cat|echo|export|chmod|ssh|sam|cdk)\s+[-a-z]|(?:const|let|var|import|function|def|class|return|if|for|while|SELECT|INSERT|UPDATE|DELETE)\s)|[{};]\s*$|^[{}[\]]|=>|==|\w\(\)/u;

/**
 * English verbs that notes use (base forms); inflected forms are found by
 * stripping -s, -es, -ed, -ing. A word ending in -ed or -ing is taken as a
 * verb too.
 */
export const VERBS = new Set(
  `be is are was were been being am can could will would should must may might shall
  has have had do does did let lets provide allow enable support store run use give offer require
  need create scale launch pay charge keep make take get set send receive return read write delete
  replicate copy move migrate connect access manage monitor protect encrypt decrypt block deny grant
  assign attach detach mount contain include consist depend mean refer apply work host serve route
  balance distribute handle process trigger invoke call execute deploy build define specify configure
  control limit reduce increase improve help ensure check scan detect find track log record automate
  back restore recover fail span cover share isolate expose open close start stop terminate restart
  reboot change update upgrade lose persist last cost save bill count become remain stay appear act
  integrate sync cache retain expire rotate issue generate register resolve translate convert compress
  transfer load upload download stream publish subscribe notify queue poll push pull inspect audit
  evaluate compare choose select pick prefer recommend want know see show reach follow go come put
  hold bring reserve bid commit purchase rent buy sell split join merge group tag name identify
  authenticate authorize verify validate sign lock unlock add remove replace tell ask answer fit
  belong exist happen occur sit lie live die grow shrink vary differ cause prevent avoid allow permit
  forbid restrict filter sort match cost equal exceed guarantee provision spin place run lets
  represent describe explain list mark wait retry throttle enforce require inherit override attach
  age archive transition delete mirror peer forward listen respond request emit collect aggregate
  visualize alert alarm schedule orchestrate coordinate simplify reuse adopt leverage offload
  separate combine bundle package ship pass fetch query index partition shard mask hide reveal
  benefit suit target affect run own operate maintain patch govern`.split(/\s+/u),
);

export function isVerb(word: string, first: boolean): boolean {
  const lower = word.toLowerCase();
  const w = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (w.length < 2) return false;
  if (lower.endsWith("n't")) return true;
  // The word and the base forms it may be an inflection of, tried one by one (a form only
  // when the word has its ending: without it the form is the word itself).
  if (VERBS.has(w)) return true;
  if (w.endsWith('s')) {
    if (VERBS.has(w.slice(0, -1))) return true;
    if (w.endsWith('es') && VERBS.has(w.slice(0, -2))) return true;
    if (w.endsWith('ies') && VERBS.has(`${w.slice(0, -3)}y`)) return true;
  } else if (w.endsWith('d')) {
    if (w.endsWith('ied') && VERBS.has(`${w.slice(0, -3)}y`)) return true;
    if (w.endsWith('ed') && VERBS.has(w.slice(0, -2))) return true;
    if (VERBS.has(w.slice(0, -1))) return true;
    if (w.endsWith('ed') && VERBS.has(w.replace(/(\w)\1ed$/, '$1'))) return true;
  } else if (w.endsWith('ing')) {
    const stem = w.slice(0, -3);
    if (VERBS.has(stem) || VERBS.has(`${stem}e`) || VERBS.has(w.replace(/(\w)\1ing$/, '$1')))
      return true;
  }
  // "scaled", "running": a participle, unless it is the first (capitalised) word of a name.
  return !first && /^[a-z]{3,}(?:ed|ing)$/.test(word);
}

/** Runs of katakana, kanji, or Latin letters and digits: the content words of a Japanese line. */
const WORD_JA =
  /[\p{Script=Katakana}ー]+|\p{Script=Han}+|[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}._%-]*/gu;

/** The content words of a Japanese line: runs of katakana, kanji, or Latin letters and digits. */
export function contentWordsJa(text: string): string[] {
  return text.match(WORD_JA) ?? [];
}

/** How many content words a Japanese line has, counted up to `max` (no array of them made). */
export function countContentWordsJa(text: string, max: number): number {
  WORD_JA.lastIndex = 0;
  let n = 0;
  while (n < max && WORD_JA.exec(text) !== null) n += 1;
  WORD_JA.lastIndex = 0;
  return n;
}

/** Words of an English line: tokens with a letter or a digit. */
function wordsEn(text: string): string[] {
  return text.split(/\s+/u).filter(hasLetterOrDigit);
}

/** `/[\p{L}\p{N}]/u.test(word)`: an ASCII word is read by its codes, the pattern only for one beyond ASCII. */
export function hasLetterOrDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a)
    )
      return true;
    if (code >= 0x80) return LETTER_OR_DIGIT.test(word);
  }
  return false;
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Undefined when the line reads as a statement, else why it does not.
 * Judges the line alone; a section's outline (heads, steps) is outline.ts's.
 */
// Asked of one line by several rules (facts, clozes, recall): worked out once a line.
export const whyNotStatement: (block: Block) => LeftOut | undefined = oncePer(computeWhyNot);

function computeWhyNot(block: Block): LeftOut | undefined {
  if (block.corrected === true) return 'corrected';
  if (block.kind === 'code') return 'code';
  if (block.linkOnly === true || isReference(block.text)) return 'reference';
  const text = block.text.trim();
  if (block.kind === 'row') return undefined;
  // A line that is mostly a URL: "詳細: https://…". (Without "://" there is none to take out.)
  if (text.includes('://')) {
    const noUrl = text.replace(/(?:https?|ftp):\/\/\S+/giu, '').trim();
    if (noUrl !== text && codePointLength(noUrl.replace(MARKS, '')) < 8) return 'reference';
  }
  // (Both shapes of a breadcrumb have a ">": only a line with one is read by the pattern.)
  if (text.includes('>') && BREADCRUMB.test(text)) return 'reference';
  if (DOUBT.test(text) || (HEDGE.test(text) && isJapanese(text))) return 'doubt';
  // "眠い。日曜に3hは頑張ったほう", "NotAction の違いで30分溶けた", "I spent two hours on…": the
  // learner's own day, not the subject (a study log, held-out notes, round 15: TRIVIAL).
  if (DIARY.test(text) || STUDY_TASK.test(text)) return 'remark';
  // "値サイズ　　　　4KB　　　　 8KB": a table typed with spaces, its header lines away.
  if (SPACED_COLUMNS.test(text)) return 'key-value';
  // "B) CloudWatch alarm … -> recover": an option of a practice question, which may be wrong.
  if (/^(?:[A-F]\)|\([A-F]\))\s/u.test(text)) return 'doubt';
  if (EXAMPLE.test(text)) return 'example';
  // "sg-0vpce は 443 を VPC CIDR から許可", "i-0abc… を停止": a resource of the learner's own
  // account, a lab's detail (held-out notes, round 16: TRIVIAL).
  if (holdsResourceId(text)) return 'example';
  if (REMARK.test(text) || (LECTURE_TALK.test(text) && sentencesOf(text).length === 1))
    return 'remark';
  if (CAPTION.test(text)) return 'caption';
  // "(confused with Network Firewall — that's VPC-level …)": an aside on the line above,
  // whole in brackets, says nothing of its own (held-out flash notes, round 13: FRAGMENT).
  if (/^[(（][^()（）]*[)）]$/u.test(text)) return 'remark';
  // A line that is one code span (`kubectl get pods`), or a line of code.
  let codeChars = 0;
  for (const span of block.spans) if (span.kind === 'code') codeChars += span.end - span.start;
  const japanese = isJapanese(text);
  // A Japanese sentence in backticks is still a sentence. (The visible characters are
  // counted only for a line with code in it.)
  if (
    codeChars > 0 &&
    codeChars >= text.replace(/[\s\p{P}]/gu, '').length * 0.8 &&
    !(japanese && endsInPredicate(text))
  )
    return 'code';
  if (!japanese && KEY_VALUE.test(text)) return 'key-value';
  if (!japanese && CODE.test(text)) return 'code';
  // A closing aside "（…から）" says nothing of how the line itself ends.
  const closed = withoutTrailing(text, false);
  // (The aside pattern is tried at every start of the line: only a line ending in a bracket is.)
  const aside = /[)）]$/u.test(closed) ? closed.replace(/\s*[（(][^（）()]*[)）]$/u, '') : closed;
  const body = withoutTrailing(aside || closed, true) || text;
  if (japanese) {
    if (FRAGMENT_END_JA.test(body)) return 'fragment';
    // Only whether there are one or two words matters: counted, not listed.
    const words = countContentWordsJa(body, 2);
    if (PREDICATE_JA.test(body) && words >= 1) return undefined;
    return words >= 2 ? undefined : 'name';
  }
  if (FRAGMENT_END_EN.test(body)) return 'fragment';
  const words = wordsEn(body);
  if (words.length < 4) return 'name';
  // "MFA: Multi-Factor Authentication for an extra layer": a term and what it is.
  if (/^[^:：]{1,40}[:：]\s+\S+(?:\s+\S+){2,}/u.test(body)) return undefined;
  return words.some((word, i) => isVerb(word, i === 0 && /^[A-Z]/.test(word)))
    ? undefined
    : 'no-verb';
}

/** True when the line reads as a statement (see whyNotStatement()). */
export function isStatement(block: Block): boolean {
  return whyNotStatement(block) === undefined;
}

/** True when a Japanese line ends in a predicate (…する, …ない, …可能), not in a bare noun. */
export function endsInPredicate(text: string): boolean {
  const body = withoutTrailing(text.trim(), true);
  if (!isJapanese(body)) return wordsEn(body).some((word, i) => isVerb(word, i === 0));
  return PREDICATE_JA.test(body);
}

/** `第4章 …`, `Chapter 3`, `Lesson 2: …`, `1.2`: a place in a course, not a subject. */
const CHAPTER = quick(
  /^(?:第\s*[0-9０-９一二三四五六七八九十百]+\s*[章節部回講]|(?:chapter|section|part|lesson|module|unit|day|week|lecture|講義|レッスン|セクション)\s*[0-9０-９]+\b|[0-9０-９]+(?:[.．][0-9０-９]+)*[.．]?\s*$)/iu,
);

/**
 * Headings that name a kind of text or organise notes, not a subject: never an
 * answer or an option (folded; isGenericHeading also tries them with numbering
 * and punctuation removed).
 */
const GENERIC = new Set(
  [
    'overview',
    'key details',
    'details',
    'simplified',
    'summary',
    'additional information',
    'more information',
    'introduction',
    'intro',
    'basics',
    'the basics',
    'notes',
    'misc',
    'miscellaneous',
    'other',
    'others',
    'good to know',
    'key points',
    'key features',
    'features',
    'key elements',
    'use cases',
    'common use cases',
    'benefits',
    'characteristics',
    'pros and cons',
    'how it works',
    'purchasing options',
    '特徴',
    'メリット',
    'デメリット',
    '使い道',
    'ユースケース',
    'key takeaways',
    'takeaways',
    'references',
    'resources',
    'links',
    'faq',
    'q&a',
    'examples',
    'example',
    'glossary',
    'conclusion',
    'recap',
    'review',
    'exercises',
    'exercise',
    'quiz',
    'tips',
    'table of contents',
    'contents',
    'toc',
    'deeper dive',
    'deep dive',
    'hands-on',
    'hands on',
    'lab',
    'demo',
    // A lab's last step (held-out notes, round 16): what to delete, no subject.
    'cleanup',
    'clean up',
    'clean-up',
    'teardown',
    '片付け',
    '後片付け',
    'practice',
    'exam tips',
    'まとめ',
    '概要',
    '全体像',
    '前提',
    '前提条件',
    '無料枠',
    'free tier',
    'その他',
    'はじめに',
    '基本',
    '基礎',
    'ポイント',
    '補足',
    '参考',
    '参考リンク',
    'リンク',
    '用語',
    '用語集',
    '目次',
    '復習',
    '練習問題',
    '演習',
    'ハンズオン',
    'メモ',
    '備考',
    '注意点',
    '試験対策',
    '試験のポイント',
    '詳細',
    '追加情報',
    '例',
    '具体例',
    // Links to other notes (a notes app's "Related" list), not a subject.
    'related',
    'related notes',
    'related topics',
    'see also',
    '関連',
    '関連リンク',
    '関連ノート',
    '関連項目',
    // Headings that organise notes rather than name a subject (the which-* kinds' rules).
    'additional info',
    'more info',
    'note',
    'background',
    'additional features',
    'other features',
    '追加機能',
    'その他の機能',
    'best practices',
    'pricing',
    'limits',
    'diagram',
    'monitoring',
    'sharing',
    'recommendations',
    'comparison',
    '注意',
    '料金',
    '制限',
    'おわりに',
    // Aspects of a subject, not things in it: an exam names a service or a feature,
    // never "Monitoring" beside Express Workflows (issue 13, pattern 2).
    'モニタリング',
    '監視',
    'アクセス制御',
    'アクセス管理',
    '権限管理',
    'セキュリティ',
    'パフォーマンス',
    '性能',
    'コスト',
    'security',
    'access control',
    'access management',
    'performance',
    'cost',
    'costs',
    // An activity or an account matter, not a thing an exam names: the 5 TB limit
    // is a fact of objects, "Uploads" only where the notes filed it.
    'uploads',
    'downloads',
    'quotas',
    'limits and quotas',
    'billing',
    'アップロード',
    'ダウンロード',
    '上限',
    'クォータ',
    '課金',
    // Labels of exam notes (held-out notes, round 13): "Key numbers" beside Lifecycle hooks.
    'key numbers',
    'numbers',
    'gotchas',
    'history',
    '歴史',
    '沿革',
    // The frame of a talk or a write-up (held-out slides and tips, round 13).
    'agenda',
    'goals',
    'objectives',
    'my mistakes',
    'confusing pairs',
    'numbers to memorize',
    '背景',
    '今日のゴール',
    'ゴール',
    '目的',
    '結論',
    '参加者',
    '基本の構造',
    '用語の整理',
    'exam tip',
    'traps',
    'pitfalls',
    '覚え方',
    'ひっかけ',
    'ひっかけ注意',
    '落とし穴',
    '数字',
    '重要な数字',
  ].map((word) => fold(word)),
);

/** A slide's number in front of its title ("Slide 3 – Athena", "スライド1：背景"): not part of the title. */
const SLIDE_MARK = /^(?:slide|スライド|page|ページ|p\.)\s*[0-9０-９]+\s*[-–—:：.．]\s*/iu;

/** The title without a slide's number in front (see SLIDE_MARK). */
export function withoutSlideMark(title: string): string {
  return title.replace(SLIDE_MARK, '');
}

/**
 * True for a chapter heading (`第4章 …`, `Chapter 3`) or a generic one
 * (Overview, Summary, まとめ, 概要): never an answer or an option.
 */
export const isGenericHeading: (title: string) => boolean = oncePerText(computeGenericHeading);

/** isGenericHeading, worked out once a title: the card rules ask it of each heading for every sibling and option. */
function computeGenericHeading(heading: string): boolean {
  const title = withoutSlideMark(heading);
  if (genericByShape(title)) return true;
  const text = title.trim();
  if (CHAPTER.test(text)) return true;
  // "1. 基本", "1-1. 基本", "2.3 Overview": the number of a part of the notes, then its name.
  const numbered = fold(text).replace(
    /^(?:[0-9０-９]+(?:[-‐－.．][0-9０-９]+)*[.．)）:：]?\s*)+/u,
    '',
  );
  const bare = withoutEdgeMarks(numbered);
  if (GENERIC.has(bare)) return true;
  // "前提（これが無いと何も動かない）", "無料枠（ざっくり）": a generic heading with an aside.
  const aside = /\s*[（(][^（）()]*[）)]$/u;
  if (aside.test(numbered) && GENERIC.has(withoutEdgeMarks(numbered.replace(aside, ''))))
    return true;
  // "EC2 Section – Summary", "第3章のまとめ".
  return SECTION_SUMMARY.test(bare);
}
const SECTION_SUMMARY = quick(
  /\b(?:section|chapter)\b.*\b(?:summary|overview|recap)$|(?:章|節)の?(?:まとめ|概要)$/iu,
);

// Further chapter headings and shapes (the which-* kinds' rules).

/** 第4章, Chapter 3, Section 2, Part 1, Lecture 5, Module 2, Day 3, 1.2 … */
const CHAPTER_MORE = quick(
  /^(?:第\s*[0-9０-９一二三四五六七八九十百]+\s*[章節回部編講]|(?:chapter|section|part|lecture|module|lesson|unit|day|week|step)\s*[0-9０-９ivx]+\b|[0-9０-９]+(?:[.．][0-9０-９]+)*[.．]?\s*$)/iu,
);

/**
 * True for a heading that is about the notes, not the subject: a chapter
 * heading (`第4章 …`, `Chapter 3: …`), a generic one (Overview, まとめ, Key
 * Details, "EC2 Section – Summary"), once its subject words are set aside.
 */
function genericByShape(title: string): boolean {
  const whole = fold(title);
  // (The pattern is tried only on a title that ends in one of its marks: it is tried at every start.)
  const folded = ENDS_IN_MARK.test(whole.slice(-1)) ? whole.replace(/[?？:：!！]+$/u, '') : whole;
  if (!folded) return true;
  if (CHAPTER_MORE.test(folded)) return true;
  if (GENERIC.has(folded)) return true;
  // "EC2 Section – Summary", "IAM Overview", "S3 のまとめ", "Key Features of AWS CLI".
  const last = lastPiece(folded);
  if (
    ['summary', 'overview', 'recap', 'introduction', 'comparison', 'まとめ', '概要'].includes(last)
  )
    return true;
  if (/(?:の)?(?:まとめ|概要|補足|その他|メモ|ノート|問題|復習)$/u.test(folded)) return true;
  if (/\b(?:notes|summary|review|quiz|questions|q&a|mistakes)$/u.test(folded)) return true;
  // An aspect or a part of the notes, not a thing (held-out cheat sheets and study logs,
  // round 13: "SQS の数値", "Lambda の制限", "選び方", "明日やること", "Snow ファミリーの状況").
  if (
    /(?:^|の)(?:数値|数字|制限|上限|使い方|状況)$|(?:選び方|やること|振り返り|感想|進め方|学び)$/u.test(
      folded,
    )
  )
    return true;
  if (
    /\b(?:numbers|limits|how to choose|choosing|to ?do|todo|next steps|to memorize)$|^diagram\b|^図[:：]|^(?:quick|summary|comparison|cheat)[ -]?(?:table|sheet)\b|(?:^|\s)(?:i|my|me)(?:\s|$)|\bexam technique|苦手|^cheat ?sheet\b|\(my version\)$|(?:比較表|早見表|一覧表?)$/u.test(
      folded,
    )
  )
    return true;
  return /^(?:key features|features|examples?|benefits|use cases|tips) (?:of|for) /u.test(folded);
}

const ENDS_IN_MARK = /^[?？:：!！]$/u;

/**
 * The last piece of a folded title split at its separators and spaces, as
 * `split(/\s*[-–—:：・|]\s*|\s+/u).at(-1)`: what follows the last separator or
 * space (a folded title has no space but " "), without an array of the pieces.
 */
export function lastPiece(folded: string): string {
  for (let i = folded.length - 1; i >= 0; i--) {
    switch (folded.charCodeAt(i)) {
      case 0x20: // space
      case 0x2d: // -
      case 0x2013: // –
      case 0x2014: // —
      case 0x3a: // :
      case 0xff1a: // ：
      case 0x30fb: // ・
      case 0x7c: // |
        return folded.slice(i + 1);
    }
  }
  return folded;
}

/** The width of the character at `i`: 2 for a surrogate pair, else 1. */
function widthAt(text: string, i: number): number {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/**
 * `text.replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')`, read a character (a
 * surrogate pair as one: an emoji is a symbol) at a time from either end with
 * the one compiled MARKS pattern (see holdsMark): most texts have a mark or two
 * at their edges, and three more spellings of the class cost a cold process more
 * to compile than they save.
 */
export function withoutEdgeMarks(text: string): string {
  let start = 0;
  while (start < text.length) {
    const width = widthAt(text, start);
    if (!holdsMark(text.slice(start, start + width))) break;
    start += width;
  }
  let end = text.length;
  while (end > start) {
    const width = end - 2 >= start && widthAt(text, end - 2) === 2 ? 2 : 1;
    if (!holdsMark(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(start, end);
}

/**
 * Base-form verbs that open an instruction, a duty or a tip ("Protect the
 * infrastructure …", "Use descriptive names …", "Enable MFA"). Words that are
 * nouns as often ("Block storage", "Access to …", "Support for …") open an
 * instruction only before an object word (see OBJECT_START).
 */
const IMPERATIVE_VERBS = new Set(
  `apply use enable disable protect provide offer ensure avoid create configure grant review rotate
  secure implement keep follow manage maintain monitor restrict limit encrypt delete remove check
  consider choose prefer make give add attach set store define assign audit enforce require track
  turn grant deny allow block tag name back update patch test verify validate plan design build
  deploy automate separate isolate minimize maximize reduce increase optimize rely leverage adopt
  run write read send move migrate copy replicate scale place launch start stop terminate do
  remember note be take pick select share`.split(/\s+/u),
);

/** Of these, the ones that are nouns as often: an instruction only before an object. */
const NOUN_TOO = new Set(
  `block tag name back update patch test plan design run place start stop share limit check
  review audit copy move scale note track read write store set put`.split(/\s+/u),
);

/** Words an imperative's object opens with: "Use the …", "Review all …", "Enable MFA", "Tag your …". */
const OBJECT_START =
  /^(?:the|a|an|your|all|any|each|every|only|it|them|this|these|those|that|its|their|our|my|multiple|separate|strong|least|unused|sensitive|up|out|off|down|in|on|at|to|for|with|when|if|[A-Z]{2,}\b)/u;

/** Adverbs before an imperative verb: "Regularly review …", "Always use …", "Do not …". */
const IMPERATIVE_LEAD =
  /^(?:regularly|always|never|periodically|only|also|then|first|do not|don't|be sure to|make sure to|remember to|try to)\s+/iu;

/**
 * True when an English line reads as an instruction, a duty or a tip (a base-form
 * verb first: "Protect the infrastructure that runs AWS services", "Regularly
 * review and audit rules", "Scale for increased utilization"), or a Japanese one
 * as an instruction (…すること, …しよう, …しましょう, …すべき, …してください; a plain
 * …する only when `plain`, under a label of duties or tips). Such a line says what
 * to do, not what a subject is (issue 13, LABEL-AS-TERM).
 */
export function isInstruction(text: string, plain = false): boolean {
  const t = withoutTrailing(text.trim(), true);
  if (!t) return false;
  if (isJapanese(t)) {
    // "…を有効にすること", "…しよう"; not "…を渡せること" (a feature: what it can do).
    if (
      /(?:(?:す|しない|おく|使う|行う|避ける|守る|付ける|つける|かける|与える|見直す|決める)こと|しよう|ましょう|すべき|べき|てください|ないように|を徹底|を心がける)$/u.test(
        t,
      )
    )
      return true;
    return plain && /(?:する|しない|おく|使う|行う|付与|設定|有効化|管理|確認|保護|提供)$/u.test(t);
  }
  const rest = t.replace(IMPERATIVE_LEAD, '');
  const led = rest !== t;
  const [first = '', second = ''] = rest.split(/\s+/u);
  const word = first.replace(/[^A-Za-z]/gu, '');
  // "Use cases", "Provides …", "Enabled by default": no base form in front; "Delete marker: …",
  // "Note: …": a name or a label before a colon.
  if (!/^[A-Z]/u.test(first) && !led) return false;
  if (/[:：]$/u.test(first) || /[:：]$/u.test(second)) return false;
  const verb = word.toLowerCase();
  if (!IMPERATIVE_VERBS.has(verb)) return false;
  if (/^(?:of|is|are|was|were|can|will|has|have|and|or|cases?|'s)$/iu.test(second)) return false;
  return led || !NOUN_TOO.has(verb) || OBJECT_START.test(second);
}

/**
 * A line of history, not a fact to recall: "S3 was the first service with
 * endpoints", "AWS is constantly evaluating …", "初めは…だったが", "以前は…".
 * Narrow on purpose: a line that goes on to say how it is now ("現在は…",
 * "now …") keeps its fact. Used by recall answers only (issue 13, round 3:
 * TRIVIAL/STALE); the other kinds judge such lines by their own rules.
 */
const HISTORY = gated(
  quick(
    /\b(?:was|were) the (?:first|original)\b|\b(?:is|are) (?:constantly|continually|always) (?:evaluating|adding|expanding|working on)\b|^(?:historically|originally|in the (?:early )?(?:past|days)|back in \d{4}|when \S+ (?:was )?(?:first )?launched)\b|^(?:[※*]\s*)?(?:初めは|はじめは|最初は|当初は|以前は|昔は|かつては|もともとは|元々は|登場当初|リリース当初)|(?:初めは|はじめは|最初は|当初は|以前は|昔は|かつては)[^。]*(?:だったが|でしたが|だった[。、]|でした[。、])/iu,
  ),
  'the first|the original|constantly|continually|always|historically|originally|in the |back in |launched|初め|はじめ|最初|当初|以前|昔|かつて|もともと|元々',
);
const NOW = quick(/現在|今は|いまは|今では|いまでは|\b(?:now|currently|today|nowadays)\b/iu);

export function isHistory(text: string): boolean {
  const line = text.trim();
  return HISTORY.test(line) && !NOW.test(line);
}
