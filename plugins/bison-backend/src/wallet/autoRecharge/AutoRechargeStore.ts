import { Micros, moneyFromDb } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import {
  dateFromDb,
  EXACT_INTEGERS,
  toDbInteger,
} from '../../database/dbValues';
import { AutoRechargePolicy, RechargeSchedule } from './AutoRechargePolicy';

type DbInteger = bigint | number | string;
type DbTime = Date | number | string | bigint;

interface AutoRechargeRow {
  team_id: string;
  enabled: boolean | number;
  schedule: 'weekly' | 'monthly' | null;
  weekday: DbInteger | null;
  day_of_month: DbInteger | null;
  scheduled_amount: DbInteger | null;
  threshold_below: DbInteger | null;
  threshold_top_up_to: DbInteger | null;
  monthly_cap: DbInteger | null;
  effective_from: DbTime;
  updated_at: DbTime;
  updated_by: string;
}

const optionalDbInteger = (value: bigint | undefined) =>
  value === undefined ? null : toDbInteger(value);

const optionalMoney = (value: DbInteger | null) =>
  value === null ? undefined : moneyFromDb(value);

const STORED_SCHEDULE = { week: 'weekly', month: 'monthly' } as const;

function toPolicy(row: AutoRechargeRow): AutoRechargePolicy {
  let schedule: RechargeSchedule | undefined;
  if (row.schedule === 'weekly') {
    schedule = { every: 'week', weekday: Number(row.weekday) };
  } else if (row.schedule === 'monthly') {
    schedule = { every: 'month', dayOfMonth: Number(row.day_of_month) };
  }
  const below = optionalMoney(row.threshold_below);
  const topUpTo = optionalMoney(row.threshold_top_up_to);
  return {
    enabled: Boolean(row.enabled),
    scheduled:
      schedule && row.scheduled_amount !== null
        ? { schedule, amount: moneyFromDb(row.scheduled_amount) }
        : undefined,
    threshold:
      below !== undefined && topUpTo !== undefined
        ? { below, topUpTo }
        : undefined,
    monthlyCap: optionalMoney(row.monthly_cap),
    effectiveFrom: dateFromDb(row.effective_from),
    updatedAt: dateFromDb(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** Auto-recharge policies, one per team, and the history they act on. */
export class AutoRechargeStore {
  constructor(private readonly knex: Knex) {}

  async getPolicy(teamId: string): Promise<AutoRechargePolicy | undefined> {
    const row = await this.knex<AutoRechargeRow>('auto_recharge')
      .where({ team_id: teamId })
      .first()
      .options(EXACT_INTEGERS);
    return row ? toPolicy(row) : undefined;
  }

  async putPolicy(teamId: string, policy: AutoRechargePolicy): Promise<void> {
    const scheduled = policy.scheduled;
    const row: AutoRechargeRow = {
      team_id: teamId,
      enabled: policy.enabled,
      schedule: scheduled ? STORED_SCHEDULE[scheduled.schedule.every] : null,
      weekday:
        scheduled?.schedule.every === 'week'
          ? scheduled.schedule.weekday
          : null,
      day_of_month:
        scheduled?.schedule.every === 'month'
          ? scheduled.schedule.dayOfMonth
          : null,
      scheduled_amount: optionalDbInteger(scheduled?.amount),
      threshold_below: optionalDbInteger(policy.threshold?.below),
      threshold_top_up_to: optionalDbInteger(policy.threshold?.topUpTo),
      monthly_cap: optionalDbInteger(policy.monthlyCap),
      effective_from: policy.effectiveFrom,
      updated_at: policy.updatedAt,
      updated_by: policy.updatedBy,
    };
    await this.knex('auto_recharge').insert(row).onConflict('team_id').merge();
  }

  /** Team ids with an enabled policy on a live wallet. */
  async listEnabled(): Promise<
    Array<{ teamId: string; policy: AutoRechargePolicy }>
  > {
    const rows = await this.knex<AutoRechargeRow>('auto_recharge')
      .join('wallets', 'wallets.team_id', 'auto_recharge.team_id')
      .whereNull('wallets.archived_at')
      .where('auto_recharge.enabled', true)
      .select<AutoRechargeRow[]>('auto_recharge.*')
      .options(EXACT_INTEGERS);
    return rows.map(row => ({ teamId: row.team_id, policy: toPolicy(row) }));
  }

  /**
   * Auto-recharge entries of a team whose period starts at or after `since`:
   * their idempotency keys and amounts by the UTC month of their period.
   */
  async history(
    teamId: string,
    since: Date,
    db: Knex = this.knex,
  ): Promise<{
    keys: Set<string>;
    entries: Array<{ at: Date; amount: Micros }>;
  }> {
    const rows = await db('ledger_entries')
      .where({ team_id: teamId, kind: 'auto_recharge' })
      .where('window_start', '>=', since)
      .select('idempotency_key', 'window_start', 'amount')
      .options(EXACT_INTEGERS);
    return {
      keys: new Set(rows.map(r => r.idempotency_key as string)),
      entries: rows.map(r => ({
        at: dateFromDb(r.window_start),
        amount: moneyFromDb(r.amount),
      })),
    };
  }

  /**
   * Remembers why a team's run failed (the auto-recharge-failed alert reads
   * it), and forgets it for the teams whose run succeeded.
   */
  async recordOutcomes(
    failures: Array<{ teamId: string; error: string }>,
    succeeded: string[],
    now: Date,
  ): Promise<void> {
    for (const { teamId, error } of failures) {
      await this.knex('auto_recharge')
        .where({ team_id: teamId })
        .update({ last_error: error.slice(0, 2000), last_failed_at: now });
    }
    for (let i = 0; i < succeeded.length; i += 500) {
      await this.knex('auto_recharge')
        .whereIn('team_id', succeeded.slice(i, i + 500))
        .whereNotNull('last_error')
        .update({ last_error: null, last_failed_at: null });
    }
  }
}
