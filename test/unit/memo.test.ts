import { describe, expect, it } from 'vitest';
import { oncePer, oncePerText } from '../../src/ground/memo.js';

describe('oncePer / oncePerText', () => {
  it('work a key out once, an undefined answer too', () => {
    let calls = 0;
    const find = oncePer((key: { n: number }) => {
      calls += 1;
      return key.n > 0 ? key.n : undefined;
    });
    const zero = { n: 0 };
    expect([find(zero), find(zero), find({ n: 2 })]).toEqual([undefined, undefined, 2]);
    expect(calls).toBe(2);
  });

  it('keep at most max texts, then start afresh', () => {
    let calls = 0;
    const length = oncePerText((text) => {
      calls += 1;
      return text.length;
    }, 2);
    for (const text of ['a', 'bb', 'a', 'ccc', 'dddd', 'a']) length(text);
    expect(calls).toBe(5);
  });
});
