import { NANOS_PER_UNIT, Quantity } from './Quantity';

const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const DECIMAL_SUFFIXES: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};

/**
 * Formats a quantity in Kubernetes' canonical form (as `Quantity.String()`):
 *
 * - zero is '0';
 * - BinarySI values that are whole and at least 1024 in magnitude use the
 *   largest binary suffix that keeps the mantissa an integer:
 *   64Gi → '64Gi', 1.5Gi → '1536Mi', 10000 bytes → '10000';
 * - everything else (including BinarySI values below 1024 or with a
 *   fraction, e.g. 0.5Ki → '512') is written as an integer mantissa times a
 *   power of 1000, using the largest such power that keeps the mantissa an
 *   integer: 0.5 → '500m', 1500 → '1500', 2000 → '2k'. DecimalSI writes the
 *   power as a suffix (n u m '' k M G T P E), DecimalExponent as 'e<n>'
 *   (12E-3 → '12e-3', 1000 → '1e3').
 *
 * @public
 */
export function formatQuantity(quantity: Quantity): string {
  const nanos = quantity.nanos;
  if (nanos === 0n) {
    return '0';
  }
  const sign = nanos < 0n ? '-' : '';
  const magnitude = nanos < 0n ? -nanos : nanos;

  if (
    quantity.format === 'BinarySI' &&
    magnitude % NANOS_PER_UNIT === 0n &&
    magnitude >= 1024n * NANOS_PER_UNIT
  ) {
    let mantissa = magnitude / NANOS_PER_UNIT;
    let power = 0;
    // The 2^63-1 limit guarantees power stays within 'Ei'.
    while (mantissa % 1024n === 0n) {
      mantissa /= 1024n;
      power++;
    }
    return `${sign}${mantissa}${BINARY_SUFFIXES[power]}`;
  }

  let mantissa = magnitude;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  // Lower the exponent to a multiple of 3 (floor), growing the mantissa.
  const excess = ((exponent % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(excess);
  exponent -= excess;

  if (quantity.format === 'DecimalExponent') {
    return `${sign}${mantissa}${exponent === 0 ? '' : `e${exponent}`}`;
  }
  // Precision and range limits keep the exponent within n..E.
  return `${sign}${mantissa}${DECIMAL_SUFFIXES[exponent]}`;
}
