import { Micros, moneyFromDb } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { dateFromDb, EXACT_INTEGERS } from '../../database/dbValues';
import { LedgerEntryRow, toLedgerEntry } from '../../wallet/ledgerRows';
import { LedgerEntry } from '../../wallet/types';
import { sumUsage } from '../usageTotals';
import { UsageLine } from './assembleStatement';

/** Where a month's entries start and end in the ledger. */
export interface LedgerMark {
  id: bigint;
  balanceAfter: Micros;
}

/**
 * Reads what a statement is made of. A month's entries are those after the
 * last entry before its start, up to the last entry before its end: ledger
 * order, so that balances chain exactly from one month to the next.
 */
export class StatementReader {
  constructor(private readonly knex: Knex) {}

  async lastEntryBefore(
    teamId: string,
    instant: Date,
  ): Promise<LedgerMark | undefined> {
    const row = await this.knex('ledger_entries')
      .where('team_id', teamId)
      .where('created_at', '<', instant)
      .orderBy('id', 'desc')
      .first('id', 'balance_after')
      .options(EXACT_INTEGERS);
    return row
      ? { id: BigInt(row.id), balanceAfter: moneyFromDb(row.balance_after) }
      : undefined;
  }

  async entriesBetween(
    teamId: string,
    after: bigint | undefined,
    upTo: bigint,
  ): Promise<LedgerEntry[]> {
    const query = this.knex<LedgerEntryRow>('ledger_entries')
      .where('team_id', teamId)
      .where('id', '<=', String(upTo))
      .orderBy('id')
      .options(EXACT_INTEGERS);
    if (after !== undefined) query.where('id', '>', String(after));
    return (await query).map(toLedgerEntry);
  }

  /** The usage lines behind the usage debits in the entry range. */
  async usageBetween(
    teamId: string,
    after: bigint | undefined,
    upTo: bigint,
  ): Promise<UsageLine[]> {
    const debits = this.knex('ledger_entries')
      .select('window_start')
      .where('team_id', teamId)
      .where('kind', 'usage')
      .where('id', '<=', String(upTo));
    if (after !== undefined) debits.where('id', '>', String(after));
    const lines = this.knex('usage_records')
      .where('team_id', teamId)
      .whereIn('window_start', debits);
    const totals = await sumUsage(this.knex, lines, ['namespace', 'resource']);
    return totals.map(total => ({
      project: total.keys.namespace!,
      resource: total.keys.resource!,
      quantity: total.quantity,
      cost: total.cost,
    }));
  }

  /** When the team's first entry was written, if it has any. */
  async firstEntryAt(teamId: string): Promise<Date | undefined> {
    const row = await this.knex('ledger_entries')
      .where('team_id', teamId)
      .orderBy('id')
      .first('created_at')
      .options(EXACT_INTEGERS);
    return row ? dateFromDb(row.created_at) : undefined;
  }
}
