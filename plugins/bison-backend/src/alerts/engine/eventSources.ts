import { moneyFromDb } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { dateFromDb, EXACT_INTEGERS } from '../../database/dbValues';
import { EventRule } from '../rules';

/** Something that happened to a team, read from another domain's table. */
export interface TeamEvent {
  source: string;
  id: bigint;
  teamId: string;
  kind: EventRule['kind'];
  at: Date;
  details: Record<string, string | number>;
  /** Money amounts in the details, formatted when worded. */
  amount?: bigint;
}

export interface EventSource {
  name: string;
  newestId(knex: Knex): Promise<bigint>;
  /** Rows after `position`, oldest first, as events (rows that are none skipped). */
  readAfter(
    knex: Knex,
    position: bigint,
    limit: number,
  ): Promise<{ events: TeamEvent[]; last: bigint }>;
}

const maxId = async (query: Knex.QueryBuilder) => {
  const row = await query.max({ id: 'id' }).first();
  return row?.id === null || row?.id === undefined ? 0n : BigInt(row.id);
};

/** A wallet leaving `suspended`: the team was resumed. */
export const walletEventsSource: EventSource = {
  name: 'wallet_events',
  newestId: knex => maxId(knex('wallet_events')),
  async readAfter(knex, position, limit) {
    const rows = await knex('wallet_events')
      .where('id', '>', position.toString())
      .orderBy('id')
      .limit(limit)
      .options(EXACT_INTEGERS);
    const events = rows
      .filter(
        row => row.from_state === 'suspended' && row.to_state !== 'suspended',
      )
      .map(row => ({
        source: 'wallet_events',
        id: BigInt(row.id),
        teamId: row.team_id,
        kind: 'resumed' as const,
        at: dateFromDb(row.created_at),
        details: { state: row.to_state, reason: row.reason },
        amount: moneyFromDb(row.balance),
      }));
    const last = rows.length ? BigInt(rows[rows.length - 1].id) : position;
    return { events, last };
  },
};

/** Auto-recharge postings in the ledger. */
export const autoRechargeSource: EventSource = {
  name: 'ledger_auto_recharge',
  newestId: knex => maxId(knex('ledger_entries')),
  async readAfter(knex, position, limit) {
    const rows = await knex('ledger_entries')
      .where('kind', 'auto_recharge')
      .where('id', '>', position.toString())
      .orderBy('id')
      .limit(limit)
      .select('id', 'team_id', 'amount', 'created_at')
      .options(EXACT_INTEGERS);
    const events = rows.map(row => ({
      source: 'ledger_auto_recharge',
      id: BigInt(row.id),
      teamId: row.team_id,
      kind: 'auto-recharge-done' as const,
      at: dateFromDb(row.created_at),
      details: {},
      amount: moneyFromDb(row.amount),
    }));
    const last = rows.length ? BigInt(rows[rows.length - 1].id) : position;
    return { events, last };
  },
};

export const EVENT_SOURCES = [walletEventsSource, autoRechargeSource];
