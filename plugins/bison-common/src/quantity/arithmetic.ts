import { Quantity } from './Quantity';

/** @public */
export function compareQuantity(a: Quantity, b: Quantity): -1 | 0 | 1 {
  if (a.nanos < b.nanos) {
    return -1;
  }
  return a.nanos > b.nanos ? 1 : 0;
}

/**
 * Exact sum. Keeps the format of `a`, unless `a` is zero (as Kubernetes does).
 * Throws RangeError if the sum exceeds the Kubernetes limit of 2^63-1.
 *
 * @public
 */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const format = a.nanos === 0n ? b.format : a.format;
  return new Quantity(a.nanos + b.nanos, format);
}
