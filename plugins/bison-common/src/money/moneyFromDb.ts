import { InvalidAmountError } from '../errors';
import { MAX_BALANCE_MICROS, Micros } from './micros';

/**
 * Converts a stored micros column back to {@link Micros}. Postgres returns
 * bigint columns as strings, SQLite as numbers (or bigints in safe-integer
 * mode). Rejects anything that is not an integer within ±(2^63-1), and
 * numbers beyond 2^53 that may already have lost precision.
 *
 * @public
 */
export function moneyFromDb(value: string | number | bigint): Micros {
  let micros: bigint;
  if (typeof value === 'bigint') {
    micros = value;
  } else if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw new InvalidAmountError(
        `stored amount is not an integer number of micros: ${value}`,
      );
    }
    if (!Number.isSafeInteger(value)) {
      throw new InvalidAmountError(
        `stored amount ${value} is beyond 2^53 and may have lost precision; read it as a string or bigint`,
      );
    }
    micros = BigInt(value);
  } else if (typeof value === 'string') {
    if (!/^-?[0-9]+$/.test(value)) {
      throw new InvalidAmountError(
        'stored amount is not an integer number of micros',
      );
    }
    // Cheap guard before BigInt(): anything this long is out of range anyway.
    if (value.replace(/^-?0*/, '').length > 19) {
      throw outOfRange();
    }
    micros = BigInt(value);
  } else {
    throw new InvalidAmountError(
      `stored amount has unexpected type ${typeof value}`,
    );
  }
  if (micros > MAX_BALANCE_MICROS || micros < -MAX_BALANCE_MICROS) {
    throw outOfRange();
  }
  return micros;
}

function outOfRange(): InvalidAmountError {
  return new InvalidAmountError(
    'stored amount is outside the 64-bit range ±(2^63-1)',
  );
}
