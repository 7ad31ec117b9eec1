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
