import {
  InvalidQuantityError,
  parseQuantity,
  Quantity,
  toCores,
  toGiB,
} from '@bison/plugin-bison-common';
import { displayUnitOf, kindOfQuotaKey } from './quantityKinds';

/**
 * Rounds an exact decimal string half away from zero to `places` decimals
 * and drops trailing zeros: ('0.931322574615478515625', 2) → '0.93'.
 */
export function roundDecimal(text: string, places: number): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = ''] = match;
  const scaled = BigInt(whole + fraction.slice(0, places).padEnd(places, '0'));
  const roundUp = fraction.length > places && fraction[places] >= '5';
  const rounded = scaled + (roundUp ? 1n : 0n);
  const digits = rounded.toString().padStart(places + 1, '0');
  const head = digits.slice(0, digits.length - places);
  const tail = digits.slice(digits.length - places).replace(/0+$/, '');
  const result = tail ? `${head}.${tail}` : head;
  return sign && rounded !== 0n ? `-${result}` : result;
}

function inDisplayUnit(quantity: Quantity, key: string): string {
  return kindOfQuotaKey(key) === 'memory' ? toGiB(quantity) : toCores(quantity);
}

function parseOrUndefined(text: string | undefined): Quantity | undefined {
  if (text === undefined) return undefined;
  try {
    return parseQuantity(text.trim());
  } catch (error) {
    if (error instanceof InvalidQuantityError) return undefined;
    throw error;
  }
}

/**
 * A quantity of a quota key as a number in its display unit, rounded to two
 * decimals: '12Gi' of memory → '12', '500m' of cpu → '0.5'. Tiny non-zero
 * amounts show as '<0.01'; unparseable text is returned as it is.
 */
export function formatQuantityIn(text: string, key: string): string {
  const quantity = parseOrUndefined(text);
  if (!quantity) return text;
  const rounded = roundDecimal(inDisplayUnit(quantity, key), 2);
  if (rounded === '0' && quantity.nanos !== 0n) return '<0.01';
  return rounded;
}

/** A quantity with its display unit: '12Gi' of memory → '12 GiB'. */
export function formatWithUnit(text: string, key: string): string {
  return `${formatQuantityIn(text, key)} ${displayUnitOf(key)}`;
}

/** Used and hard of a quota key: '12 / 64 GiB'. A missing used is zero. */
export function formatUsage(
  used: string | undefined,
  hard: string,
  key: string,
): string {
  return `${formatQuantityIn(used ?? '0', key)} / ${formatQuantityIn(
    hard,
    key,
  )} ${displayUnitOf(key)}`;
}

/**
 * Used as a percentage of hard (exact, then rounded to 0.01), undefined
 * when either does not parse. A zero hard limit is 100 % used as soon as
 * anything is used.
 */
export function usagePercent(
  used: string | undefined,
  hard: string,
): number | undefined {
  const usedQuantity = parseOrUndefined(used ?? '0');
  const hardQuantity = parseOrUndefined(hard);
  if (!usedQuantity || !hardQuantity) return undefined;
  if (hardQuantity.nanos <= 0n) return usedQuantity.nanos > 0n ? 100 : 0;
  return Number((usedQuantity.nanos * 10000n) / hardQuantity.nanos) / 100;
}

export type UsageSeverity = 'ok' | 'warning' | 'error';

/** Warning from 80 % on, error from 100 % on. */
export function usageSeverity(percent: number | undefined): UsageSeverity {
  if (percent === undefined) return 'ok';
  if (percent >= 100) return 'error';
  if (percent >= 80) return 'warning';
  return 'ok';
}
