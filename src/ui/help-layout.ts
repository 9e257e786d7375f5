/**
 * Help laid out by display width (Japanese counts two columns) to the
 * terminal's width. Loaded only when commander is, so `--version` stays light.
 */
import type { Help } from 'commander';
import { displayWidth, wrap } from './layout.js';

export { displayWidth };

export function boxWrap(text: string, width: number): string {
  return wrap(text, width).join('\n');
}

/**
 * One option or command of the help: the term, then its description wrapped
 * beside it; when the terminal is too narrow for a column beside the term,
 * the description goes under it.
 */
export function formatItem(
  term: string,
  termWidth: number,
  description: string,
  helper: Help,
): string {
  const width = helper.helpWidth ?? 80;
  if (!description) return `  ${term}`;
  const beside = width - termWidth - 4;
  if (beside >= 24) {
    const lines = wrap(description, beside);
    const pad = ' '.repeat(termWidth - displayWidth(term));
    return lines
      .map((line, i) =>
        i === 0 ? `  ${term}${pad}  ${line}` : `${' '.repeat(termWidth + 4)}${line}`,
      )
      .join('\n');
  }
  return [`  ${term}`, ...wrap(description, width - 6).map((line) => `      ${line}`)].join('\n');
}

/**
 * The examples under a help text, fitted to the width: an example whose
 * comment does not fit beside it gets the comment on the next line; other
 * lines wrap under their own indent.
 */
export function epilog(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (displayWidth(line) <= width) {
      out.push(line);
      continue;
    }
    const indent = /^ */.exec(line)?.[0] ?? '';
    const example = /^( +)(awsquiz\S*(?: \S+)*?) {2,}(\S.*)$/.exec(line);
    if (example?.[2] && example[3]) {
      out.push(...wrap(example[2], width - indent.length).map((l) => indent + l));
      out.push(...wrap(example[3], width - indent.length - 4).map((l) => `${indent}    ${l}`));
      continue;
    }
    const body = wrap(line.slice(indent.length), width - indent.length - 2);
    out.push(...body.map((l, i) => (i === 0 ? indent + l : `${indent}  ${l}`)));
  }
  return out.join('\n');
}
