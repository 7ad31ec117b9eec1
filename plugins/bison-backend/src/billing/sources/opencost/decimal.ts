// Exact decimal helpers for OpenCost figures, on bigint only: no float
// arithmetic ever touches a quantity. (big.js is not a dependency of this
// package, and bison-common keeps its decimal helpers internal.)

/** An exact decimal `units / 10^scale`, with scale >= 0. */
export interface ScaledDecimal {
  units: bigint;
  scale: number;
}

/** Decimals kept for memory GiB-hours (rounded half-even). */
export const MEMORY_DECIMALS = 9;

const BYTES_PER_GIB = 2n ** 30n;

// What String(number) prints for a finite number: plain or exponent notation.
const NUMBER_TEXT = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:e([+-]?[0-9]+))?$/;

/**
 * The exact decimal a JSON number stands for. OpenCost rounds its figures to
 * 5 decimals before printing them, and String() returns the shortest decimal
 * that reads back as the same double: exactly the decimal OpenCost printed.
 */
export function decimalFromJsonNumber(value: number): ScaledDecimal {
  if (!Number.isFinite(value)) {
    throw new RangeError(`not a finite number: ${value}`);
  }
  const match = NUMBER_TEXT.exec(String(value));
  if (!match) {
    throw new RangeError(`unexpected number notation: ${String(value)}`);
  }
  const [, sign, integer, fraction = '', exponentText = '0'] = match;
  let units = BigInt(`${integer}${fraction}`);
  let scale = fraction.length - Number(exponentText);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

/** Plain decimal notation without trailing zeros: '1.5', '64', '0.00001'. */
export function formatDecimal({ units, scale }: ScaledDecimal): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units)
    .toString()
    .padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const unsigned = fraction ? `${integer}.${fraction}` : integer;
  return negative && unsigned !== '0' ? `-${unsigned}` : unsigned;
}

/** numerator / denominator rounded half to even; both non-negative. */
function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  if (
    twiceRemainder > denominator ||
    (twiceRemainder === denominator && quotient % 2n === 1n)
  ) {
    return quotient + 1n;
  }
  return quotient;
}

/**
 * Byte-hours to GiB-hours (2^30 bytes), rounded half to even to
 * {@link MEMORY_DECIMALS} decimals. Exact division would terminate too
 * (x / 2^30 = x × 5^30 / 10^30) but can need 35 decimals; a nano-GiB-hour
 * is about one byte-hour, far below what anybody is charged for.
 */
export function byteHoursToGiBHours(byteHours: ScaledDecimal): ScaledDecimal {
  if (byteHours.units < 0n) {
    throw new RangeError('byte-hours must not be negative');
  }
  const numerator = byteHours.units * 10n ** BigInt(MEMORY_DECIMALS);
  const denominator = 10n ** BigInt(byteHours.scale) * BYTES_PER_GIB;
  return {
    units: divideHalfEven(numerator, denominator),
    scale: MEMORY_DECIMALS,
  };
}
