import { Micros } from './micros';

// Plain bigint arithmetic, named so that money code reads as money code.
// None of these clamp: range limits are enforced where values enter
// (parseMoney, moneyFromDb) or are stored.

/** @public */
export function addMoney(a: Micros, b: Micros): Micros {
  return a + b;
}

/** @public */
export function subtractMoney(a: Micros, b: Micros): Micros {
  return a - b;
}

/** @public */
export function negateMoney(a: Micros): Micros {
  return -a;
}

/** @public */
export function compareMoney(a: Micros, b: Micros): -1 | 0 | 1 {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

/** @public */
export function sumMoney(amounts: Iterable<Micros>): Micros {
  let total = 0n;
  for (const amount of amounts) {
    total += amount;
  }
  return total;
}
