import fc from 'fast-check';
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

describe('oncePer / oncePerText against the compute they wrap', () => {
  it('answer as compute does, undefined and falsy answers too, computing each key once', () => {
    const answers = fc.constantFrom(undefined, null, 0, '', false, 1, 'x', Number.NaN);
    const steps = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), answers), { maxLength: 30 });
    fc.assert(
      fc.property(steps, (steps) => {
        // The first answer drawn for a key is what compute says of it.
        const table = new Map<number, unknown>();
        for (const [k, answer] of steps) if (!table.has(k)) table.set(k, answer);
        const keys = [0, 1, 2, 3, 4, 5].map((n) => ({ n }));
        let byKeyCalls = 0;
        let byTextCalls = 0;
        const byKey = oncePer((key: { n: number }) => {
          byKeyCalls += 1;
          return table.get(key.n);
        });
        const byText = oncePerText((text) => {
          byTextCalls += 1;
          return table.get(Number(text));
        });
        for (const [k] of steps) {
          if (!Object.is(byKey(keys[k] as { n: number }), table.get(k))) return false;
          if (!Object.is(byText(String(k)), table.get(k))) return false;
        }
        return byKeyCalls === table.size && byTextCalls === table.size;
      }),
    );
  });
});
