/**
 * Formats `value / 10^scale` exactly, e.g. (1500n, 3) → '1.5'.
 *
 * Shows at least `minDecimals` decimals and more only when needed to stay
 * exact (trailing zeros beyond the minimum are trimmed).
 */
export function formatFixedPoint(
  value: bigint,
  scale: number,
  minDecimals = 0,
): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value)
    .toString()
    .padStart(scale + 1, '0');
  const integerPart = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  let end = fraction.length;
  while (end > minDecimals && fraction[end - 1] === '0') {
    end--;
  }
  fraction = fraction.slice(0, end).padEnd(minDecimals, '0');
  const unsigned = fraction ? `${integerPart}.${fraction}` : integerPart;
  return negative ? `-${unsigned}` : unsigned;
}

/**
 * `value / divisor` rounded half to even (banker's rounding), for a positive
 * divisor. Symmetric: -x rounds to exactly the negation of x.
 */
export function divideHalfEven(value: bigint, divisor: bigint): bigint {
  if (divisor <= 0n) throw new RangeError('divisor must be positive');
  const magnitude = value < 0n ? -value : value;
  let quotient = magnitude / divisor;
  const twiceRemainder = (magnitude % divisor) * 2n;
  if (
    twiceRemainder > divisor ||
    (twiceRemainder === divisor && quotient % 2n === 1n)
  ) {
    quotient += 1n;
  }
  return value < 0n ? -quotient : quotient;
}
