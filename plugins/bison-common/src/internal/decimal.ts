import Big from 'big.js';

/**
 * A private big.js constructor, so our settings neither leak into nor depend
 * on other users of big.js in the same process.
 *
 * Only string (or Big) inputs are accepted: strict mode throws on JS numbers,
 * which keeps floats out of every exact computation.
 */
// eslint-disable-next-line new-cap -- Big() is big.js's constructor factory
export const Decimal = Big();
Decimal.DP = 64;
Decimal.RM = Decimal.roundHalfEven;
Decimal.strict = true;

/** Plain decimal notation: optional '-', digits, optional '.' and digits. */
export const PLAIN_DECIMAL = /^-?[0-9]+(?:\.[0-9]+)?$/;

/** Exact, non-exponential string of a Big; never returns '-0'. */
export function decimalToString(value: Big): string {
  return value.eq('0') ? '0' : value.toFixed();
}
