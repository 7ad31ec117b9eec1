import Big from 'big.js';
import { Decimal } from '../internal/decimal';
import { formatFixedPoint } from '../internal/fixedPoint';

/**
 * How a quantity was written, which decides how it is formatted back
 * (mirrors Kubernetes' resource.Format).
 *
 * @public
 */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

/** Quantities are stored as an integer number of nano-units (10^-9). */
export const NANO_DECIMALS = 9;
export const NANOS_PER_UNIT = 10n ** 9n;

/**
 * Kubernetes' own limits: no quantity may exceed 2^63-1 in magnitude, and
 * 1n (10^-9) is the finest precision it keeps. Within these limits every
 * value is an integer number of nano-units, so we store exactly that.
 */
export const MAX_ABSOLUTE_NANOS = (2n ** 63n - 1n) * NANOS_PER_UNIT;

/**
 * An exact, immutable Kubernetes resource quantity.
 * Create one with {@link parseQuantity}.
 *
 * @public
 */
export class Quantity {
  readonly #nanos: bigint;
  readonly format: QuantityFormat;

  /**
   * @param nanos - the value in integer nano-units (10^-9)
   * @param format - how to format the value back
   */
  constructor(nanos: bigint, format: QuantityFormat) {
    if (nanos > MAX_ABSOLUTE_NANOS || nanos < -MAX_ABSOLUTE_NANOS) {
      throw new RangeError(
        'quantity is larger in magnitude than the Kubernetes limit of 2^63-1',
      );
    }
    this.#nanos = nanos;
    this.format = format;
    Object.freeze(this);
  }

  /** The value in integer nano-units (10^-9), e.g. 500m → 500_000_000n. */
  get nanos(): bigint {
    return this.#nanos;
  }

  /** The exact value as a (fresh) Big, e.g. 500m → 0.5. */
  get value(): Big {
    return new Decimal(formatFixedPoint(this.#nanos, NANO_DECIMALS));
  }
}
