/**
 * Finds the topics a user named: case- and width-insensitive, by name, alias
 * (the parts of `SWF(Amazon Simple Workflow Service)`, the name without
 * AWS/Amazon, the file name with or without its order number) or prefix of any of them. Pure.
 */
import { type MessageRef, UsageError } from '../errors.js';
import { editDistance } from '../ground/edit-distance.js';
import { type Section, topicFromFileName } from './model.js';
import { foldTight } from './text.js';

export function topicAliases(topic: Pick<Section, 'title' | 'file'>): string[] {
  const names = new Set<string>();
  const add = (text: string) => {
    const folded = foldTight(text);
    if (folded) names.add(folded);
  };
  const title = topic.title;
  add(title);
  for (const part of title.split(/[()（）]/)) {
    add(part);
    add(part.trim().replace(/^(aws|amazon)\s+/i, ''));
  }
  for (const word of title.split(/[\s()（）・/]+/)) add(word);
  // The file's name, with and without its order number: a file-name topic's title is
  // made for people (title.ts), the name is what a learner typed before.
  add((topic.file.split('/').pop() ?? topic.file).replace(/\.(md|markdown)$/iu, ''));
  add(topicFromFileName(topic.file));
  add(topicFromFileName(topic.file).replace(/[-_]/g, ''));
  return [...names];
}

/** The topics matched by the queries, in note order; no query means all. */
export function matchTopics<T extends Pick<Section, 'title' | 'file'>>(
  queries: readonly string[],
  topics: readonly T[],
): T[] {
  if (queries.length === 0) return [...topics];
  const chosen = new Set<T>();
  for (const query of queries) for (const topic of matchOne(query, topics)) chosen.add(topic);
  return topics.filter((topic) => chosen.has(topic));
}

function matchOne<T extends Pick<Section, 'title' | 'file'>>(
  query: string,
  topics: readonly T[],
): T[] {
  const q = foldTight(query);
  const aliases = topics.map((topic) => ({ topic, names: topicAliases(topic) }));
  const exact = aliases.filter(({ names }) => names.includes(q)).map(({ topic }) => topic);
  if (q && exact.length > 0) return exact;
  const prefixed = q
    ? aliases
        .filter(({ names }) => names.some((name) => name.startsWith(q)))
        .map(({ topic }) => topic)
    : [];
  if (prefixed.length === 1) return prefixed;
  if (prefixed.length > 1) {
    throw new UsageError({
      key: 'error.ambiguousTopic',
      params: { topic: query, list: prefixed.map((p) => p.title).join(', ') },
    });
  }
  const near = aliases
    .map(({ topic, names }) => ({
      topic,
      distance: Math.min(
        ...names.map((name) =>
          Math.min(editDistance(q, name), editDistance(q, name.slice(0, Math.max(q.length, 1)))),
        ),
      ),
    }))
    .filter(({ distance }) => distance <= Math.max(1, Math.floor(q.length / 3)))
    .sort((a, b) => a.distance - b.distance)
    .map(({ topic }) => topic.title);
  const lines: MessageRef[] = [{ key: 'error.unknownTopic', params: { topic: query } }];
  if (near.length > 0)
    lines.push({
      key: 'error.didYouMean',
      params: { list: [...new Set(near)].slice(0, 3).join(', ') },
    });
  lines.push({
    key: 'error.topicList',
    params: { list: topics.map((topic) => topic.title).join(', ') },
  });
  throw new UsageError(lines);
}
