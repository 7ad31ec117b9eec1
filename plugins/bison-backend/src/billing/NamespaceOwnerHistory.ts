import { TimeWindow } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { dateFromDb } from '../database/dbValues';

interface OwnerRow {
  namespace: string;
  team_id: string;
  first_seen_at: Date | string | number;
  last_seen_at: Date | string | number;
}

/**
 * Rows per upsert: knex writes a multi-row insert on SQLite as a compound
 * SELECT, which SQLite limits to 500 terms.
 */
const ROWS_PER_STATEMENT = 500;

/**
 * When Bison saw each namespace owned by each team (`namespace_owners`). A
 * namespace's history is one row per team that ever owned it, from the first
 * to the last time it was seen so.
 */
export class NamespaceOwnerHistory {
  constructor(private readonly knex: Knex) {}

  /** Notes that each namespace belonged to its team at `at`. */
  async record(teamIdsByNamespace: Map<string, string>, at: Date) {
    const rows = [...teamIdsByNamespace].map(([namespace, teamId]) => ({
      namespace,
      team_id: teamId,
      first_seen_at: at,
      last_seen_at: at,
    }));
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      await this.knex('namespace_owners')
        .insert(rows.slice(i, i + ROWS_PER_STATEMENT))
        .onConflict(['namespace', 'team_id'])
        .merge(['last_seen_at']);
    }
  }

  /**
   * The team id each namespace belonged to during the window, for the
   * namespaces seen at or after its start: the latest owner first seen
   * before the window ended or, when the namespace was first seen only
   * afterwards, its first owner (it existed before Bison looked).
   */
  async ownersDuring(window: TimeWindow): Promise<Map<string, string>> {
    const rows = await this.knex<OwnerRow>('namespace_owners')
      .where('last_seen_at', '>=', window.start)
      .orderBy([
        { column: 'namespace' },
        { column: 'first_seen_at' },
        { column: 'team_id' },
      ]);
    const owners = new Map<string, string>();
    for (const row of rows) {
      const seenBeforeEnd =
        dateFromDb(row.first_seen_at).getTime() < window.end.getTime();
      if (seenBeforeEnd || !owners.has(row.namespace)) {
        owners.set(row.namespace, row.team_id);
      }
    }
    return owners;
  }

  /** Forgets owners last seen before `cutoff`: no window that old is billed again. */
  async forgetSeenBefore(cutoff: Date): Promise<void> {
    await this.knex('namespace_owners')
      .where('last_seen_at', '<', cutoff)
      .delete();
  }
}
