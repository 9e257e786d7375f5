/**
 * A section shown as the explanation of an answer (study feedback, exam
 * results): its heading path, then its lines behind a bar, all wrapped to
 * the width under one indent.
 */
import type { Question } from '../quiz/types.js';
import type { Formatter } from './format.js';
import type { Messages } from './i18n.js';
import { wrap } from './layout.js';

export function pathLines(path: readonly string[], format: Formatter, indent: string): string[] {
  return wrap(path.join(' › '), format.width - indent.length).map(
    (line) => `${indent}${format.style('accent', line)}`,
  );
}

export function explanationLines(
  explanation: Question['explanation'],
  format: Formatter,
  indent: string,
): string[] {
  const body = explanation.lines.flatMap((text) =>
    wrap(text, format.width - indent.length - 2).map(
      (line) => `${indent}${format.style('dim', '│')} ${line}`,
    ),
  );
  return [...pathLines(explanation.path, format, indent), ...body];
}

/** Where a chosen wrong option comes from ("What you chose is about X: …"), or undefined. */
export function originText(
  question: Question,
  given: string,
  messages: Messages,
): string | undefined {
  const at = (question.shown ?? question.options ?? []).indexOf(given);
  const origin = at >= 0 ? question.origins?.[at] : undefined;
  if (!origin) return undefined;
  return origin.line
    ? messages.t('feedback.origin', { heading: origin.heading, line: origin.line })
    : messages.t('feedback.originHeading', { heading: origin.heading });
}
