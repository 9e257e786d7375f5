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
const { makeQuestion, whyNotAsked } = await import('../dist/quiz/questions.js');
const { createRng } = await import('../dist/quiz/rng.js');
const { closeTruncated } = await import('../dist/store/decode.js');
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

/** Best of three timings of `work(input)`, in ms. */
function best(work, input) {
  let ms = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    work(input);
    ms = Math.min(ms, performance.now() - start);
  }
  return ms;
}

/**
 * Linear, not quadratic: `factor` times the input may take at most `limit(small)` ms,
 * where quadratic work would take `factor` squared times as long. Two sizes side by
 * side, so a busy machine does not fail it. Moved here from the unit tests.
 */
function linear(what, work, small, large, limit) {
  best(work, small); // warm up
  const a = best(work, small);
  const b = best(work, large);
  const limitMs = limit(a);
  const ok = b <= limitMs;
  results.push({ what, ms: b, limitMs, ok });
  console.log(
    `${ok ? '✓' : '✗'} linear: ${what}: ${a.toFixed(1)} ms, larger ${b.toFixed(1)} ms (budget ${limitMs.toFixed(0)} ms)`,
  );
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
  // Every line through remark (these lines would all be read without it), as a note full of
  // inline syntax would go.
  const remarkOnly = { fast: false };
  return (
    chunks(noBlank, remarkOnly).length > 20 &&
    parseMarkdown('nb.md', noBlank, { chunked: remarkOnly }).topics.length > 0
  );
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
  const made = buildCards(deck, index);
  // The cards the commands count: the library leaves out those no question can be made of.
  let cards = made;
  budget(
    `which of the ${made.length} cards of 20 copies of the shipped notes can be asked`,
    // About 0.3 s on 2 cores (0.9 s at a load of 20); drawing every card's options took 3.5 s.
    3_000,
    () => {
      cards = made.filter((card) => whyNotAsked(card, index) === undefined);
    },
  );
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
    // Every counted card is asked: a card no question were made of (all its option draws give
    // the answer away) would be counted by topics and stats yet skipped. bench/unaskable.mjs
    // lists such cards.
    if (made !== cards.length)
      console.log(`  ${cards.length - made} of ${cards.length} cards made no question`);
    return made === cards.length;
  });
}

// Hostile shapes of one note (issue 11), n and 4n: quadratic work gives 16 times, linear 4.
{
  const parse = (text) => parseMarkdown('hostile.md', text);
  const fourfold = (small) => 8 * small + 200;
  const headings = (n) =>
    `# 見出し\n${Array.from({ length: n }, (_, i) => `## H${i}\n\n- fact ${i}\n`).join('\n')}`;
  const nesting = (n) => `# Deep\n\n${'> '.repeat(n)}x\n\n${'- '.repeat(n)}y\n`;
  const marks = (n) =>
    `# Marks\n\n${Array.from({ length: n }, (_, i) => (i % 2 ? '[*a _b' : ']* c_ ')).join(' ')}\n`;
  linear('150 and 600 headings', parse, headings(150), headings(600), fourfold);
  linear('500 and 2,000 levels of nesting', parse, nesting(500), nesting(2000), fourfold);
  linear('600 and 2,400 unmatched marks', parse, marks(600), marks(2400), fourfold);
}

// A progress file cut short is closed in time linear in its size: 4,000 and 40,000 answers.
{
  const sample = (answers) => {
    const data = { schemaVersion: 1, cards: {}, log: [], exams: [], suspended: {} };
    for (let i = 0; i < answers; i++) {
      data.cards[`card-${i}`] = { due: i, stability: 1.5, difficulty: 5, reps: i, state: 2 };
      data.log.push([`card-${i}`, 1_700_000_000_000 + i, 3, 'recall', 100 + i, 1]);
    }
    return JSON.stringify(data).slice(0, -7);
  };
  linear(
    'close a progress file of 4,000 and 40,000 answers cut short',
    (text) => {
      if (closeTruncated(text) === undefined) throw new Error('not closed');
    },
    sample(4_000),
    sample(40_000),
    (small) => 40 * small,
  );
}

// Quadratic matching of bold markers once took minutes.
{
  const words = Array.from({ length: 12_000 }, (_, i) => `**k${i.toString(36)}**`).join(' ');
  const deck = buildDeck([parseMarkdown('big.md', `# T\n## S\n${words}\n`)]);
  budget('cards of a 100 KB line of 12,000 bold markers', 5_000, () =>
    buildCards(deck).every((card) => card.kind !== 'cloze'),
  );
}

if (results.some((result) => !result.ok)) process.exitCode = 1;
