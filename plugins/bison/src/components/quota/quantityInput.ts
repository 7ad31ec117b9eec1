import {
  InvalidQuantityError,
  parseQuantity,
  Quantity,
  toCores,
  toDevices,
  toGiB,
} from '@bison/plugin-bison-common';
import { QuantityKind } from './quantityKinds';

/** A quantity as typed: a plain number and the id of the unit chosen next to it. */
export interface QuantityInput {
  amount: string;
  unit: string;
}

/** A unit of the unit select: its id (also the option value) and its suffix. */
export interface UnitOption {
  id: string;
  suffix: string;
}

const UNITS: Record<QuantityKind, UnitOption[]> = {
  cpu: [
    { id: 'cores', suffix: '' },
    { id: 'millicores', suffix: 'm' },
  ],
  memory: [
    { id: 'Mi', suffix: 'Mi' },
    { id: 'Gi', suffix: 'Gi' },
    { id: 'Ti', suffix: 'Ti' },
  ],
  count: [{ id: '', suffix: '' }],
};

const DEFAULT_UNIT: Record<QuantityKind, string> = {
  cpu: 'cores',
  memory: 'Gi',
  count: '',
};

/** The units a kind can be typed in; a single unit means no select. */
export function unitOptions(kind: QuantityKind): UnitOption[] {
  return UNITS[kind];
}

/** An empty input: no limit, in the kind's usual unit. */
export function emptyInput(kind: QuantityKind): QuantityInput {
  return { amount: '', unit: DEFAULT_UNIT[kind] };
}

const NANOS_PER_UNIT = 10n ** 9n;
const NANOS_PER_MILLI = 10n ** 6n;
const BYTES: [string, bigint][] = [
  ['Ti', 1024n ** 4n],
  ['Gi', 1024n ** 3n],
  ['Mi', 1024n ** 2n],
];

function parseOrUndefined(text: string): Quantity | undefined {
  try {
    return parseQuantity(text);
  } catch (error) {
    if (error instanceof InvalidQuantityError) return undefined;
    throw error;
  }
}

/**
 * A stored quantity in the unit it was written in, for the editor:
 * '64Gi' → 64 Gi, '500m' → 500 millicores, '2' → 2 cores. Quantities
 * written otherwise ('68719476736', '1G', '1k') are converted exactly to
 * the largest unit that keeps them whole, else to cores or Gi with
 * decimals; never shown in bytes next to a Gi select.
 */
export function splitQuantity(text: string, kind: QuantityKind): QuantityInput {
  const trimmed = text.trim();
  if (kind === 'cpu') {
    const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(trimmed);
    if (match) {
      return { amount: match[1], unit: match[2] ? 'millicores' : 'cores' };
    }
  } else if (kind === 'memory') {
    const match = /^(\d+(?:\.\d+)?)(Mi|Gi|Ti)$/.exec(trimmed);
    if (match) return { amount: match[1], unit: match[2] };
  } else if (/^\d+$/.test(trimmed)) {
    return { amount: trimmed, unit: '' };
  }

  const quantity = parseOrUndefined(trimmed);
  if (!quantity) return { amount: trimmed, unit: DEFAULT_UNIT[kind] };
  const nanos = quantity.nanos;
  if (kind === 'cpu') {
    if (nanos % NANOS_PER_UNIT !== 0n && nanos % NANOS_PER_MILLI === 0n) {
      return { amount: String(nanos / NANOS_PER_MILLI), unit: 'millicores' };
    }
    return { amount: toCores(quantity), unit: 'cores' };
  }
  if (kind === 'memory') {
    if (nanos % NANOS_PER_UNIT === 0n) {
      const bytes = nanos / NANOS_PER_UNIT;
      for (const [unit, size] of BYTES) {
        if (bytes !== 0n && bytes % size === 0n) {
          return { amount: String(bytes / size), unit };
        }
      }
    }
    return { amount: toGiB(quantity), unit: 'Gi' };
  }
  try {
    return { amount: toDevices(quantity), unit: '' };
  } catch {
    return { amount: toCores(quantity), unit: '' };
  }
}

/** The result of checking an input: the quantity to store, or why not. */
export type QuantityCheck =
  | { ok: true; quantity: string | undefined }
  | { ok: false; message: string };

const DECIMAL = /^\d+(?:\.\d+)?$/;

/** '007' → '7', '2.50' → '2.5', '3.0' → '3'. */
function normalizeNumber(text: string): string {
  let result = text.replace(/^0+(?=\d)/, '');
  if (result.includes('.')) result = result.replace(/\.?0+$/, '');
  return result;
}

/**
 * Validates a typed quantity and writes it as a Kubernetes quantity with
 * its unit kept: 64 Gi → '64Gi', 500 millicores → '500m', 2 cores → '2'.
 * An empty amount means no limit. Exact: the number is never a float.
 */
export function joinQuantity(
  input: QuantityInput,
  kind: QuantityKind,
): QuantityCheck {
  const amount = input.amount.trim();
  if (amount === '') return { ok: true, quantity: undefined };
  const unit = UNITS[kind].find(option => option.id === input.unit);
  if (!unit) return { ok: false, message: 'choose a unit' };
  if (kind === 'count' || unit.id === 'millicores') {
    if (!/^\d+$/.test(amount)) {
      return {
        ok: false,
        message:
          kind === 'count'
            ? 'must be a whole number'
            : 'millicores must be a whole number',
      };
    }
  } else if (!DECIMAL.test(amount)) {
    return { ok: false, message: 'must be a number such as 2 or 0.5' };
  }
  if (kind === 'cpu' && unit.id === 'cores') {
    const decimals = amount.split('.')[1]?.length ?? 0;
    if (decimals > 3) {
      return {
        ok: false,
        message: 'at most 3 decimals; use millicores for finer amounts',
      };
    }
  }

  const quantity = `${normalizeNumber(amount)}${unit.suffix}`;
  let parsed: Quantity;
  try {
    parsed = parseQuantity(quantity);
  } catch (error) {
    if (error instanceof InvalidQuantityError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
  if (kind === 'memory' && parsed.nanos % NANOS_PER_UNIT !== 0n) {
    return {
      ok: false,
      message: 'is not a whole number of bytes; use a smaller unit',
    };
  }
  return { ok: true, quantity };
}
