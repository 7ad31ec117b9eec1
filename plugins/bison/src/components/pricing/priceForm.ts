import {
  InvalidAmountError,
  InvalidQuantityError,
  parseMoney,
  parseQuantity,
} from '@bison/plugin-bison-common';
import { NewPriceBook, Price } from '../../api';

/**
 * A resource key as the backend accepts it: an optional DNS prefix, a name
 * and an optional ':model', e.g. cpu, nvidia.com/gpu,
 * nvidia.com/gpu:NVIDIA-A100-SXM4-80GB.
 */
const RESOURCE_KEY =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?(:[A-Za-z0-9][-A-Za-z0-9_.]*)?$/;

/** Prices are stored in micro-units: at most 6 decimals. */
export const PRICE_DECIMALS = 6;

export const MAX_NOTE = 500;

/** Hours the preview accepts, as the backend: up to a leap year. */
export const MAX_PREVIEW_HOURS = 24 * 366;

/** A row of the price editor as typed. */
export interface PriceRow {
  resource: string;
  price: string;
}

export interface PriceRowErrors {
  resource?: string;
  price?: string;
}

/** Why a resource key is refused, or undefined when it is fine. */
export function checkResourceKey(resource: string): string | undefined {
  const key = resource.trim();
  if (key === '') return 'enter a resource key';
  if (!RESOURCE_KEY.test(key)) {
    return 'not a resource key such as cpu, memory or nvidia.com/gpu:A100';
  }
  return undefined;
}

/**
 * Why a price per hour is refused (a non-negative decimal with at most 6
 * decimals, zero allowed), or undefined when it is fine.
 */
export function checkPrice(price: string): string | undefined {
  try {
    parseMoney(price.trim(), { maxDecimals: PRICE_DECIMALS });
    return undefined;
  } catch (error) {
    if (error instanceof InvalidAmountError) {
      return error.message.replace(/^amount/, 'price');
    }
    throw error;
  }
}

/**
 * Validates the editor's rows. Rows left entirely blank are skipped; keys
 * may not repeat and at least one price is needed. The prices are sent as
 * typed (trimmed), never through a float.
 */
export function validatePriceRows(rows: PriceRow[]): {
  errors: PriceRowErrors[];
  formError?: string;
  prices: Price[];
} {
  const seen = new Set<string>();
  const prices: Price[] = [];
  const errors = rows.map(row => {
    const resource = row.resource.trim();
    const price = row.price.trim();
    if (resource === '' && price === '') return {};
    const rowErrors: PriceRowErrors = {};
    rowErrors.resource = checkResourceKey(resource);
    if (!rowErrors.resource && seen.has(resource)) {
      rowErrors.resource = `${resource} is priced twice`;
    }
    seen.add(resource);
    rowErrors.price = checkPrice(price);
    if (!rowErrors.resource && !rowErrors.price) {
      prices.push({ resource, pricePerHour: price });
    }
    return rowErrors;
  });
  const invalid = errors.some(e => e.resource || e.price);
  const formError =
    !invalid && prices.length === 0 ? 'add at least one price' : undefined;
  return { errors, formError, prices: invalid ? [] : prices };
}

/** A date-time input's value for an instant, in the user's time zone: '2026-03-01T09:30'. */
export function toDateTimeInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(
    at.getDate(),
  )}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant of a date-time input's value (the user's time zone) as an
 * RFC 3339 string, or undefined when it is empty or invalid.
 */
export function fromDateTimeInput(text: string): string | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map(part => Number(part ?? '0'));
  const at = new Date(year, month - 1, day, hour, minute, second);
  if (
    Number.isNaN(at.getTime()) ||
    at.getMonth() !== month - 1 ||
    at.getDate() !== day
  ) {
    return undefined;
  }
  return at.toISOString();
}

/**
 * The request creating a new version. `effectiveFrom` is left out while
 * the field still shows the time the dialog opened, so the backend makes
 * the version effective at the moment it is saved.
 */
export function newPriceBook(options: {
  prices: Price[];
  effectiveFrom: string;
  openedAt: string;
  note: string;
}): NewPriceBook | { error: string } {
  const { prices, effectiveFrom, openedAt, note } = options;
  const request: NewPriceBook = { prices };
  if (effectiveFrom !== openedAt) {
    const instant = fromDateTimeInput(effectiveFrom);
    if (!instant) return { error: 'enter a date and time' };
    request.effectiveFrom = instant;
  }
  if (note.trim()) request.note = note.trim();
  return request;
}

/** Why a Kubernetes quantity for the preview is refused, or undefined. */
export function checkQuantity(quantity: string): string | undefined {
  const text = quantity.trim();
  if (text === '') return 'enter a quantity such as 4, 500m or 64Gi';
  try {
    const parsed = parseQuantity(text);
    if (parsed.nanos < 0n) return 'must not be negative';
    return undefined;
  } catch (error) {
    if (error instanceof InvalidQuantityError) return error.message;
    throw error;
  }
}

/** Why a number of hours for the preview is refused, or undefined. */
export function checkHours(hours: string): string | undefined {
  const text = hours.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) {
    return 'enter a number of hours such as 730';
  }
  const whole = text.split('.')[0].replace(/^0+(?=\d)/, '');
  const max = String(MAX_PREVIEW_HOURS);
  const tooMany =
    whole.length > max.length ||
    (whole.length === max.length && whole > max) ||
    (whole === max && /\.\d*[1-9]/.test(text));
  return tooMany ? `at most ${MAX_PREVIEW_HOURS} hours` : undefined;
}

/** The field of the price editor a backend message names, if any. */
export type ServerField =
  | { kind: 'price'; index: number; field: 'resource' | 'price' }
  | { kind: 'effectiveFrom' };

/**
 * Which field a backend error names: "'prices[1].pricePerHour' ..." is the
 * price of the second price sent, "... 'effectiveFrom' must not be earlier"
 * the effective date.
 */
export function serverFieldOf(message: string): ServerField | undefined {
  const price = /'prices\[(\d+)\]\.(resource|pricePerHour)'/.exec(message);
  if (price) {
    return {
      kind: 'price',
      index: Number(price[1]),
      field: price[2] === 'resource' ? 'resource' : 'price',
    };
  }
  if (message.includes("'effectiveFrom'")) return { kind: 'effectiveFrom' };
  return undefined;
}
