/**
 * The learner's day: local calendar days, not UTC's, so "today", streaks,
 * the forecast and the new-card allowance all agree on when a day begins.
 */

/** `YYYY-MM-DD` of the local day of `time`. */
export function localDate(time: number | Date): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight `offset` days from the day of `now` (DST-safe: calendar arithmetic). */
export function dayStart(now: Date, offset = 0): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
}

/** The last millisecond of the local day of `now`: what "due today" counts up to. */
export function endOfDay(now: Date): Date {
  return new Date(dayStart(now, 1).getTime() - 1);
}
