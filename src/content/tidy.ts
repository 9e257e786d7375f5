/**
 * The marks a learner puts on a line or a heading for themselves, not for the
 * subject (held-out notes, round 14): ratings of how well they know a point
 * ("◎ ★★★ IAMは…", "2-5. Auto Scaling ★★★（絶対出る）"), tags of a notes app
 * ("… #exam", "#networking"), and wiki links ("[[S3 MOC]]", "![[diagram.png]]").
 * Left in, they came out as options ("◎ クラスター" beside "△ パーティション": the
 * rating gave the answer away), in stems and in answers to type. Pure.
 */
import type { Span } from './model.js';

/** A run of rating marks at the start: ◎ ○ △ ● ★ ☆ …, × before a star ("× ★★★ …"), stars before a word ("★Multi-AZ"). */
const LEADING_RATING =
  /^(?:[◎○◯●△▲▽☆★]+[\s\u3000]+)+|^×[\s\u3000]+(?:[★☆]+[\s\u3000]+)+|^[★☆]+(?=[^\s\u3000★☆])/u;
/** Stars at the end, and the aside that grades them ("★★★（絶対出る）"). */
const TRAILING_STARS = /[\s\u3000]*[★☆]+[\s\u3000]*(?:[（(][^（）()]{0,20}[）)])?[\s\u3000]*$/u;
/** Tags at the end of a line ("… #exam", "#DR #keyword"); never "#1" or a "C#" inside a word. */
const TRAILING_TAGS = /(?:[\s\u3000]+#[\p{L}_][\p{L}\p{N}_/-]*)+[\s\u3000]*$/u;
/** A line that is tags alone ("#networking #vpc"). */
const ONLY_TAGS = /^#[\p{L}_][\p{L}\p{N}_/-]*(?:[\s\u3000]+#[\p{L}_][\p{L}\p{N}_/-]*)*$/u;
/** A wiki link or embed: [[target]], [[target|shown]], [[target#part]], ![[file.png]]. */
const WIKI = /(!?)\[\[([^[\]|]+)(?:\|([^[\]]+))?\]\]/gu;

/** What tidyLine made of a line: its text, its spans moved with it, and whether it was links alone. */
export interface Tidied {
  text: string;
  spans: Span[];
  /** Nothing but wiki links, embeds and tags (and punctuation or spaces between): a reference. */
  linkOnly: boolean;
  /** The date of a daily post taken off the line's start ("3/8" of "2024/3/8 今日の学び：…"). */
  date?: string;
}

/** Full-width brackets padded with spaces around a few words: "（ グローバル ）", "（ 300秒 ）". */
const RED_SHEET = /（[ \u3000]+([^（）\s\u3000](?:[^（）]{0,28}[^（）\s\u3000])?)[ \u3000]+）/gu;

/** How far from the end of a line its closing marks are looked for. */
const TAIL = 120;

/**
 * A bullet typed as a character, or a circled number, at the start of a line: "・CloudWatch＝…",
 * "① メモリ使用率" (notes from a plain text editor; left in, "・配信チャネル" came out as an option).
 */
const LEADING_BULLET = /^[\s\u3000]*(?:[・•◦‣▪▫∙■□◆◇▶▷►▸]|[①-⑳])[\s\u3000]*/u;

/** A label in front of a line of links (a Zettelkasten note's "Links:", "See also:", "関連："). */
const LINKS_LABEL =
  /^[\s\u3000]*(?:links?|related|see also|refs?|references|関連(?:リンク|ノート)?|参照|リンク)[\s\u3000]*[:：]/iu;

/**
 * A timestamp at the start of a line of notes taken from a recording: "[03:12] …",
 * "(1:02:40) …", "12:40 - …" (held-out notes, round 16: "[03:12] hosted zones" came out as a
 * term to type).
 */
const LEADING_TIMESTAMP =
  /^[\s\u3000]*(?:\[[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\]|\([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\)|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[\s\u3000]+[-–—])[\s\u3000]*(?=\S)/u;

/**
 * The head of a daily post: its date with the year, or a date and a label ("2024/3/8 今日の学び：",
 * "3/9 TIL:", "今日の学び：") (held-out notes, round 16: the posts read as terms named by their
 * date). Group 1 is the month and day.
 */
const LEADING_POST =
  /^[\s\u3000]*(?:20[0-9]{2}[/／-]([0-9]{1,2}[/／-][0-9]{1,2})(?:[（(][^）)]{1,3}[）)])?(?:[\s\u3000]+(?:今日の学び|本日の学び|今日の気づき|til|today i learned)[\s\u3000]*[:：])?|(?:([0-9]{1,2}[/／-][0-9]{1,2})(?:[（(][^）)]{1,3}[）)])?[\s\u3000]+)?(?:今日の学び|本日の学び|今日の気づき|til|today i learned)[\s\u3000]*[:：])[\s\u3000]*(?=[^\s\u3000（(])/iu;

/** A property of an outliner's page or block (Logseq, Dataview): `key:: value`. */
const PROPERTY = /^[\s\u3000]*[A-Za-z][\w-]*::(?:[\s\u3000]|$)/u;

/**
 * An Anki cloze in a card drafted in the notes: "{{c1::インターネットゲートウェイ}}",
 * "{{c2::Direct Connect::専用線}}" (held-out notes, round 16: the markup came out in
 * prompts and answers). The words inside are the line's key term; the hint is dropped.
 */
const ANKI_CLOZE = /\{\{c[0-9]+::((?:(?!::|\}\}).)+)(?:::(?:(?!\}\}).)*)?\}\}/gu;

