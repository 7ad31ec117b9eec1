import { Knex } from 'knex';
import { dateFromDb, EXACT_INTEGERS } from '../database/dbValues';
import { ActivityEntry, ActivityLog, ActivityRecord } from './types';
import { withoutSecrets } from './withoutSecrets';

/** Who may be shown: every entry, or only those of some teams. */
export type ActivityScope =
  | { kind: 'all' }
  | { kind: 'every team' }
  | { kind: 'teams'; teamIds: string[] };

export interface ActivityQuery {
  scope: ActivityScope;
  teamId?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Entries older than this id (the previous page's last). */
  before?: bigint;
  limit: number;
}

interface ActivityRow {
  id: bigint | number | string;
  occurred_at: Date | string | number;
  actor: string;
  action: string;
  team_id: string | null;
  team_name: string | null;
  subject: string | null;
  summary: string;
  before: string | null;
  after: string | null;
}

const PURGE_BATCH = 5000;

function asJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(withoutSecrets(value));
}

function parseJson(text: string | null): unknown {
  return text === null ? undefined : JSON.parse(text);
}

/** The `activity` table: appended to on every change, read newest first. */
export class ActivityStore implements ActivityLog {
  constructor(private readonly knex: Knex) {}

  async record(
    record: ActivityRecord,
    now = new Date(),
    db: Knex = this.knex,
  ): Promise<void> {
    const team = record.team;
    await db('activity').insert({
      occurred_at: now,
      actor: record.actor,
      action: record.action,
      team_id: team?.id ?? null,
      team_name: !team
        ? null
        : team.name ??
          db.raw('(select name from teams where id = ?)', [team.id]),
      subject: record.subject ?? null,
      summary: record.summary,
      before: asJson(record.before),
      after: asJson(record.after),
    });
  }

  /** One page, newest first; one more row than asked tells whether more follow. */
  async list(
    query: ActivityQuery,
  ): Promise<{ items: ActivityEntry[]; more: boolean }> {
    const { scope } = query;
    if (scope.kind === 'teams' && scope.teamIds.length === 0) {
      return { items: [], more: false };
    }
    const rows: ActivityRow[] = await this.knex('activity')
      .modify(builder => {
        if (scope.kind === 'teams') builder.whereIn('team_id', scope.teamIds);
        if (scope.kind === 'every team') builder.whereNotNull('team_id');
        if (query.teamId) builder.where('team_id', query.teamId);
        if (query.actor) builder.where('actor', query.actor);
        if (query.action) builder.where('action', query.action);
        if (query.from) builder.where('occurred_at', '>=', query.from);
        if (query.to) builder.where('occurred_at', '<', query.to);
        if (query.before !== undefined) {
          builder.where('id', '<', query.before.toString());
        }
      })
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .options(EXACT_INTEGERS);
    const items = rows.slice(0, query.limit).map(row => ({
      id: BigInt(row.id),
      occurredAt: dateFromDb(row.occurred_at),
      actor: row.actor,
      action: row.action,
      team:
        row.team_id === null
          ? null
          : { id: row.team_id, name: row.team_name ?? '' },
      ...(row.subject === null ? {} : { subject: row.subject }),
      summary: row.summary,
      before: parseJson(row.before),
      after: parseJson(row.after),
    }));
    return { items, more: rows.length > query.limit };
  }

  /** Deletes entries older than `cutoff` in batches; returns how many. */
  async purgeBefore(cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const ids = this.knex('activity')
        .select('id')
        .where('occurred_at', '<', cutoff)
        .orderBy('id')
        .limit(PURGE_BATCH);
      const deleted = await this.knex('activity').whereIn('id', ids).delete();
      total += deleted;
      if (deleted < PURGE_BATCH) return total;
    }
  }
}
