import { InvalidQuantityError } from '../errors';
import { formatFixedPoint } from '../internal/fixedPoint';
import { NANO_DECIMALS, NANOS_PER_UNIT, Quantity } from './Quantity';

// All conversions return exact plain decimal strings ('0.5', '64'), the
// same notation parseMoney/multiplyMoney and usage lines accept.

/**
 * CPU cores as an exact decimal string: '500m' → '0.5', '2' → '2'.
 *
 * @public
 */
export function toCores(quantity: Quantity): string {
  return formatFixedPoint(quantity.nanos, NANO_DECIMALS);
}

/**
 * Memory in GiB (2^30 bytes) as an exact decimal string:
 * '64Gi' → '64', '1G' → '0.931322574615478515625'.
 *
 * @public
 */
export function toGiB(quantity: Quantity): string {
  // x / 2^30 = x × 5^30 / 10^30, so the result is an exact terminating decimal.
  return formatFixedPoint(quantity.nanos * 5n ** 30n, NANO_DECIMALS + 30);
}

/**
 * Whole devices (e.g. GPUs) as an integer string: '2' → '2'.
 * Throws InvalidQuantityError for fractional values.
 *
 * @public
 */
export function toDevices(quantity: Quantity): string {
  if (quantity.nanos % NANOS_PER_UNIT !== 0n) {
    throw new InvalidQuantityError('quantity is not a whole number of devices');
  }
  return (quantity.nanos / NANOS_PER_UNIT).toString();
}
