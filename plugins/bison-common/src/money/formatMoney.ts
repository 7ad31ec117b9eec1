import { formatFixedPoint } from '../internal/fixedPoint';
import { checkMoneyDecimals, MICRO_DECIMALS, Micros } from './micros';
import { roundMoney } from './roundMoney';

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

/** @public */
export interface FormatMoneyWithCurrencyOptions {
  /**
   * 'exact' (the default) shows every decimal needed: '$0.000001'.
   * 'minorUnits' rounds half to even to the currency's minor units, for
   * amounts shown to people: '$644.91'.
   */
  precision?: 'exact' | 'minorUnits';
  /** Separates thousands with commas: '$1,234.56'. Default false. */
  grouping?: boolean;
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
  checkMoneyDecimals(decimals);
  return formatFixedPoint(micros, MICRO_DECIMALS, decimals);
}

function groupThousands(unsigned: string): string {
  const point = unsigned.indexOf('.');
  const integer = point < 0 ? unsigned : unsigned.slice(0, point);
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  return point < 0 ? grouped : `${grouped}${unsigned.slice(point)}`;
}

/**
 * Formats micros for display with a currency: '$100.50', '-€2.50', or
 * '1500 JPY' when there is no symbol. Exact by default: sub-minor-unit
 * amounts show extra decimals ('$0.000001'); see the options for rounding.
 * A negative amount keeps its sign when it rounds to zero ('-$0.00'): it is
 * still a charge.
 *
 * @public
 */
export function formatMoneyWithCurrency(
  micros: Micros,
  currency: Currency,
  options?: FormatMoneyWithCurrencyOptions,
): string {
  checkMoneyDecimals(currency.minorUnits);
  const magnitude = micros < 0n ? -micros : micros;
  const shown =
    options?.precision === 'minorUnits'
      ? roundMoney(magnitude, currency.minorUnits)
      : magnitude;
  let formatted = formatMoney(shown, { decimals: currency.minorUnits });
  if (options?.grouping) formatted = groupThousands(formatted);
  const sign = micros < 0n ? '-' : '';
  return currency.symbol
    ? `${sign}${currency.symbol}${formatted}`
    : `${sign}${formatted} ${currency.code}`;
}
