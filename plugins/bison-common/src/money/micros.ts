/**
 * An amount of money in integer micro-units (10^-6) of its currency.
 * 1 USD = 1_000_000n micros. Money never uses JS numbers.
 *
 * @public
 */
export type Micros = bigint;

/** @public */
export const MICROS_PER_UNIT: Micros = 1_000_000n;

/** Number of decimal places of a micro-unit. */
export const MICRO_DECIMALS = 6;

/**
 * Largest absolute amount accepted for a single operation (a recharge, an
 * adjustment, a price): 1,000,000,000,000 currency units.
 *
 * @public
 */
export const MAX_AMOUNT_MICROS: Micros = 10n ** 18n;

/**
 * Largest balance that can be stored: 2^63-1, the int64 / Postgres bigint limit.
 *
 * @public
 */
export const MAX_BALANCE_MICROS: Micros = 2n ** 63n - 1n;

/** Throws unless `decimals` is a whole number of decimals a micro can show. */
export function checkMoneyDecimals(decimals: number): void {
  if (
    !Number.isInteger(decimals) ||
    decimals < 0 ||
    decimals > MICRO_DECIMALS
  ) {
    throw new RangeError(
      `decimals must be an integer from 0 to ${MICRO_DECIMALS}, got ${decimals}`,
    );
  }
}
