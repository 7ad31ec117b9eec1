import { ConflictError, InputError } from '@backstage/errors';
import {
  multiplyMoney,
  parseIsoInstant,
  parseMoney,
  parseQuantity,
  pricingUpdatePermission,
  toCores,
  toDevices,
  toGiB,
  findPrice,
} from '@bison/plugin-bison-common';
import Big from 'big.js';
import { PriceBook } from '../billing/prices/PriceBookStore';
import { actorOf } from './actor';
import { audited } from './audited';
import { assertBasicPermission } from './basicPermission';
import { parseField, rejectUnknownFields } from './fieldErrors';
import { moneyFormatter } from './responses';
import { ApiRouter, RouteContext } from './types';

const RESOURCE_KEY =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?(:[A-Za-z0-9][-A-Za-z0-9_.]*)?$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const MAX_PREVIEW_HOURS = 24 * 366;

function priceBookResponse(book: PriceBook, money: (micros: bigint) => string) {
  return {
    version: book.id,
    effectiveFrom: book.effectiveFrom,
    prices: Object.entries(book.prices)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([resource, micros]) => ({
        resource,
        pricePerHour: money(micros),
      })),
    ...(book.note ? { note: book.note } : {}),
    createdAt: book.createdAt,
    createdBy: book.createdBy,
  };
}

/** Unit-hours per hour of a quantity: cores, GiB or whole devices. */
function unitsOf(resource: string, quantityText: string, field: string) {
  const quantity = parseField(field, () => parseQuantity(quantityText));
  if (quantity.nanos < 0n)
    throw new InputError(`'${field}' must not be negative`);
  if (resource === 'cpu') return toCores(quantity);
  if (resource === 'memory') return toGiB(quantity);
  return parseField(field, () => toDevices(quantity));
}

export function registerPriceRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth, billing } = ctx;
  const money = moneyFormatter(ctx.settings);

  router.get('/prices', async (req, res) => {
    await httpAuth.credentials(req);
    const history = await billing.prices.list();
    const current = await billing.prices.at(new Date());
    res.json({
      current: priceBookResponse(current ?? history[history.length - 1], money),
      history: history.map(book => priceBookResponse(book, money)),
    });
  });

  router.put('/prices', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, pricingUpdatePermission);
    const body = req.body;
    rejectUnknownFields(body, ['effectiveFrom', 'prices', 'note']);
    const now = new Date();
    const effectiveFrom =
      body.effectiveFrom === undefined
        ? now
        : parseField('effectiveFrom', () =>
            parseIsoInstant(body.effectiveFrom!),
          );
    if (!Array.isArray(body.prices) || body.prices.length === 0) {
      throw new InputError("'prices' must list at least one price");
    }
    const prices: Record<string, bigint> = {};
    body.prices.forEach((entry, index) => {
      const field = `prices[${index}]`;
      rejectUnknownFields(entry, ['resource', 'pricePerHour']);
      const resource = String(entry.resource ?? '').trim();
      if (!RESOURCE_KEY.test(resource)) {
        throw new InputError(
          `'${field}.resource' is not a resource key such as cpu, memory or nvidia.com/gpu:A100: '${resource}'`,
        );
      }
      if (resource in prices) {
        throw new InputError(`'${field}.resource' repeats '${resource}'`);
      }
      prices[resource] = parseField(`${field}.pricePerHour`, () =>
        parseMoney(String(entry.pricePerHour)),
      );
    });
    const watermark = await billing.store.watermark();
    if (watermark && effectiveFrom < watermark) {
      throw new ConflictError(
        `windows up to ${watermark.toISOString()} are billed already; 'effectiveFrom' must not be earlier`,
      );
    }
    const replaced = await billing.prices.at(effectiveFrom);
    const book = await audited(
      ctx,
      req,
      {
        action: 'prices-update',
        subject: `price book from ${effectiveFrom.toISOString()}`,
        meta: { effectiveFrom: effectiveFrom.toISOString() },
        summary: created =>
          `New prices for ${
            Object.keys(created.prices).length
          } resources from ${effectiveFrom.toISOString()}`,
        before: () => replaced && priceMap(replaced.prices, money),
        after: created => priceMap(created.prices, money),
      },
      () =>
        billing.prices.create(
          {
            effectiveFrom,
            prices,
            note: body.note?.trim() || undefined,
            createdBy: actorOf(credentials),
          },
          now,
        ),
    );
    res.status(201).json(priceBookResponse(book, money));
  });

  router.post('/prices/preview', async (req, res) => {
    await httpAuth.credentials(req);
    const body = req.body;
    rejectUnknownFields(body, ['resources', 'hours']);
    const hours = String(body.hours ?? '');
    if (!DECIMAL.test(hours) || new Big(hours).gt(MAX_PREVIEW_HOURS)) {
      throw new InputError(
        `'hours' must be a decimal number of hours up to ${MAX_PREVIEW_HOURS}`,
      );
    }
    const book = await billing.prices.at(new Date());
    if (!book) throw new ConflictError('no price book is in effect');
    let total = 0n;
    const lines = body.resources.map((item, index) => {
      const field = `resources[${index}]`;
      const units = unitsOf(item.resource, item.quantity, `${field}.quantity`);
      const unitPrice = findPrice(book.prices, item.resource);
      if (unitPrice === undefined) {
        throw new InputError(
          `'${field}.resource' has no price: '${item.resource}'`,
        );
      }
      const unitHours = new Big(units).times(hours).toFixed();
      const cost = multiplyMoney(unitPrice, unitHours);
      total += cost;
      return {
        resource: item.resource,
        unitHours,
        pricePerHour: money(unitPrice),
        cost: money(cost),
      };
    });
    res.json({
      version: book.id,
      lines,
      total: money(total),
    });
  });
}

function priceMap(
  prices: Record<string, bigint>,
  money: (micros: bigint) => string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(prices).map(([resource, price]) => [resource, money(price)]),
  );
}
