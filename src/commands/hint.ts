/**
 * The command a learner would type to start: `awsquiz study ec2`, with
 * `--content DIR` when the notes came from --content, and the shortest name
 * of the first topic that finds it and no other.
 */
import type { Section } from '../content/model.js';
import { matchTopics } from '../content/topics.js';
import type { CommandContext } from './context.js';

function quote(text: string): string {
  return /^[\w./~+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function shortName(
  topic: Pick<Section, 'title' | 'file'>,
  topics: readonly Pick<Section, 'title' | 'file'>[],
) {
  const word = topic.title
    .split(/[\s()（）・/]+/)
    .find(Boolean)
    ?.toLowerCase();
  if (word) {
    try {
      const found = matchTopics([word], topics);
      if (found.length === 1 && found[0] === topic) return word;
    } catch {
      // Unknown or ambiguous: use the whole title.
    }
  }
  return topic.title;
}

export function startCommand(
  context: Pick<CommandContext, 'content'>,
  topics: readonly Pick<Section, 'title' | 'file'>[],
): string {
  const first = topics[0];
  const content = context.content ? ` --content ${quote(context.content)}` : '';
  return `awsquiz${content} study${first ? ` ${quote(shortName(first, topics))}` : ''}`;
}
