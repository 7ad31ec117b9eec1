import { Knex } from 'knex';
import { optionalDateFromDb } from '../../database/dbValues';
import { AlertState } from '../alertState';
import { AlertSeverity } from '../rules';

/** One condition alert as stored between evaluations. */
export interface StoredAlertState extends AlertState {
  ruleId: string;
  subject: string;
  teamId: string | null;
  severity: AlertSeverity;
  details: Record<string, string | number>;
  /** When the current crossing fired; null when clear. */
  since: Date | null;
  version: number;
}

export const stateKey = (ruleId: string, subject: string) =>
  `${ruleId}\u0000${subject}`;

function toState(row: Record<string, any>): StoredAlertState {
  return {
    ruleId: row.rule_id,
    subject: row.subject,
    teamId: row.team_id,
    level: Number(row.level),
    crossing: Number(row.crossing),
    repeats: Number(row.repeats),
    lastSentAt: optionalDateFromDb(row.last_sent_at) ?? null,
    since: optionalDateFromDb(row.since) ?? null,
    severity: row.severity,
    details: JSON.parse(row.details),
    version: Number(row.version),
  };
}

/** Each (rule, subject) alert's state, written only by the replica that steps it first. */
export class StateStore {
  constructor(private readonly knex: Knex) {}

  async all(): Promise<Map<string, StoredAlertState>> {
    const rows = await this.knex('alert_states');
    return new Map(
      rows.map(row => {
        const state = toState(row);
        return [stateKey(state.ruleId, state.subject), state];
      }),
    );
  }

  /** The alerts that hold now, of one team or all. */
  async firing(teamId?: string): Promise<StoredAlertState[]> {
    const query = this.knex('alert_states')
      .where('level', '>', 0)
      .orderBy('since', 'desc');
    if (teamId) query.where({ team_id: teamId });
    return (await query).map(toState);
  }

  /**
   * Writes `next` if the stored state is still `previous` (undefined: none
   * stored). False when another replica wrote it first.
   */
  async write(
    trx: Knex.Transaction,
    previous: StoredAlertState | undefined,
    next: Omit<StoredAlertState, 'version'>,
    now: Date,
  ): Promise<boolean> {
    const row = {
      rule_id: next.ruleId,
      subject: next.subject,
      team_id: next.teamId,
      level: next.level,
      crossing: next.crossing,
      repeats: next.repeats,
      last_sent_at: next.lastSentAt,
      since: next.since,
      severity: next.severity,
      details: JSON.stringify(next.details),
      updated_at: now,
    };
    if (!previous) {
      const inserted = await trx('alert_states')
        .insert({ ...row, version: 1 })
        .onConflict(['rule_id', 'subject'])
        .ignore()
        .returning('rule_id');
      return inserted.length === 1;
    }
    const updated = await trx('alert_states')
      .where({
        rule_id: next.ruleId,
        subject: next.subject,
        version: previous.version,
      })
      .update({ ...row, version: previous.version + 1 });
    return updated === 1;
  }
}
