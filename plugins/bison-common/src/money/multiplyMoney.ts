import Big from 'big.js';
import { InvalidQuantityError } from '../errors';
import { Decimal, PLAIN_DECIMAL } from '../internal/decimal';
import { divideHalfEven } from '../internal/fixedPoint';
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
  if (typeof quantity === 'string') {
    return multiplyFixedPoint(priceMicros, quantity);
  }
  // new Decimal() also copies a caller's Big, so our settings apply to it.
  const product = new Decimal(priceMicros.toString())
    .times(new Decimal(quantity))
    .round(0, Decimal.roundHalfEven);
  return BigInt(product.toFixed(0));
}

/**
 * The same product in integer arithmetic (billing rates tens of thousands of
 * lines per window): quantity = digits / 10^scale, so the product is
 * price × digits / 10^scale, rounded half-even.
 */
function multiplyFixedPoint(priceMicros: Micros, quantity: string): Micros {
  const negative = quantity.startsWith('-');
  const unsigned = negative ? quantity.slice(1) : quantity;
  const point = unsigned.indexOf('.');
  const scale = point < 0 ? 0 : unsigned.length - point - 1;
  const digits = BigInt(point < 0 ? unsigned : unsigned.replace('.', ''));
  const product = priceMicros * (negative ? -digits : digits);
  return scale === 0 ? product : divideHalfEven(product, 10n ** BigInt(scale));
}
