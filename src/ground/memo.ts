/**
 * Work done once per input: the card rules ask the same questions of one
 * line, section or text many times (a line's term, its cloze spans, its
 * content words). Pure; the caches forget with their keys or when full.
 */

/** `compute(key)` once per key object; forgotten with the key (a weak map). */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    // One lookup for a known answer; `has` only tells an undefined answer from none yet.
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/** `compute(text)` once per text, keeping at most `max` texts (then starting afresh). */
export function oncePerText<V>(compute: (text: string) => V, max = 100_000): (text: string) => V {
  const cache = new Map<string, V>();
  return (text) => {
    const known = cache.get(text);
    if (known !== undefined || cache.has(text)) return known as V;
    const value = compute(text);
    if (cache.size > max) cache.clear();
    cache.set(text, value);
    return value;
  };
}
