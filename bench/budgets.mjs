/**
 * Time budgets that guard against quadratic work on big notes. They were
 * inside the unit tests, where a loaded machine made them fail and their
 * minutes of work slowed every `npm test`; here they run with `npm run bench`
 * (after the build) and exit 1 when one is missed. Correctness at these sizes
 * (every item kept, pieces parse as the whole) stays in test/unit/cache.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT = join(ROOT, 'content');
const { parseMarkdown } = await import('../dist/content/parse.js');
const { chunks } = await import('../dist/content/chunk.js');
const { buildDeck, indexDeck } = await import('../dist/content/deck.js');
const { buildCards } = await import('../dist/content/cards.js');
const { makeQuestion } = await import('../dist/quiz/questions.js');
const { createRng } = await import('../dist/quiz/rng.js');
const say = (await import('../dist/ui/i18n.js')).messagesFor('en').text;

const results = [];
function budget(what, limitMs, work) {
  const start = performance.now();
  const check = work();
  const ms = performance.now() - start;
  const ok = ms <= limitMs && check !== false;
  results.push({ what, ms, limitMs, ok });
  console.log(`${ok ? '✓' : '✗'} ${what}: ${ms.toFixed(0)} ms (budget ${limitMs} ms)`);
}

const notes = readdirSync(CONTENT)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => [file, readFileSync(join(CONTENT, file), 'utf8')]);
const ec2 = notes[0][1];
const big = Array.from({ length: 20 }, (_, i) => ec2.replace(/^(#+ .*)$/gm, `$1 ${i}`)).join('\n');

// In one piece remark's cost grows with the square of the items (minutes).
budget('parse a 1 MB list of 70,000 items', 10_000, () => {
  const list = ['# List', ...Array.from({ length: 70_000 }, (_, i) => `- item ${i} text`)].join(
    '\n',
  );
  return parseMarkdown('list.md', list).topics[0]?.blocks.length === 70_000;
});

// Cut at every heading, not only after a blank line: pieces of about 50 kB.
budget('parse 1 MB of notes without blank lines', 15_000, () => {
  const noBlank = Array.from({ length: 9 }, () => big)
    .join('\n')
    .replace(/\n[ \t]*(?=\n)/g, '');
  // The shape limit reads 1,000 headings of one note (prepare.ts): the rest is cut and told.
  return chunks(noBlank).length > 20 && parseMarkdown('nb.md', noBlank).topics.length > 0;
});

budget('parse a 1 MB file', 10_000, () => {
  const mb = Array.from({ length: 9 }, () => big).join('\n');
  return parseMarkdown('mb.md', mb).topics.length > 0;
});

// Unclamped, remark took ~30 s for this.
budget('parse a list nested 1,000 levels deep', 10_000, () => {
  const deep = [
    '# List',
    ...Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`),
  ];
  return JSON.stringify(parseMarkdown('deep.md', deep.join('\n'))).includes('item 999');
});

// Hostile shapes (issue 11): bounded by prepare.ts's SHAPE_LIMITS and chunking.
budget('parse a note of 100,000 headings (cut at 1,000)', 5_000, () => {
  const text = `# T\n${Array.from({ length: 100_000 }, (_, i) => `## H${i}\n\n- fact ${i}\n`).join('\n')}`;
  const parsed = parseMarkdown('heads.md', text);
  return parsed.diagnostics.some((d) => d.code === 'too-many-headings');
});

budget('parse 10,000 levels of nesting on one line', 2_000, () => {
  const text = `# T\n\n${'> '.repeat(10_000)}x\n\n${'- '.repeat(10_000)}y\n`;
  return parseMarkdown('deep.md', text).diagnostics.some((d) => d.code === 'too-deep');
});

budget('parse 50,000 unmatched [ ] with emphasis marks in one paragraph', 15_000, () => {
  const text = `# T\n\n${Array.from({ length: 50_000 }, (_, i) => (i % 2 ? '[*a _b' : ']* c_ ')).join(' ')}\n`;
  return parseMarkdown('marks.md', text).diagnostics.some((d) => d.code === 'too-many-marks');
});

// About 1 s on 2 cores; quadratic scanning took over a minute.
{
  const files = [];
  for (let n = 1; n <= 20; n++) {
    for (const [name, text] of notes) {
      files.push(parseMarkdown(`${n}-${name}`, text.replace(/^# /gm, `# ${n}-`)));
    }
  }
  const deck = buildDeck(files);
  const index = indexDeck(deck);
  const cards = buildCards(deck, index);
  budget(`every question of 20 copies of the shipped notes (${cards.length} cards)`, 10_000, () => {
    const rng = createRng(1);
    let made = 0;
    for (const card of cards) {
      if (
        makeQuestion(card, index, rng, 'exam', say) ??
        makeQuestion(card, index, rng, 'study', say)
      ) {
        made += 1;
      }
    }
    return made === cards.length;
  });
}

if (results.some((result) => !result.ok)) process.exitCode = 1;
