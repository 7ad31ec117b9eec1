// Exact decimal handling of the numbers Prometheus answers with, on bigint
// only: once a sample value is parsed, no float arithmetic touches it.

/** An exact decimal `units / 10^scale`, with scale >= 0. */
export interface ScaledDecimal {
  units: bigint;
  scale: number;
}

/**
 * Decimals of every quantity this source reports, rounded half to even.
 * Prometheus sums floats, so its answers carry float noise around the 15th
 * significant digit (2.0000000000000004 core-hours); 6 decimals remove it and
 * keep a millionth of a core-hour or GiB-hour, far below any price step.
 */
export const USAGE_DECIMALS = 6;

// Go's strconv.FormatFloat(v, 'f', -1, 64) (what the HTTP API prints) gives
// plain notation; exponent notation is accepted as well.
const FLOAT_TEXT = /^([+-]?)([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;

/**
 * The exact decimal a sample value string stands for, e.g. '0.1' → 1/10
 * (not the double nearest to it). Throws RangeError on NaN, ±Inf and
 * anything that is not a number.
 */
export function parseSampleValue(text: string): ScaledDecimal {
  const match = FLOAT_TEXT.exec(text);
  if (!match) {
    throw new RangeError(`not a finite number: '${text.slice(0, 40)}'`);
  }
  const [, sign, integer, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) {
    throw new RangeError(`number out of range: '${text.slice(0, 40)}'`);
  }
  let units = BigInt(`${integer}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

/** Exact sum. */
export function addDecimals(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
  const scale = Math.max(a.scale, b.scale);
  return {
    units:
      a.units * 10n ** BigInt(scale - a.scale) +
      b.units * 10n ** BigInt(scale - b.scale),
    scale,
  };
}

/** numerator / denominator rounded half to even; denominator > 0. */
function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  if (
    twiceRemainder > denominator ||
    (twiceRemainder === denominator && quotient % 2n === 1n)
  ) {
    quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

/** Plain decimal notation without trailing zeros: '1.5', '64', '0.000001'. */
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

/**
 * `value / divisor`, rounded half to even to `decimals` decimals, as a plain
 * decimal string: e.g. 25 core-minutes / 60 → '0.416667'.
 */
export function divideRounded(
  value: ScaledDecimal,
  divisor: bigint,
  decimals: number = USAGE_DECIMALS,
): string {
  if (divisor <= 0n) throw new RangeError('divisor must be positive');
  const numerator = value.units * 10n ** BigInt(decimals);
  const denominator = 10n ** BigInt(value.scale) * divisor;
  return formatDecimal({
    units: divideHalfEven(numerator, denominator),
    scale: decimals,
  });
}
