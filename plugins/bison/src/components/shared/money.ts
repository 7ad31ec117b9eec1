import {
  formatMoneyWithCurrency,
  InvalidAmountError,
  Micros,
  parseMoney,
} from '@bison/plugin-bison-common';
import { BisonCurrency } from '../../api';

/**
 * Formats an API amount ("100.50", "-0.123456") with the currency symbol,
 * exactly: '$100.50', '-$0.123456'. Falls back to the raw string (with the
 * currency code) if the backend ever sends something that is not a plain
 * decimal.
 */
export function formatAmount(amount: string, currency: BisonCurrency): string {
  try {
    return formatMoneyWithCurrency(
      parseMoney(amount, { allowNegative: true }),
      currency,
    );
  } catch {
    return `${amount} ${currency.code}`;
  }
}

/** Whether an API amount is below zero. */
export function isNegativeAmount(amount: string): boolean {
  return amount.trim().startsWith('-');
}

/** The result of validating an amount typed by the user. */
export type AmountCheck =
  | { ok: true; micros: Micros }
  | { ok: false; message: string };

/**
 * Validates an amount typed by the user with the domain parser, at the
 * precision of the installation currency. Zero is refused unless allowed.
 */
export function checkAmount(
  text: string,
  currency: BisonCurrency,
  options?: { allowZero?: boolean },
): AmountCheck {
  try {
    const micros = parseMoney(text, { maxDecimals: currency.minorUnits });
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
