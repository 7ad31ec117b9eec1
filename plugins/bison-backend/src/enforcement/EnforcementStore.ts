import { moneyFromDb, Micros, WalletState } from '@bison/plugin-bison-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { BisonTeamQuery } from '@bison/plugin-bison-node';
import { Knex } from 'knex';
import {
  dateFromDb,
  EXACT_INTEGERS,
  optionalDateFromDb,
  toDbInteger,
} from '../database/dbValues';
import { applyTeamCriteria } from '../permissions/applyTeamCriteria';
import { BurnRate, RecentSpend } from './forecast';
import {
  EnforcementMode,
  EnforcementOverrides,
  SuspensionStep,
} from './settings';
import { SuspensionTrigger, Transition } from './walletState';

type DbInteger = bigint | number | string;
type DbTime = Date | number | string | bigint;

/** What the state machine needs of one team, read in one query. */
export interface TeamStateRow {
  teamId: string;
  teamName: string;
  displayName: string;
  groupRef: string;
  balance: Micros;
  state: WalletState;
  overdueSince?: Date;
  stateSeq: bigint;
  burnRatePerDay: Micros;
  overrides: EnforcementOverrides;
  suspension?: { id: string; trigger: SuspensionTrigger; held: boolean };
}

export type SuspensionStatus =
  | 'suspending'
  | 'suspended'
  | 'resuming'
  | 'resumed';

export type SuspensionCluster = 'enforce' | 'warn' | 'ledger-only';

export interface Suspension {
  id: string;
  teamId: string;
  trigger: SuspensionTrigger;
  reason: string;
  held: boolean;
  actor: string;
  startedAt: Date;
  status: SuspensionStatus;
  cluster: SuspensionCluster;
  steps: SuspensionStep[];
  resumedAt?: Date;
  resumedBy?: string;
  resumeReason?: string;
  lastError?: string;
}

export type ActionStatus =
  | 'planned'
  | 'applied'
  | 'failed'
  | 'undone'
  | 'left'
  | 'gone';

export type ActionKind =
  | 'Tenant'
  | 'Namespace'
  | 'Deployment'
  | 'StatefulSet'
  | 'CronJob'
  | 'Job'
  | 'Pod';

/** A change of the suspension ladder and the value it replaced. */
export interface SuspensionAction {
  id: string;
  step: SuspensionStep;
  kind: ActionKind;
  namespace: string;
  name: string;
  /** The value before, as the step recorded it (JSON-compatible). */
  before: unknown;
  status: ActionStatus;
  error?: string;
}

export type PlannedAction = Omit<SuspensionAction, 'id' | 'status' | 'error'>;

/** A state change to persist, guarded by the state sequence read. */
export interface StateChange {
  teamId: string;
  /** The wallet's state_seq when the state was evaluated. */
  seq: bigint;
  state: WalletState;
  overdueSince?: Date;
  graceEndsAt?: Date;
  transitions: Transition[];
  balance: Micros;
  actor: string;
  /** Opens a suspension with the transition to suspended. */
  suspend?: {
    trigger: SuspensionTrigger;
    reason: string;
    held: boolean;
    cluster: SuspensionCluster;
    steps: SuspensionStep[];
  };
  /** Closes the open suspension with the transition out of suspended. */
  resume?: { reason: string };
}

interface SuspensionRow {
  id: DbInteger;
  team_id: string;
  trigger: string;
  reason: string;
  held: boolean | number;
  actor: string;
  started_at: DbTime;
  status: string;
  cluster: string;
  steps: string;
  resumed_at: DbTime | null;
  resumed_by: string | null;
  resume_reason: string | null;
  last_error: string | null;
}

