/**
 * Lines the learner took back (held-out notes, rounds 15 and 16): a study log or a
 * stream of daily posts corrects itself later ("※訂正：35日だった", "→ 10/03 訂正：今の推奨は
 * OAC", "※訂正：3/8の「SCPで権限付与」は間違い"). The line corrected teaches a wrong fact:
 * it is marked (`Block.corrected`) and makes no card of any kind; the correction stays as
 * it is. Which line a correction takes back: the one holding the words it quotes, else
 * the one its date names, else its head bullet, else the line before it. Pure.
 */
import { type Block, type Section, walk } from './model.js';

/**
 * A correction: "※訂正：…", "訂正：…", "→ 10/03 訂正：…" (of that day), "Correction: …",
 * "Erratum: …", after the date of its own post or not ("2024/3/12 ※訂正：…").
 */
const CORRECTION =
  /^(?:(?:20[0-9]{2}[/／-])?[0-9０-９]{1,2}[/／-][0-9０-９]{1,2}(?:[（(][^）)]{1,3}[）)])?[\s\u3000]+)?(?:[※*＊→⇒]|->)?[\s\u3000]*(?:([0-9０-９]{1,2}[/／][0-9０-９]{1,2})[\s\u3000]*(?:の[\s\u3000]*)?)?(?:訂正|修正|correction|erratum|errata)[\s\u3000]*[:：]/iu;

/** "3/8の…": the date of the post a correction takes back, after its mark. */
const DATE_OF = /^[\s\u3000]*([0-9]{1,2}[/／][0-9]{1,2})[\s\u3000]*の/u;

/** The words two lines may share: katakana and kanji runs, Latin words. */
function wordsOf(text: string): Set<string> {
  return new Set(
    (
      text
        .normalize('NFKC')
        .match(/[\p{Script=Katakana}ー]{2,}|\p{Script=Han}{2,}|[A-Za-z][A-Za-z0-9-]+/gu) ?? []
    ).map((word) => word.toLowerCase()),
  );
}

/** Marks the lines of these sections that a later correction takes back. */
export function markCorrected(topics: readonly Section[]): void {
  const lines: { block: Block; section: Section }[] = [];
  for (const topic of topics)
    walk(topic, (section) => {
      for (const block of section.blocks) lines.push({ block, section });
    });
  // (Most notes correct nothing: a file without the words is not read twice.)
  if (!lines.some(({ block }) => CORRECTION.test(block.text))) return;
  for (let i = 0; i < lines.length; i++) {
    const { block, section } = lines[i] as { block: Block; section: Section };
    const mark = CORRECTION.exec(block.text);
    if (!mark) continue;
    const said = block.text.slice(mark[0].length);
    const date = (mark[1] ?? DATE_OF.exec(said)?.[1])?.normalize('NFKC').replace('／', '/');
    const target = takenBack(lines, i, block, section, said, date);
    if (target && !CORRECTION.test(target.text)) target.corrected = true;
  }
}

function takenBack(
  lines: readonly { block: Block; section: Section }[],
  at: number,
  block: Block,
  section: Section,
  said: string,
  date: string | undefined,
): Block | undefined {
  const before = lines.slice(0, at).reverse();
  // 「SCPで権限付与」: the line that holds the quoted words.
  for (const m of said.matchAll(/[「『"“]([^」』"”]{3,40})[」』"”]/gu)) {
    const quoted = (m[1] ?? '').replace(/[\s\u3000]+/gu, '');
    const found = before.find(({ block: b }) =>
      b.text.replace(/[\s\u3000]+/gu, '').includes(quoted),
    );
    if (found) return found.block;
  }
  // "3/8の…", "→ 10/03 訂正：…": a line of the post or the day of that date, the one that
  // shares most words with the correction (the only one, for a post of one line).
  if (date) {
    const [month, day] = date.split('/').map(Number);
    const ofDate = new RegExp(
      `(?:^|[^0-9/]|20[0-9]{2}[/／-])0?${month}[/／-]0?${day}(?![0-9])`,
      'u',
    );
    const dated = before.filter(
      ({ block: b, section: s }) =>
        b.date === `${month}/${day}` ||
        ofDate.test(b.text.slice(0, 16)) ||
        s.path.some((title) => ofDate.test(title)),
    );
    // (A question of the day is no fact to take back; most of a line's words shared beats many
    // words of a long line: "Standard-IA の最低保存期間は 90日" over the list of every class.)
    const facts = dated.filter(({ block: b }) => !/[?？]\s*$/u.test(b.text));
    const words = wordsOf(said);
    // Only a line the correction plainly speaks of: two of its words or more, half of them at
    // least (a wrong guess would take back a good line and keep the wrong one).
    let best: Block | undefined;
    let score = 0;
    for (const { block: b } of facts) {
      const own = wordsOf(b.text);
      let shared = 0;
      for (const word of own) if (words.has(word)) shared += 1;
      const part = shared / Math.max(1, own.size);
      if (shared >= 2 && part >= 0.5 && part > score) {
        score = part;
        best = b;
      }
    }
    if (best) return best;
    if (facts.length === 1) return facts[0]?.block;
    if (dated.length > 0) return undefined;
  }
  // "- 訂正：…" under the line it corrects.
  if (block.parent !== undefined) return section.blocks.find((b) => b.line === block.parent);
  // The line before it in its section, past addenda ("→追記：…").
  return before.find(
    ({ block: b, section: s }) => s === section && !/^(?:→|->)?[\s\u3000]*追記/u.test(b.text),
  )?.block;
}
