import { Knex } from 'knex';

/** One Bison change as the activity log keeps it. */
export interface ActivityRecord {
  actor: string;
  /** What was done, as the auditor's event id, e.g. `wallet-recharge`. */
  action: string;
  /** The team; without a name it is read from the team's row. */
  team?: { id: string; name?: string } | null;
  /** What was changed when it is not the team itself, e.g. a project's name. */
  subject?: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export interface ActivityEntry extends Omit<ActivityRecord, 'team'> {
  id: bigint;
  occurredAt: Date;
  team: { id: string; name: string } | null;
}

/** Somewhere changes are recorded; the routes and the scheduled jobs write to it. */
export interface ActivityLog {
  /** Records in `db` when given, so that the entry commits with the change. */
  record(record: ActivityRecord, now?: Date, db?: Knex): Promise<void>;
}