function toSuspension(row: SuspensionRow): Suspension {
  return {
    id: String(row.id),
    teamId: row.team_id,
    trigger: row.trigger as SuspensionTrigger,
    reason: row.reason,
    held: Boolean(row.held),
    actor: row.actor,
    startedAt: dateFromDb(row.started_at),
    status: row.status as SuspensionStatus,
    cluster: row.cluster as SuspensionCluster,
    steps: JSON.parse(row.steps),
    resumedAt: optionalDateFromDb(row.resumed_at),
    resumedBy: row.resumed_by ?? undefined,
    resumeReason: row.resume_reason ?? undefined,
    lastError: row.last_error ?? undefined,
  };
}

const optionalMoney = (value: DbInteger | null) =>
  value === null || value === undefined ? undefined : moneyFromDb(value);
const optionalNumber = (value: number | string | null) =>
  value === null || value === undefined ? undefined : Number(value);

function overridesFromRow(row: Record<string, any>): EnforcementOverrides {
  const overrides: EnforcementOverrides = {
    mode: (row.mode as EnforcementMode | null) ?? undefined,
    lowBalance: optionalMoney(row.low_balance),
    lowRunwayDays: optionalNumber(row.low_runway_days),
    creditLimit: optionalMoney(row.credit_limit),
    graceHours: optionalNumber(row.grace_hours),
    resumeBalance: optionalMoney(row.resume_balance),
    steps: row.steps ? JSON.parse(row.steps) : undefined,
  };
  for (const key of Object.keys(overrides) as Array<keyof typeof overrides>) {
    if (overrides[key] === undefined) delete overrides[key];
  }
  return overrides;
}

const dbMoney = (value: Micros | undefined) =>
  value === undefined ? null : toDbInteger(value);

const OPEN = ['suspending', 'suspended', 'resuming'];

/** Wallet states, their events, teams' settings and suspensions. */
export class EnforcementStore {
  constructor(private readonly knex: Knex) {}

  /**
   * The live teams' states with their settings and open suspension: the
   * given teams, or all of them.
   */
  async stateRows(
    db: Knex = this.knex,
    teamIds?: string[],
  ): Promise<TeamStateRow[]> {
    const query = db('wallets as w')
      .join('teams as t', 't.id', 'w.team_id')
      .leftJoin('team_enforcement as e', 'e.team_id', 'w.team_id')
      .leftJoin('suspensions as s', function openSuspension() {
        this.on('s.team_id', '=', 'w.team_id').andOnIn('s.status', OPEN);
      })
      .whereNull('w.archived_at')
      .whereNull('t.archived_at')
      .select(
        'w.team_id',
        't.name as team_name',
        't.display_name',
        't.group_ref',
        'w.balance',
        'w.state',
        'w.overdue_since',
        'w.state_seq',
        'w.burn_rate_per_day',
        'e.mode',
        'e.low_balance',
        'e.low_runway_days',
        'e.credit_limit',
        'e.grace_hours',
        'e.resume_balance',
        'e.steps',
        's.id as suspension_id',
        's.trigger as suspension_trigger',
        's.held as suspension_held',
      )
      .options(EXACT_INTEGERS);
    if (teamIds) query.whereIn('w.team_id', teamIds);
    const rows = await query;
    return rows.map((row: Record<string, any>) => ({
      teamId: row.team_id,
      teamName: row.team_name,
      displayName: row.display_name,
      groupRef: row.group_ref,
      balance: moneyFromDb(row.balance),
      state: row.state as WalletState,
      overdueSince: optionalDateFromDb(row.overdue_since),
      stateSeq: BigInt(row.state_seq),
      burnRatePerDay: moneyFromDb(row.burn_rate_per_day),
      overrides: overridesFromRow(row),
      suspension:
        row.suspension_id === null || row.suspension_id === undefined
          ? undefined
          : {
              id: String(row.suspension_id),
              trigger: row.suspension_trigger as SuspensionTrigger,
              held: Boolean(row.suspension_held),
            },
    }));
  }

