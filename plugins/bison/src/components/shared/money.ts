import {
  formatMoneyWithCurrency,
  InvalidAmountError,
  Micros,
  parseMoney,
} from '@bison/plugin-bison-common';
import { BisonCurrency } from '../../api';

function formatApiAmount(
  amount: string,
  currency: BisonCurrency,
  precision: 'exact' | 'minorUnits',
): string {
  try {
    return formatMoneyWithCurrency(
      parseMoney(amount, { allowNegative: true }),
      currency,
      { precision, grouping: true },
    );
  } catch {
    // Not a plain decimal: show what the backend sent rather than nothing.
    return `${amount} ${currency.code}`;
  }
}

/**
 * An API amount ("644.91495") as people read it: rounded half to even to the
 * currency's minor units, with thousands separators: '$644.91',
 * '-$1,234.50'. Balances and costs are exact in the ledger; show the exact
 * value next to this one (see `Money`) where it can differ.
 */
export function formatAmount(amount: string, currency: BisonCurrency): string {
  return formatApiAmount(amount, currency, 'minorUnits');
}

/**
 * An API amount exactly, with every decimal it has: '$644.91495',
 * '$0.000001'. For prices per unit-hour, which are set below a cent, and for
 * the exact value behind a rounded one.
 */
export function formatExactAmount(
  amount: string,
  currency: BisonCurrency,
): string {
  return formatApiAmount(amount, currency, 'exact');
}

/** Whether an API amount is below zero. */
export function isNegativeAmount(amount: string): boolean {
  return amount.trim().startsWith('-');
}

/** Whether an API amount is zero ("0", "0.00", "-0.00"). */
export function isZeroAmount(amount: string): boolean {
  return /^-?0+(\.0+)?$/.test(amount.trim());
}

/** The result of validating an amount typed by the user. */
export type AmountCheck =
  | { ok: true; micros: Micros }
  | { ok: false; message: string };

/**
 * Validates an amount typed by the user with the domain parser, at the
 * precision of the installation currency. Zero and negative amounts are
 * refused unless allowed.
 */
export function checkAmount(
  text: string,
  currency: BisonCurrency,
  options?: { allowZero?: boolean; allowNegative?: boolean },
): AmountCheck {
  try {
    const micros = parseMoney(text, {
      maxDecimals: currency.minorUnits,
      allowNegative: options?.allowNegative,
    });
    if (micros === 0n && !options?.allowZero) {
      return { ok: false, message: 'amount must be greater than zero' };
    }
    return { ok: true, micros };
  } catch (error) {
    if (error instanceof InvalidAmountError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}

/** A hint for amount fields: 'In USD, up to 2 decimals'. */
export function amountHint(currency: BisonCurrency): string {
  if (currency.minorUnits === 0) return `In ${currency.code}, whole amounts`;
  return `In ${currency.code}, up to ${currency.minorUnits} decimal${
    currency.minorUnits === 1 ? '' : 's'
  }`;
}
