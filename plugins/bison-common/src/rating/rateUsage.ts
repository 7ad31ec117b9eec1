import Big from 'big.js';
import { InvalidAmountError, InvalidQuantityError } from '../errors';
import { Decimal, decimalToString } from '../internal/decimal';
import { Micros } from '../money/micros';
import { multiplyMoney } from '../money/multiplyMoney';
import { findPrice } from './findPrice';
import {
  CostLine,
  PriceTable,
  RateUsageOptions,
  RatedUsage,
  UsageLine,
} from './types';
import { UnpricedResourceError } from './UnpricedResourceError';

const NON_NEGATIVE_DECIMAL = /^[0-9]+(?:\.[0-9]+)?$/;

/**
 * Prices usage. Lines with the same (namespace, resource) are first summed
 * exactly, then each merged line is priced and rounded half-even once to a
 * whole micro (see {@link multiplyMoney}); the total is the exact sum of the
 * line costs. Prices are looked up with {@link findPrice}.
 *
 * Output quantities are the exact merged sums in normalized notation
 * ('1.50' becomes '1.5').
 *
 * @public
 */
export function rateUsage(
  usage: UsageLine[],
  prices: PriceTable,
  options?: RateUsageOptions,
): RatedUsage {
  const onUnpriced = options?.onUnpriced ?? 'error';
  if (!['error', 'skip', 'zero'].includes(onUnpriced)) {
    throw new RangeError(
      `unpriced policy must be 'error', 'skip' or 'zero', got '${onUnpriced}'`,
    );
  }

  const lines: CostLine[] = [];
  const unpriced: UsageLine[] = [];
  let totalMicros = 0n;
  for (const line of mergeUsage(usage)) {
    let unitPriceMicros = findPrice(prices, line.resource);
    if (unitPriceMicros === undefined) {
      if (onUnpriced === 'error') {
        throw new UnpricedResourceError(line.namespace, line.resource);
      }
      unpriced.push(line);
      if (onUnpriced === 'skip') {
        continue;
      }
      unitPriceMicros = 0n;
    }
    checkPrice(unitPriceMicros);
    const costMicros = multiplyMoney(unitPriceMicros, line.quantity);
    lines.push({ ...line, unitPriceMicros, costMicros });
    totalMicros += costMicros;
  }
  return { lines, totalMicros, unpriced };
}

/**
 * Sums the quantities of lines with the same (namespace, resource). Most
 * lines are unique, so decimals are only built for the repeated ones.
 */
function mergeUsage(usage: UsageLine[]): UsageLine[] {
  const merged = new Map<
    string,
    { namespace: string; resource: string; quantity: string | Big }
  >();
  for (const line of usage) {
    checkUsageLine(line);
    const key = `${line.namespace}\u0000${line.resource}`;
    const existing = merged.get(key);
    if (existing) {
      existing.quantity = new Decimal(existing.quantity).plus(line.quantity);
    } else {
      merged.set(key, {
        namespace: line.namespace,
        resource: line.resource,
        quantity: line.quantity,
      });
    }
  }
  return [...merged.values()].map(line => ({
    namespace: line.namespace,
    resource: line.resource,
    quantity:
      typeof line.quantity === 'string'
        ? normalizeDecimal(line.quantity)
        : decimalToString(line.quantity),
  }));
}

/** '007.50' → '7.5', '0.0' → '0': the notation Big's toFixed() gives. */
function normalizeDecimal(text: string): string {
  let [whole, fraction = ''] = text.split('.');
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

function checkUsageLine(line: UsageLine): void {
  if (typeof line.namespace !== 'string' || line.namespace === '') {
    throw new RangeError('usage line has an empty namespace');
  }
  if (typeof line.resource !== 'string' || line.resource === '') {
    throw new RangeError('usage line has an empty resource');
  }
  if (
    typeof line.quantity !== 'string' ||
    !NON_NEGATIVE_DECIMAL.test(line.quantity)
  ) {
    throw new InvalidQuantityError(
      "usage quantity must be a non-negative plain decimal number such as 12.5 (digits with an optional '.')",
    );
  }
}

function checkPrice(price: Micros): void {
  if (typeof price !== 'bigint') {
    throw new InvalidAmountError('price must be a bigint number of micros');
  }
  if (price < 0n) {
    throw new InvalidAmountError('price must not be negative');
  }
}
