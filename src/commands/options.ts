/**
 * Checks of option values. A bad value is a usage error (exit 2) naming the
 * flag and the allowed range.
 */
import { UsageError } from '../errors.js';

export function parseInteger(flag: string, value: unknown, min: number, max: number): number {
  const text = String(value).trim();
  const number = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError({ key: 'error.badInteger', params: { flag, min, max, value: text } });
  }
  return number;
}

export function parseNumber(flag: string, value: unknown, min: number, max: number): number {
  const text = String(value).trim();
  const number = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(number) || number < min || number > max) {
    throw new UsageError({ key: 'error.badNumber', params: { flag, min, max, value: text } });
  }
  return number;
}

/** An optional integer option: undefined stays undefined. */
export function optionalInteger(
  flag: string,
  value: unknown,
  min: number,
  max: number,
): number | undefined {
  return value === undefined ? undefined : parseInteger(flag, value, min, max);
}
