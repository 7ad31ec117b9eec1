// Exact decimal arithmetic for the usage sources, on big.js: once a figure is
// parsed, no float arithmetic touches it.
import Big from 'big.js';

/**
 * A private big.js constructor, so our settings neither leak into nor depend
 * on other users of big.js in the same process. Strict mode throws on JS
 * numbers, which keeps floats out of every computation. DP is only set, for
 * one division at a time, by {@link divideRounded}.
 */
// eslint-disable-next-line new-cap -- Big() is big.js's constructor factory
const Decimal = Big();
Decimal.DP = 0;
Decimal.RM = Decimal.roundHalfEven;
Decimal.strict = true;

/**
 * An exact decimal. Make one with {@link parseDecimal} or
 * {@link decimalFromJsonNumber} and work on it with this module's functions.
 */
export type ExactDecimal = Big;

/** Bytes in a GiB. */
export const BYTES_PER_GIB = 2n ** 30n;

// Plain or exponent notation: what String(number) prints, and what
// Prometheus' HTTP API prints (Go's strconv.FormatFloat(v, 'f', -1, 64)).
const NUMBER_TEXT = /^([+-]?)[0-9]+(?:\.[0-9]*)?(?:[eE]([+-]?[0-9]+))?$/;

/** Larger exponents are refused rather than expanded into huge numbers. */
const MAX_EXPONENT = 400;

/**
 * The exact decimal a number text stands for, e.g. '0.1' → 1/10 (not the
 * double nearest to it); '1.5E-7', '+4' and '5.' are read too. Throws
 * RangeError on NaN, ±Inf and anything that is not a number.
 */
export function parseDecimal(text: string): ExactDecimal {
  const match = NUMBER_TEXT.exec(text);
  if (!match) {
    throw new RangeError(`not a finite number: '${text.slice(0, 40)}'`);
  }
  const [, sign, exponent = '0'] = match;
  if (Math.abs(Number(exponent)) > MAX_EXPONENT) {
    throw new RangeError(`number out of range: '${text.slice(0, 40)}'`);
  }
  return new Decimal(sign === '+' ? text.slice(1) : text);
}

/**
 * The exact decimal a JSON number stands for. String() returns the shortest
 * decimal that reads back as the same double, so for a figure printed with
 * few decimals (OpenCost rounds to 5) that is exactly the decimal printed.
 */
export function decimalFromJsonNumber(value: number): ExactDecimal {
  if (!Number.isFinite(value)) {
    throw new RangeError(`not a finite number: ${value}`);
  }
  return parseDecimal(String(value));
}

/** Exact sum. */
export function addDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return a.plus(b);
}

/** Whether value is below zero (-0 is not). */
export function isNegative(value: ExactDecimal): boolean {
  return value.lt('0');
}

/** Whether value is zero (or -0). */
export function isZero(value: ExactDecimal): boolean {
  return value.eq('0');
}

/**
 * `value / divisor`, rounded once, half to even, to `decimals` decimals: e.g.
 * 25 core-minutes / 60 → 0.416667 with 6 decimals.
 */
export function divideRounded(
  value: ExactDecimal,
  divisor: bigint,
  decimals: number,
): ExactDecimal {
  if (divisor <= 0n) throw new RangeError('divisor must be positive');
  const dp = Decimal.DP;
  Decimal.DP = decimals;
  try {
    return value.div(divisor.toString());
  } finally {
    Decimal.DP = dp;
  }
}

/**
 * Plain decimal notation without trailing zeros: '1.5', '64', '0.00001';
 * never exponents, never '-0'.
 */
export function formatDecimal(value: ExactDecimal): string {
  return isZero(value) ? '0' : value.toFixed();
}