  /**
   * Persists a state change if the wallet's state is still the one it was
   * computed from (another replica or a concurrent posting may have
   * changed it first): the state, one event per transition, and the
   * suspension opened or closed with it. False when it lost the race.
   */
  async applyStateChange(
    trx: Knex.Transaction,
    change: StateChange,
    now: Date,
  ): Promise<boolean> {
    const seq = change.seq + BigInt(change.transitions.length);
    const updated = await trx('wallets')
      .where({ team_id: change.teamId, state_seq: toDbInteger(change.seq) })
      .update({
        state: change.state,
        overdue_since: change.overdueSince ?? null,
        state_seq: toDbInteger(seq),
        state_changed_at: change.transitions.length > 0 ? now : undefined,
      });
    if (updated === 0) return false;
    if (change.transitions.length > 0) {
      await trx('wallet_events').insert(
        change.transitions.map((transition, i) => ({
          team_id: change.teamId,
          seq: toDbInteger(change.seq + BigInt(i + 1)),
          from_state: transition.from,
          to_state: transition.to,
          reason: transition.reason,
          balance: toDbInteger(change.balance),
          overdue_since: change.overdueSince ?? null,
          grace_ends_at: change.graceEndsAt ?? null,
          actor: change.actor,
          created_at: now,
        })),
      );
    }
    if (change.resume) {
      await trx('suspensions')
        .where({ team_id: change.teamId })
        .whereIn('status', OPEN)
        .update({
          status: 'resuming',
          resumed_at: now,
          resumed_by: change.actor,
          resume_reason: change.resume.reason,
          updated_at: now,
        });
    }
    if (change.suspend) {
      await trx('suspensions').insert({
        team_id: change.teamId,
        trigger: change.suspend.trigger,
        reason: change.suspend.reason,
        held: change.suspend.held,
        actor: change.actor,
        started_at: now,
        status: 'suspending',
        cluster: change.suspend.cluster,
        steps: JSON.stringify(change.suspend.steps),
        updated_at: now,
      });
    }
    return true;
  }

  async getOverrides(teamId: string): Promise<EnforcementOverrides> {
    const row = await this.knex('team_enforcement')
      .where({ team_id: teamId })
      .first()
      .options(EXACT_INTEGERS);
    return row ? overridesFromRow(row) : {};
  }

  async putOverrides(
    teamId: string,
    overrides: EnforcementOverrides,
    actor: string,
    now: Date,
  ): Promise<void> {
    const row = {
      team_id: teamId,
      mode: overrides.mode ?? null,
      low_balance: dbMoney(overrides.lowBalance),
      low_runway_days: overrides.lowRunwayDays ?? null,
      credit_limit: dbMoney(overrides.creditLimit),
      grace_hours: overrides.graceHours ?? null,
      resume_balance: dbMoney(overrides.resumeBalance),
      steps: overrides.steps ? JSON.stringify(overrides.steps) : null,
      updated_at: now,
      updated_by: actor,
    };
    await this.knex('team_enforcement')
      .insert(row)
      .onConflict('team_id')
      .merge();
  }

  /** Usage debits per team (all, or these) over the last 24 hours and 7 days. */
  async recentSpend(
    now: Date,
    teamIds?: string[],
  ): Promise<Map<string, RecentSpend>> {
    const dayAgo = new Date(now.getTime() - 86_400_000);
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
    const rows = await this.knex('ledger_entries')
      .where({ kind: 'usage' })
      .modify(query => {
        if (teamIds) query.whereIn('team_id', teamIds);
      })
      .where('window_end', '>', weekAgo)
      .where('window_end', '<=', now)
      .groupBy('team_id')
      .select(
        'team_id',
        this.knex.raw(
          'SUM(CASE WHEN window_end > ? THEN -amount ELSE 0 END) AS last24h',
          [dayAgo],
        ),
        this.knex.raw('SUM(-amount) AS last7d'),
        this.knex.raw('MIN(window_start) AS first_window'),
      )
      .options(EXACT_INTEGERS);
    return new Map(
      rows.map((row: Record<string, any>) => [
        row.team_id,
        {
          last24h: moneyFromDb(row.last24h ?? 0),
          last7d: moneyFromDb(row.last7d ?? 0),
          firstWindowStart: optionalDateFromDb(row.first_window),
        },
      ]),
    );
  }

