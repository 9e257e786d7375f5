/**
 * Generates big note sets from the shipped notes: 100 files (each the whole
 * notes with its top-level headings renamed, ~3.7 MB together) or the same
 * text as one file.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function shippedText(root) {
  const dir = join(root, 'content');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');
}

/** The notes once, with every heading renamed for copy n (so topics and cards differ per copy). */
export function copy(text, n) {
  return text.replace(/^(#{1,6}[ \u3000]+)(.+)$/gm, (_, hashes, title) => `${hashes}${title} ${n}`);
}

export function writeCorpus(root, dir, copies = 100) {
  mkdirSync(dir, { recursive: true });
  const text = shippedText(root);
  for (let n = 1; n <= copies; n++)
    writeFileSync(join(dir, `notes-${String(n).padStart(3, '0')}.md`), copy(text, n));
  return dir;
}

export function writeOneFile(root, dir, copies = 100) {
  mkdirSync(dir, { recursive: true });
  const text = shippedText(root);
  const file = join(dir, 'all-notes.md');
  writeFileSync(file, Array.from({ length: copies }, (_, i) => copy(text, i + 1)).join('\n'));
  return file;
}

/**
 * The 100-file corpus with every body line (not headings, blank lines, code
 * fences or table rules) given a word of its copy's own, so that no line
 * repeats across files: a cache keyed by a line's text cannot carry over from
 * one file to the next, as it can in writeCorpus's copies. For measuring
 * whether a speed-up holds on notes that do not repeat
 * (`node -e "import('./bench/corpus.mjs').then((m) => m.writeVariedCorpus('.', '/tmp/v100'))"`).
 */
export function writeVariedCorpus(root, dir, copies = 100) {
  mkdirSync(dir, { recursive: true });
  const text = shippedText(root);
  const digits = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  for (let n = 1; n <= copies; n++) {
    const word = [...String(n)].map((d) => digits[Number(d)]).join('');
    let fence = false;
    const body = copy(text, n)
      .split('\n')
      .map((line) => {
        if (/^\s*(```|~~~)/.test(line)) {
          fence = !fence;
          return line;
        }
        if (fence || !line.trim() || line.startsWith('#') || /^\s*\|?[\s:|-]+\|?\s*$/.test(line))
          return line;
        return `${line} ${word}`;
      })
      .join('\n');
    writeFileSync(join(dir, `notes-${String(n).padStart(3, '0')}.md`), body);
  }
  return dir;
}
