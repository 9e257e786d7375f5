/**
 * The one place that reads the system clock. Everything else takes a
 * `now` function (commands get it in their context), so tests can use a
 * fake clock.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock that runs `rate` times as fast as `clock` from the moment it is made.
 * For the end-to-end tests only (AWSQUIZ_TEST_CLOCK_RATE, read in cli.ts): a
 * timed exam in a real terminal runs out in seconds instead of minutes.
 */
export function fastClock(rate: number, clock: Clock = systemClock): Clock {
  const start = clock().getTime();
  return () => new Date(start + (clock().getTime() - start) * rate);
}