  /** Stores measured burn rates, one statement per database round trip. */
  async saveBurnRates(rates: Map<string, BurnRate>): Promise<void> {
    const entries = [...rates];
    for (let i = 0; i < entries.length; i += 500) {
      const chunk = entries.slice(i, i + 500);
      const json = JSON.stringify(
        chunk.map(([teamId, rate]) => [
          teamId,
          rate.perDay.toString(),
          rate.basis,
        ]),
      );
      if (this.knex.client.config.client === 'pg') {
        await this.knex.raw(
          `UPDATE wallets w
              SET burn_rate_per_day = CAST(j.value->>1 AS bigint),
                  burn_rate_basis = j.value->>2
             FROM jsonb_array_elements(CAST(? AS jsonb)) AS j(value)
            WHERE w.team_id = j.value->>0`,
          [json],
        );
      } else {
        await this.knex.raw(
          `UPDATE wallets
              SET burn_rate_per_day = CAST(json_extract(j.value, '$[1]') AS INTEGER),
                  burn_rate_basis = json_extract(j.value, '$[2]')
             FROM json_each(?) AS j
            WHERE wallets.team_id = json_extract(j.value, '$[0]')`,
          [json],
        );
      }
    }
  }

  /** Teams low, overdue or suspended, narrowed by a permission filter. */
  async atRisk(
    filter?: PermissionCriteria<BisonTeamQuery>,
  ): Promise<TeamStateRow[]> {
    const ids = this.knex('teams')
      .join('wallets', 'wallets.team_id', 'teams.id')
      .whereNull('teams.archived_at')
      .whereIn('wallets.state', ['low', 'overdue', 'suspended'])
      .select('teams.id');
    if (filter) applyTeamCriteria(ids, filter);
    const teamIds = (await ids).map((row: { id: string }) => row.id);
    return teamIds.length === 0 ? [] : this.stateRows(this.knex, teamIds);
  }

  // Suspensions

  /** When each of these teams' open suspension started. */
  async openSuspensionStarts(teamIds: string[]): Promise<Map<string, Date>> {
    if (teamIds.length === 0) return new Map();
    const rows = await this.knex('suspensions')
      .whereIn('team_id', teamIds)
      .whereIn('status', OPEN)
      .select('team_id', 'started_at');
    return new Map(
      rows.map((row: Record<string, any>) => [
        row.team_id,
        dateFromDb(row.started_at),
      ]),
    );
  }

  async openSuspension(
    teamId: string,
    db: Knex = this.knex,
  ): Promise<Suspension | undefined> {
    const row = await db<SuspensionRow>('suspensions')
      .where({ team_id: teamId })
      .whereIn('status', OPEN)
      .first();
    return row ? toSuspension(row) : undefined;
  }

  /** The open suspension, else the latest one. */
  async currentSuspension(teamId: string): Promise<Suspension | undefined> {
    const row = await this.knex<SuspensionRow>('suspensions')
      .where({ team_id: teamId })
      .orderBy('id', 'desc')
      .first();
    return row ? toSuspension(row) : undefined;
  }

  async getSuspension(id: string): Promise<Suspension | undefined> {
    const row = await this.knex<SuspensionRow>('suspensions')
      .where({ id })
      .first();
    return row ? toSuspension(row) : undefined;
  }

  /** Suspensions whose ladder has work left: suspending or resuming. */
  async unfinishedSuspensions(): Promise<Suspension[]> {
    const rows = await this.knex<SuspensionRow>('suspensions')
      .whereIn('status', ['suspending', 'resuming'])
      .orderBy('id');
    return rows.map(toSuspension);
  }

