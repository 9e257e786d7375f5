/**
 * Desired retention: the chance of recalling a card when it comes due.
 * Apart from the scheduler so the command table can check --retention
 * without loading ts-fsrs.
 */
export const DEFAULT_RETENTION = 0.9;
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;
