/**
 * Issue 13, round 6: recall answers a learner cannot give from the prompt.
 * Fixtures: test/fixtures/quality/recall-r6-{en,ja}.md (written for these tests).
 */
import { describe, expect, it } from 'vitest';
import { buildFrom, fixture } from '../helpers/deck.js';

const recalled = (name: string) =>
  buildFrom({ [name]: fixture(`quality/${name}`) })
    .cards.filter((c) => c.kind === 'recall')
    .map((c) => c.path.at(-1));

describe.each([
  ['recall-r6-en.md', 'Sharing', 'Monitoring', 'Courier Pools'],
  ['recall-r6-ja.md', '配送ハブのスループット上限', '配送ハブの監視', 'クーリエプール'],
])('recall cards of %s', (name, heap, aspect, contradiction) => {
  const asked = recalled(name);

  it('asks no aspect heading whose points are mostly about other things (HEAP)', () => {
    expect(asked).not.toContain(heap);
    // The same shape, with points that speak of the aspect, stays.
    expect(asked).toContain(aspect);
  });

  it('asks no code name whose one short point only says the name in words (TRIVIAL)', () => {
    expect(asked).not.toContain('PARCEL_LOST');
    // A point that says more (a limit, what the SDK does) stays.
    expect(asked).toContain('HUB_THROTTLED');
  });

  it('asks no line that takes back its own restriction (WRONG-FACT)', () => {
    expect(asked).not.toContain(contradiction);
  });
});
