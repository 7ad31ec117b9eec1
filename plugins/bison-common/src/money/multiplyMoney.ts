import Big from 'big.js';
import { InvalidQuantityError } from '../errors';
import { Decimal, PLAIN_DECIMAL } from '../internal/decimal';
import { Micros } from './micros';

/**
 * Exact product of a price in micros and a decimal quantity, rounded once,
 * half-even (banker's rounding), to a whole micro. Half-even is symmetric, so
 * a negative quantity gives exactly the negated result of the positive one.
 *
 * A string quantity must be plain decimal notation, e.g. '12.5' or '-3'.
 *
 * @public
 */
export function multiplyMoney(
  priceMicros: Micros,
  quantity: string | Big,
): Micros {
  if (typeof quantity === 'string' && !PLAIN_DECIMAL.test(quantity)) {
    throw new InvalidQuantityError(
      "quantity must be a plain decimal number such as 12.5 (digits with an optional '-' and '.')",
    );
  }
  // new Decimal() also copies a caller's Big, so our settings apply to it.
  const product = new Decimal(priceMicros.toString())
    .times(new Decimal(quantity))
    .round(0, Decimal.roundHalfEven);
  return BigInt(product.toFixed(0));
}
