/**
 * Splits `count` among parts in proportion to their weights by the largest
 * remainder method, never giving a part more than its cap (no caps: none).
 * Ties go to the earlier part. The shares add up to `count`, or to the sum of
 * the caps when that is smaller; all 0 when every weight is 0.
 * Used for exam questions per topic (quiz/exam) and bar cells (ui/layout).
 */
export function largestRemainder(
  weights: readonly number[],
  count: number,
  caps?: readonly number[],
): number[] {
  const positive = weights.map((weight) => Math.max(0, weight));
  const total = positive.reduce((a, b) => a + b, 0);
  const cap = (i: number) => caps?.[i] ?? Number.POSITIVE_INFINITY;
  const room = caps ? caps.reduce((a, b) => a + Math.max(0, b), 0) : count;
  const want = Math.min(count, room);
  if (want <= 0 || total <= 0) return positive.map(() => 0);
  const exact = positive.map((weight) => (weight / total) * want);
  const shares = exact.map((e, i) => Math.min(cap(i), Math.floor(e)));
  let left = want - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  while (left > 0) {
    let gave = false;
    for (const { i } of order) {
      if (left <= 0) break;
      if ((shares[i] ?? 0) < cap(i)) {
        shares[i] = (shares[i] ?? 0) + 1;
        left -= 1;
        gave = true;
      }
    }
    if (!gave) break;
  }
  return shares;
}
