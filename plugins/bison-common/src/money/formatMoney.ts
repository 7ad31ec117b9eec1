import { formatFixedPoint } from '../internal/fixedPoint';
import { MICRO_DECIMALS, Micros } from './micros';

/** @public */
export interface FormatMoneyOptions {
  /** Minimum number of decimals shown, 0..6. Default 2. */
  decimals?: number;
}

/** @public */
export interface Currency {
  /** ISO 4217 code, e.g. 'USD'. */
  code: string;
  /** Display symbol, e.g. '$'. When absent the code is appended instead. */
  symbol?: string;
  /** Decimals of the currency's minor unit, e.g. 2 for USD, 0 for JPY. */
  minorUnits: number;
}

function checkDecimals(decimals: number): void {
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

/**
 * Formats micros as an exact plain decimal string. Shows at least `decimals`
 * decimals and more only when needed to stay exact:
 * 100500000n → '100.50', 1n → '0.000001', -2500000n → '-2.50'.
 * The output is accepted by {@link parseMoney} (with `allowNegative`).
 *
 * @public
 */
export function formatMoney(
  micros: Micros,
  options?: FormatMoneyOptions,
): string {
  const decimals = options?.decimals ?? 2;
  checkDecimals(decimals);
  return formatFixedPoint(micros, MICRO_DECIMALS, decimals);
}

/**
 * Formats micros for display with a currency: '$100.50', '-€2.50', or
 * '1500 JPY' when there is no symbol. Exact: sub-minor-unit amounts show
 * extra decimals ('$0.000001') instead of being rounded.
 *
 * @public
 */
export function formatMoneyWithCurrency(
  micros: Micros,
  currency: Currency,
): string {
  checkDecimals(currency.minorUnits);
  const formatted = formatMoney(micros < 0n ? -micros : micros, {
    decimals: currency.minorUnits,
  });
  const sign = micros < 0n ? '-' : '';
  return currency.symbol
    ? `${sign}${currency.symbol}${formatted}`
    : `${sign}${formatted} ${currency.code}`;
}
