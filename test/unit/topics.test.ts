import { describe, expect, it } from 'vitest';
import { matchTopics } from '../../src/content/topics.js';
import { UsageError } from '../../src/errors.js';
import { userMessage } from '../../src/ui/i18n.js';
import { shippedDeck } from '../helpers/deck.js';

const topics = shippedDeck().deck.topics;
const names = (queries: string[]) => matchTopics(queries, topics).map((t) => t.title);

function usageMessage(queries: string[]): string {
  try {
    matchTopics(queries, topics);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    return userMessage(error as UsageError, 'en');
  }
  throw new Error('expected a UsageError');
}

describe('matchTopics', () => {
  it('matches case- and width-insensitively', () => {
    for (const query of ['ec2', 'EC2', 'ＥＣ２', 'ｅｃ２']) expect(names([query])).toEqual(['EC2']);
  });

  it('matches a title with an invisible character in it', () => {
    const hidden = [{ title: 'Z\u200bW', file: 'z.md' }];
    expect(matchTopics(['zw'], hidden).map((t) => t.title)).toEqual(['Z\u200bW']);
  });

  it('matches by prefix, alias and file name', () => {
    expect(names(['lambda'])).toEqual(['Lambda']);
    expect(names(['step'])).toEqual(['AWS Step Function']);
    expect(names(['api'])).toEqual(['API gateway']);
    expect(names(['swf'])).toEqual(['SWF(Amazon Simple Workflow Service)']);
    expect(names(['simple workflow'])).toEqual(['SWF(Amazon Simple Workflow Service)']);
    expect(names(['batch'])).toEqual(['AWS Batch']);
    expect(names(['インスタンス'])).toEqual(['インスタンスストア']);
    expect(names(['appsync'])).toEqual(['App Sync']);
  });

  it('gives all topics for no query, in note order, and each once', () => {
    expect(names([])).toHaveLength(13);
    expect(names(['ebs', 'ec2', 'EC2'])).toEqual(['EC2', 'EBS']);
  });

  it('refuses an ambiguous prefix, naming the candidates', () => {
    expect(usageMessage(['e'])).toMatch(/EC2.*EBS/);
  });

  it('refuses an unknown topic with a did-you-mean and the topic list', () => {
    const message = usageMessage(['lamda']);
    expect(message).toContain('unknown topic "lamda"');
    expect(message).toMatch(/Did you mean: Lambda/);
    expect(message).toContain('Topics: EC2');
  });
});
