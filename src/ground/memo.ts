/**
 * Work done once per input: the card rules ask the same questions of one
 * line, section or text many times (a line's term, its cloze spans, its
 * content words). Pure; the caches forget with their keys or when full.
 */

/**
 * Stands in the caches for an undefined answer, so that one `get` tells a
 * known answer from none yet: a miss costs a get and a set, not get + has + set.
 */
const NONE: unique symbol = Symbol('none');

/** `compute(key)` once per key object; forgotten with the key (a weak map). */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V | typeof NONE>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined) return known === NONE ? (undefined as V) : known;
    const value = compute(key);
    cache.set(key, value === undefined ? NONE : value);
    return value;
  };
}

/** `compute(text)` once per text, keeping at most `max` texts (then starting afresh). */
export function oncePerText<V>(compute: (text: string) => V, max = 100_000): (text: string) => V {
  const cache = new Map<string, V | typeof NONE>();
  return (text) => {
    const known = cache.get(text);
    if (known !== undefined) return known === NONE ? (undefined as V) : known;
    const value = compute(text);
    if (cache.size > max) cache.clear();
    cache.set(text, value === undefined ? NONE : value);
    return value;
  };
}