/** Cheap test first: most lines hold none of these marks (nor a typed bullet, LEADING_BULLET). */
const ANY = /[◎○◯●△▲▽☆★×]|\[\[|（[ \u3000]|(?:^|[\s\u3000])#[\p{L}_]|\{\{c[0-9]/u;

/** A line's text without ratings, tags and wiki-link brackets, its spans moved to match. */
export function tidyLine(text: string, spans: readonly Span[], title = false): Tidied | undefined {
  // "tags:: aws, saa", "source:: udemy section 12": an outliner's properties, its metadata.
  if (PROPERTY.test(text)) return { text: text.trim(), spans: [...spans], linkOnly: true };
  if (
    !ANY.test(text) &&
    !LEADING_BULLET.test(text) &&
    !LEADING_TIMESTAMP.test(text) &&
    (title || !LEADING_POST.test(text))
  )
    return undefined;
  // Kept characters, by their place in `text`.
  const keep = new Array<boolean>(text.length).fill(true);
  const drop = (from: number, to: number) => {
    for (let i = from; i < to; i++) keep[i] = false;
  };
  const links: { start: number; end: number }[] = [];
  for (const m of text.matchAll(WIKI)) {
    const at = m.index;
    const [whole, bang = '', target = '', shown] = m;
    if (bang) {
      // An embedded picture or note shows nothing a question can use.
      drop(at, at + whole.length);
      links.push({ start: at, end: at + whole.length });
      continue;
    }
    // "[[VPC#Endpoints]]" reads "VPC › Endpoints" nowhere else: the note's name is enough.
    const name = shown ?? target.split('#')[0] ?? target;
    const nameAt = shown !== undefined ? whole.lastIndexOf(shown) : 2;
    drop(at, at + nameAt);
    drop(at + nameAt + name.length, at + whole.length);
    links.push({ start: at, end: at + whole.length });
  }
  // "IAMは（ グローバル ）サービス": a blank the learner made for themselves (a red-sheet
  // memo): the words inside are the key term of the line.
  const marked: Span[] = [];
  for (const m of text.matchAll(RED_SHEET)) {
    const inner = m[1] ?? '';
    const from = m.index + m[0].indexOf(inner);
    drop(m.index, from);
    drop(from + inner.length, m.index + m[0].length);
    marked.push({ kind: 'bold', start: from, end: from + inner.length });
  }
  for (const m of text.matchAll(ANKI_CLOZE)) {
    const inner = m[1] ?? '';
    const from = m.index + m[0].indexOf(inner, 2);
    drop(m.index, from);
    drop(from + inner.length, m.index + m[0].length);
    marked.push({ kind: 'bold', start: from, end: from + inner.length });
  }
  // (A heading's date is its title: "## 2026/10/10（土）" names the day.)
  const post = title ? null : LEADING_POST.exec(text);
  // A post's head or a recording's timestamp, then a typed bullet: all three leave the line.
  const head = post?.[0].length ?? LEADING_TIMESTAMP.exec(text)?.[0].length ?? 0;
  const date = (post?.[1] ?? post?.[2])
    ?.replace(/[／-]/gu, '/')
    .replace(/(^|\/)0(?=[0-9])/gu, '$1');
  const bullet = head + (LEADING_BULLET.exec(text.slice(head))?.[0].length ?? 0);
  drop(0, bullet);
  const lead = LEADING_RATING.exec(text.slice(bullet));
  if (lead) drop(bullet, bullet + lead[0].length);
  // The end's marks are looked for in the line's last characters only: tried from every
  // place of a long line, these patterns would take time in the square of its length.
  const tagsFrom = Math.max(0, text.length - TAIL);
  const tags = TRAILING_TAGS.exec(text.slice(tagsFrom));
  const end = tags ? tagsFrom + tags.index : text.length;
  if (tags) drop(end, text.length);
  const starsFrom = Math.max(0, end - TAIL);
  const stars = TRAILING_STARS.exec(text.slice(starsFrom, end));
  if (stars) drop(starsFrom + stars.index, end);
  const shift: number[] = [];
  const kept: string[] = [];
  for (let i = 0; i < text.length; i++) {
    shift[i] = kept.length;
    if (keep[i]) kept.push(text[i] ?? '');
  }
  shift[text.length] = kept.length;
  const out = kept.join('');
  const trimmed = out.trim();
  const lead2 = out.length - out.trimStart().length;
  const onlyTags = ONLY_TAGS.test(text.trim());
  // (A mark per character, not a search of the links: a line of many links stays linear.)
  const linked = new Array<boolean>(text.length).fill(false);
  for (const l of links) for (let i = l.start; i < l.end; i++) linked[i] = true;
  const inLink = (i: number) => linked[i] === true;
  // "Links: [[…]] [[…]]", "関連：[[…]]": a label over links is no content of its own.
  const label = links.length > 0 ? (LINKS_LABEL.exec(text)?.[0].length ?? 0) : 0;
  let content = false;
  for (let i = label; i < text.length && !content; i++) {
    content = keep[i] === true && !inLink(i) && !/[\p{P}\p{S}\s]/u.test(text[i] ?? '');
  }
  const linkOnly = onlyTags || (links.length > 0 && !content);
  if (trimmed === text && !linkOnly) return undefined;
  const moved = [...spans, ...marked]
    .sort((a, b) => a.start - b.start)
    .map((span) => ({
      kind: span.kind,
      start: Math.max(0, (shift[span.start] ?? 0) - lead2),
      end: Math.min(trimmed.length, (shift[span.end] ?? 0) - lead2),
    }))
    .filter((span) => span.end > span.start && trimmed.slice(span.start, span.end).trim() !== '');
  return {
    text: onlyTags ? text.trim() : trimmed,
    spans: moved,
    linkOnly,
    ...(date ? { date } : {}),
  };
}

/** A heading's title without ratings, stars and wiki-link brackets ("2-5. Auto Scaling ★★★" → "2-5. Auto Scaling"). */
export function tidyTitle(title: string): string {
  const tidied = tidyLine(title, [], true);
  const text = tidied && tidied.text !== '' && !tidied.linkOnly ? tidied.text : title;
  // "202311051432 Lambda concurrency", "20231106 — DynamoDB GSI vs LSI": a Zettelkasten
  // note's id, a timestamp, is no part of its name (held-out notes, round 16: the ids came
  // out in options and headers). A title that is only a date stays.
  const bare = ZETTEL_ID.test(text) ? text.replace(ZETTEL_ID, '') : text;
  // "スライド12：S3 のストレージクラス", "Slide 4 – VPC endpoints": the deck's page, no part
  // of the name (held-out notes, round 16: the numbers came out in options).
  return PAGE_NUMBER.test(bare) ? bare.replace(PAGE_NUMBER, '') : bare;
}

/** A slide's or a page's number in front of a title, and what parts it from the title. */
const PAGE_NUMBER =
  /^(?:スライド|slide|ページ|page|p\.)[\s\u3000]*[0-9０-９]+(?:[\s\u3000]*[：:．.|｜—–-][\s\u3000]*|[\s\u3000]+)(?=\S)/iu;

/** A timestamp id in front of a title: YYYYMMDD, with hours and minutes (and seconds) or not. */
const ZETTEL_ID =
  /^20[0-9]{2}(?:0[1-9]|1[0-2])(?:[0-2][0-9]|3[01])(?:[0-9]{4}(?:[0-9]{2})?)?(?:[\s\u3000]*[—–-])?[\s\u3000]+(?=\S)/u;
