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

  it('leave out of a which-heading clue any line that names its heading, even in the singular', () => {
    const { cards } = buildFrom({
      'vpc.md':
        '# VPC\n## Subnets\nA subnet lives in one AZ.\n## Route tables\nEvery subnet is associated with exactly one route table.\n## Endpoints\nGateway endpoint: for S3 and DynamoDB\nAn interface endpoint puts an ENI with a private IP into your subnet.\nTraffic to AWS services stays private without any internet gateway.\n',
    });
    const card = cards.find((c) => c.kind === 'which-heading' && c.answer === 'Endpoints');
    // The lines that say "endpoint" are dropped, not masked: the clue is the one that does not.
    expect(card?.prompt).toBe(
      'Traffic to AWS services stays private without any internet gateway.',
    );
  });
});
