import { InvalidAmountError } from '../errors';
import {
  MAX_AMOUNT_MICROS,
  MICRO_DECIMALS,
  MICROS_PER_UNIT,
  Micros,
} from './micros';

/** @public */
export interface ParseMoneyOptions {
  /** Maximum number of decimals accepted, 0..6. Default 6. */
  maxDecimals?: number;
  /** Accept a leading '-'. Default false. */
  allowNegative?: boolean;
}

const PLAIN_AMOUNT = /^(-?)([0-9]+)(?:\.([0-9]+))?$/;

/**
 * Parses a plain decimal string such as '12.50' into micros, exactly.
 *
 * Only digits, one optional '.' with at least one digit on each side and (if
 * allowed) a leading '-' are accepted: no '+', exponents, separators,
 * whitespace, 'NaN' or 'Infinity'. The absolute value may not exceed
 * {@link MAX_AMOUNT_MICROS}.
 *
 * @public
 */
export function parseMoney(text: string, options?: ParseMoneyOptions): Micros {
  const maxDecimals = options?.maxDecimals ?? MICRO_DECIMALS;
  if (
    !Number.isInteger(maxDecimals) ||
    maxDecimals < 0 ||
    maxDecimals > MICRO_DECIMALS
  ) {
    throw new RangeError(
      `maximum decimals must be an integer from 0 to ${MICRO_DECIMALS}, got ${maxDecimals}`,
    );
  }
  const allowNegative = options?.allowNegative ?? false;

  if (typeof text !== 'string') {
    throw new InvalidAmountError('amount must be a string');
  }
  const match = PLAIN_AMOUNT.exec(text);
  if (!match) {
    throw new InvalidAmountError(describeMalformedAmount(text));
  }
  const [, sign, integerDigits, fractionDigits = ''] = match;
  if (sign && !allowNegative) {
    throw new InvalidAmountError('amount must not be negative');
  }
  if (fractionDigits.length > maxDecimals) {
    throw new InvalidAmountError(
      maxDecimals === 0
        ? 'amount must be a whole number'
        : `amount has more than ${maxDecimals} decimal places`,
    );
  }

  const maxIntegerDigits = (MAX_AMOUNT_MICROS / MICROS_PER_UNIT).toString()
    .length;
  // Cheap guard before BigInt() so huge inputs are rejected without work.
  if (integerDigits.replace(/^0+/, '').length > maxIntegerDigits) {
    throw tooLarge();
  }
  const magnitude = BigInt(
    integerDigits + fractionDigits.padEnd(MICRO_DECIMALS, '0'),
  );
  if (magnitude > MAX_AMOUNT_MICROS) {
    throw tooLarge();
  }
  return sign ? -magnitude : magnitude;
}

function tooLarge(): InvalidAmountError {
  return new InvalidAmountError(
    `amount exceeds the maximum of ${MAX_AMOUNT_MICROS / MICROS_PER_UNIT}`,
  );
}

function describeMalformedAmount(text: string): string {
  if (text === '') {
    return 'amount is empty';
  }
  if (/\s/.test(text)) {
    return 'amount must not contain whitespace';
  }
  if (text.startsWith('+')) {
    return "amount must not start with '+'";
  }
  if (text.includes(',')) {
    return "amount must not contain ','; use '.' as the decimal separator";
  }
  if (/^-?\./.test(text)) {
    return "amount must have a digit before '.'";
  }
  if (text.endsWith('.')) {
    return "amount must have a digit after '.'";
  }
  if (/^-?[0-9.]+[eE][-+]?[0-9]+$/.test(text)) {
    return 'amount must not use exponent notation';
  }
  return "amount must be a plain decimal number such as 12.50 (digits with an optional '.')";
}
