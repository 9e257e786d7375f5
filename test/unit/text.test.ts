import { describe, expect, it } from 'vitest';
import { headingWords, maskWords, singularOf } from '../../src/content/text.js';
import { buildFrom } from '../helpers/deck.js';

describe('heading words', () => {
  it('name the singular of an English plural, never of an acronym or a word that only ends in s', () => {
    expect(singularOf('Endpoints')).toBe('Endpoint');
    expect(singularOf('NACLs')).toBe('NACL');
    expect(singularOf('Policies')).toBe('Policy');
    expect(singularOf('Databases')).toBe('Database');
    expect(singularOf('Boxes')).toBe('Box');
    for (const word of ['IOPS', 'AWS', 'EBS', 'Access', 'Status', 'Analysis', 'gp3s', 'Days Off'])
      expect(singularOf(word), word).toBeUndefined();
  });

  it('leave out the small words a heading shares with any sentence', () => {
    const words = headingWords('Security groups and NACLs');
    expect(words).toEqual(expect.arrayContaining(['security', 'group', 'groups', 'nacl']));
    expect(words).not.toContain('and');
    expect(maskWords('Stateful and attached to ENIs', words)).toBe('Stateful and attached to ENIs');
  });

  it('hide a plural heading in the clue of its which-heading card', () => {
    const { cards } = buildFrom({
      'vpc.md':
        '# VPC\n## Subnets\nA subnet lives in one AZ.\n## Endpoints\nGateway endpoint: for S3 and DynamoDB\nInterface endpoint: an ENI with a private IP\n',
    });
    const card = cards.find((c) => c.kind === 'which-heading' && c.answer === 'Endpoints');
    expect(card?.prompt).toBe(
      'Gateway ＿＿＿: for S3 and DynamoDB\nInterface ＿＿＿: an ENI with a private IP',
    );
  });
});
