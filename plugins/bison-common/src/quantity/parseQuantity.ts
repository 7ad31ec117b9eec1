import { InvalidQuantityError } from '../errors';
import {
  MAX_ABSOLUTE_NANOS,
  NANO_DECIMALS,
  Quantity,
  QuantityFormat,
} from './Quantity';

// <signedNumber><suffix>, as in k8s.io/apimachinery resource.Quantity:
//   number: digits | digits.digits | digits. | .digits (at least one digit)
//   suffix: Ki Mi Gi Ti Pi Ei | n u m '' k M G T P E | e<signedInt> E<signedInt>
const QUANTITY =
  /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:([KMGTPE]i)|[eE]([+-]?[0-9]+)|([numkMGTPE]?))$/;

const BINARY_POWERS: Record<string, bigint> = {
  Ki: 1n,
  Mi: 2n,
  Gi: 3n,
  Ti: 4n,
  Pi: 5n,
  Ei: 6n,
};

const DECIMAL_EXPONENTS: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

// Kubernetes has no length limit; ours keeps the arithmetic below cheap.
// With at most 64 characters, any non-zero value with a decimal exponent
// beyond ±100 is outside the range or the precision limit anyway.
const MAX_LENGTH = 64;
const MAX_EXPONENT = 100;

/**
 * Parses a Kubernetes resource quantity ('500m', '64Gi', '1e3', '12E-3')
 * exactly. Rejects what Kubernetes would silently round or cap: values more
 * precise than 1n (10^-9) or larger in magnitude than 2^63-1.
 *
 * @public
 */
export function parseQuantity(text: string): Quantity {
  if (typeof text !== 'string') {
    throw new InvalidQuantityError('quantity must be a string');
  }
  if (text === '') {
    throw new InvalidQuantityError('quantity is empty');
  }
  if (text.length > MAX_LENGTH) {
    throw new InvalidQuantityError(
      `quantity is longer than ${MAX_LENGTH} characters`,
    );
  }
  const match = QUANTITY.exec(text);
  const integerDigits = match?.[2] ?? '';
  const fractionDigits = match?.[3] ?? '';
  if (!match || integerDigits + fractionDigits === '') {
    throw new InvalidQuantityError(describeMalformedQuantity(text));
  }
  const [, sign, , , binarySuffix, exponentText, decimalSuffix] = match;

  let format: QuantityFormat;
  let multiplier = 1n;
  let exponent = 0;
  if (binarySuffix !== undefined) {
    format = 'BinarySI';
    multiplier = 1024n ** BINARY_POWERS[binarySuffix];
  } else if (exponentText !== undefined) {
    format = 'DecimalExponent';
    exponent = Number(exponentText);
  } else {
    format = 'DecimalSI';
    exponent = DECIMAL_EXPONENTS[decimalSuffix ?? ''];
  }

  const digits = BigInt(integerDigits + fractionDigits);
  if (digits === 0n) {
    return new Quantity(0n, format);
  }
  if (exponent > MAX_EXPONENT) {
    throw tooLarge();
  }
  if (exponent < -MAX_EXPONENT) {
    throw tooPrecise();
  }

  // nanos = digits × multiplier × 10^(exponent + 9 - fraction length)
  const power = exponent + NANO_DECIMALS - fractionDigits.length;
  let nanos = digits * multiplier;
  if (power >= 0) {
    nanos *= 10n ** BigInt(power);
  } else {
    const divisor = 10n ** BigInt(-power);
    if (nanos % divisor !== 0n) {
      throw tooPrecise();
    }
    nanos /= divisor;
  }
  if (nanos > MAX_ABSOLUTE_NANOS) {
    throw tooLarge();
  }
  return new Quantity(sign === '-' ? -nanos : nanos, format);
}

function tooLarge(): InvalidQuantityError {
  return new InvalidQuantityError(
    'quantity is larger in magnitude than the Kubernetes limit of 2^63-1',
  );
}

function tooPrecise(): InvalidQuantityError {
  return new InvalidQuantityError(
    'quantity is more precise than the Kubernetes limit of 1n (10^-9)',
  );
}

function describeMalformedQuantity(text: string): string {
  if (/\s/.test(text)) {
    return 'quantity must not contain whitespace';
  }
  const suffix = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)([a-zA-Z].*)$/.exec(text);
  if (suffix) {
    return `quantity has an unknown suffix '${suffix[1]}' (expected one of Ki Mi Gi Ti Pi Ei n u m k M G T P E, or e<exponent>)`;
  }
  return 'quantity is not a valid Kubernetes quantity (expected a number with an optional suffix, such as 500m, 64Gi or 1e3)';
}
