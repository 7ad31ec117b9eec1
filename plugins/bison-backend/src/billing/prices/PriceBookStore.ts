import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  dateFromDb,
  EXACT_INTEGERS,
  toDbInteger,
} from '../../database/dbValues';

/** A version of the price table. Prices are micro-units per unit-hour. */
export interface PriceBook {
  id: number;
  effectiveFrom: Date;
  prices: Record<string, bigint>;
  note?: string;
  createdAt: Date;
  createdBy: string;
}

interface PriceBookRow {
  id: number;
  effective_from: Date | number | string;
  note: string | null;
  created_at: Date | number | string;
  created_by: string;
}

/** Versioned price books; a version is never changed once written. */
export class PriceBookStore {
  constructor(private readonly knex: Knex) {}

  /** Every version, newest first. */
  async list(): Promise<PriceBook[]> {
    const rows = await this.knex<PriceBookRow>('price_books').orderBy(
      'effective_from',
      'desc',
    );
    return this.withPrices(rows);
  }

  /** The version in effect at `at`: the latest effective at or before it. */
  async at(at: Date): Promise<PriceBook | undefined> {
    const row = await this.knex<PriceBookRow>('price_books')
      .where('effective_from', '<=', at)
      .orderBy('effective_from', 'desc')
      .first();
    return row ? (await this.withPrices([row]))[0] : undefined;
  }

  async create(
    book: Omit<PriceBook, 'id' | 'createdAt'>,
    now: Date,
  ): Promise<PriceBook> {
    try {
      return await this.knex.transaction(async trx => {
        const [inserted] = await trx('price_books')
          .insert({
            effective_from: book.effectiveFrom,
            note: book.note ?? null,
            created_at: now,
            created_by: book.createdBy,
          })
          .returning('id');
        const id = typeof inserted === 'object' ? inserted.id : inserted;
        const rows = Object.entries(book.prices).map(([resource, price]) => ({
          price_book_id: id,
          resource,
          unit_price: toDbInteger(price),
        }));
        if (rows.length) await trx('prices').insert(rows);
        return { ...book, id: Number(id), createdAt: now };
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw new ConflictError(
          `a price book is already effective from ${book.effectiveFrom.toISOString()}`,
        );
      }
      throw error;
    }
  }

  private async withPrices(rows: PriceBookRow[]): Promise<PriceBook[]> {
    if (rows.length === 0) return [];
    const prices = await this.knex('prices')
      .whereIn(
        'price_book_id',
        rows.map(row => row.id),
      )
      .options(EXACT_INTEGERS);
    return rows.map(row => ({
      id: Number(row.id),
      effectiveFrom: dateFromDb(row.effective_from),
      prices: Object.fromEntries(
        prices
          .filter(price => Number(price.price_book_id) === Number(row.id))
          .map(price => [price.resource, BigInt(price.unit_price)]),
      ),
      ...(row.note ? { note: row.note } : {}),
      createdAt: dateFromDb(row.created_at),
      createdBy: row.created_by,
    }));
  }
}
