/**
 * The one place that reads the system clock. Everything else takes a
 * `now` function (commands get it in their context), so tests can use a
 * fake clock.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