  async updateSuspension(
    trx: Knex,
    id: string,
    changes: { reason?: string; held?: boolean },
    now: Date,
  ): Promise<void> {
    await trx('suspensions')
      .where({ id })
      .update({
        ...(changes.reason !== undefined ? { reason: changes.reason } : {}),
        ...(changes.held !== undefined ? { held: changes.held } : {}),
        updated_at: now,
      });
  }

  /**
   * Takes the right to run a suspension's ladder until `until`, unless
   * another process holds it. Replicas never run one ladder at once.
   */
  async claim(
    id: string,
    owner: string,
    until: Date,
    now: Date,
  ): Promise<boolean> {
    const updated = await this.knex('suspensions')
      .where({ id })
      .where(q => q.whereNull('lease_until').orWhere('lease_until', '<', now))
      .update({ lease_owner: owner, lease_until: until });
    return updated === 1;
  }

  /**
   * Ends a ladder run: releases the lease and, if the suspension is still
   * in `from`, moves it to `to` (a resume decided meanwhile wins).
   */
  async finishRun(
    id: string,
    owner: string,
    outcome: { from: SuspensionStatus; to: SuspensionStatus; error?: string },
    now: Date,
  ): Promise<void> {
    await this.knex('suspensions')
      .where({ id, lease_owner: owner })
      .update({ lease_owner: null, lease_until: null, updated_at: now });
    await this.knex('suspensions')
      .where({ id, status: outcome.from })
      .update({
        status: outcome.to,
        last_error: outcome.error ?? null,
        updated_at: now,
      });
  }

  async actions(suspensionId: string): Promise<SuspensionAction[]> {
    const rows = await this.knex('suspension_actions')
      .where({ suspension_id: suspensionId })
      .orderBy([{ column: 'step_order' }, { column: 'id' }]);
    return rows.map((row: Record<string, any>) => ({
      id: String(row.id),
      step: row.step as SuspensionStep,
      kind: row.kind as ActionKind,
      namespace: row.namespace,
      name: row.name,
      before: JSON.parse(row.before),
      status: row.status as ActionStatus,
      error: row.error ?? undefined,
    }));
  }

  /**
   * Records actions before they are applied. An action recorded by an
   * earlier, interrupted run keeps its first record: the object may already
   * show the suspended value by now.
   */
  async recordActions(
    suspensionId: string,
    actions: Array<PlannedAction & { stepOrder: number }>,
    now: Date,
  ): Promise<void> {
    for (let i = 0; i < actions.length; i += 200) {
      await this.knex('suspension_actions')
        .insert(
          actions.slice(i, i + 200).map(action => ({
            suspension_id: suspensionId,
            step: action.step,
            step_order: action.stepOrder,
            kind: action.kind,
            namespace: action.namespace,
            name: action.name,
            before: JSON.stringify(action.before),
            status: 'planned',
            updated_at: now,
          })),
        )
        .onConflict(['suspension_id', 'step', 'kind', 'namespace', 'name'])
        .ignore();
    }
  }

  async setActionStatus(
    id: string,
    status: ActionStatus,
    error: string | undefined,
    now: Date,
  ): Promise<void> {
    await this.knex('suspension_actions')
      .where({ id })
      .update({ status, error: error ?? null, updated_at: now });
  }

  /** Events of a team, newest first. */
  async events(teamId: string, limit = 50) {
    const rows = await this.knex('wallet_events')
      .where({ team_id: teamId })
      .orderBy('seq', 'desc')
      .limit(limit)
      .options(EXACT_INTEGERS);
    return rows.map((row: Record<string, any>) => ({
      seq: BigInt(row.seq),
      from: row.from_state as WalletState,
      to: row.to_state as WalletState,
      reason: row.reason as string,
      balance: moneyFromDb(row.balance),
      overdueSince: optionalDateFromDb(row.overdue_since),
      graceEndsAt: optionalDateFromDb(row.grace_ends_at),
      actor: row.actor as string,
      at: dateFromDb(row.created_at),
    }));
  }
}
