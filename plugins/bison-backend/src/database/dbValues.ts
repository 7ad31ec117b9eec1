/**
 * Conversions of values read from the database. PostgreSQL returns bigint as
 * string and timestamps as Date; SQLite returns integers (or BigInt with
 * `safeIntegers`) and stores timestamps as epoch milliseconds.
 */
export function dateFromDb(value: Date | string | number | bigint): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'bigint') return new Date(Number(value));
  if (typeof value === 'number') return new Date(value);
  const asNumber = Number(value);
  return new Date(Number.isFinite(asNumber) ? asNumber : value);
}

export function optionalDateFromDb(
  value: Date | string | number | bigint | null | undefined,
): Date | undefined {
  return value === null || value === undefined ? undefined : dateFromDb(value);
}

/** Asks better-sqlite3 for BigInt integers; other drivers ignore it. */
export const EXACT_INTEGERS = { safeIntegers: true } as const;

/**
 * A bigint as a query binding. Strings keep every driver exact and let knex
 * print the value in error messages (it cannot escape a bigint on SQLite).
 */
export function toDbInteger(value: bigint): string {
  return value.toString();
}
