import { Knex } from 'knex';

/** How far each event source (a table read by id) was turned into messages. */
export class CursorStore {
  constructor(private readonly knex: Knex) {}

  /**
   * The position of a source; the first time, the source's newest id now,
   * so that installing alerts does not replay history.
   */
  async position(source: string, newestId: () => Promise<bigint>) {
    const row = await this.knex('alert_cursors').where({ source }).first();
    if (row) return BigInt(row.position);
    const position = await newestId();
    await this.knex('alert_cursors')
      .insert({ source, position: position.toString(), updated_at: new Date() })
      .onConflict('source')
      .ignore();
    const stored = await this.knex('alert_cursors').where({ source }).first();
    return BigInt(stored.position);
  }

  /** Moves a source forward, never back (replicas may race; messages are idempotent). */
  async advance(
    trx: Knex.Transaction,
    source: string,
    position: bigint,
    now: Date,
  ): Promise<void> {
    await trx('alert_cursors')
      .where({ source })
      .where('position', '<', position.toString())
      .update({ position: position.toString(), updated_at: now });
  }
}
