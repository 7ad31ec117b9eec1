import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { ActivityLog } from '../activity/types';
import { AppliedPosting, PostingObserver } from '../wallet/types';
import {
  EnforcementStore,
  StateChange,
  SuspensionCluster,
  TeamStateRow,
} from './EnforcementStore';
import { burnRate, BurnRate } from './forecast';
import {
  EnforcementDefaults,
  EnforcementSettings,
  effectiveSettings,
} from './settings';
import {
  evaluateWalletState,
  graceEndsAt,
  stateAfterResume,
  WalletStateOutcome,
} from './walletState';

export const ENFORCEMENT_ACTOR = 'service:bison/enforcement';

export interface PassSummary {
  teams: number;
  changed: number;
  burnRatesUpdated: number;
}

const isPostgres = (db: Knex) => db.client.config.client === 'pg';

/**
 * The wallet state machine's persistence: evaluates teams after every
 * posting (in the posting's transaction) and in a scheduled pass over all
 * teams, and applies admins' suspend and resume. Each transition is stored
 * once: the wallet's state sequence guards the update, and the event's key
 * is (team, sequence), so replicas and retries cannot record it twice.
 */
export class WalletStates implements PostingObserver {
  constructor(
    private readonly knex: Knex,
    private readonly store: EnforcementStore,
    private readonly defaults: EnforcementDefaults,
    private readonly options: {
      /** False for a ledger-only installation (no cluster). */
      clusterConfigured: boolean;
      clock?: () => Date;
      /** Called after a committed change of these teams' states. */
      onChanged?: (teamIds: string[]) => void;
      /** Where automatic transitions are logged, with the transition. */
      activity?: ActivityLog;
    },
  ) {}

  private now() {
    return this.options.clock?.() ?? new Date();
  }

  settingsOf(row: Pick<TeamStateRow, 'overrides'>): EnforcementSettings {
    return effectiveSettings(this.defaults, row.overrides);
  }

  get defaultSettings(): EnforcementDefaults {
    return this.defaults;
  }

  async afterPostings(
    trx: Knex.Transaction,
    postings: AppliedPosting[],
  ): Promise<void> {
    const rows = await this.store.stateRows(
      trx,
      postings.map(p => p.teamId),
    );
    const byTeam = new Map(postings.map(p => [p.teamId, p]));
    const now = this.now();
    for (const row of rows) {
      const posting = byTeam.get(row.teamId)!;
      const outcome = this.evaluate(row, now, {
        balance: posting.balanceAfter,
        balanceBefore: posting.balanceAfter - posting.amount,
      });
      if (!changes(row, outcome)) continue;
      // The posting holds the wallet's row lock: the guard cannot fail here.
      await this.applyAutomatic(
        trx,
        this.changeOf(row, outcome, posting.balanceAfter, posting.actor),
        now,
      );
    }
  }

  /**
   * Re-evaluates every team: grace periods expire even for teams without
   * usage, burn rates follow the last day and week.
   */
  async evaluateAll(signal?: AbortSignal): Promise<PassSummary> {
    const now = this.now();
    const [rows, spend] = await Promise.all([
      this.store.stateRows(),
      this.store.recentSpend(now),
    ]);
    const rates = new Map<string, BurnRate>();
    for (const row of rows) {
      const rate = burnRate(
        spend.get(row.teamId) ?? { last24h: 0n, last7d: 0n },
        now,
      );
      if (rate.perDay !== row.burnRatePerDay) rates.set(row.teamId, rate);
      row.burnRatePerDay = rate.perDay;
    }
    await this.store.saveBurnRates(rates);

    const changed: string[] = [];
    for (const row of rows) {
      if (signal?.aborted) break;
      if (!changes(row, this.evaluate(row, now))) continue;
      if (await this.reevaluateLocked(row.teamId)) changed.push(row.teamId);
    }
    if (changed.length > 0) this.options.onChanged?.(changed);
    return {
      teams: rows.length,
      changed: changed.length,
      burnRatesUpdated: rates.size,
    };
  }

  /** Evaluates one team again under its wallet's row lock. */
  private async reevaluateLocked(teamId: string): Promise<boolean> {
    return this.knex.transaction(async trx => {
      const row = await this.lockedRow(trx, teamId);
      if (!row) return false;
      const now = this.now();
      const outcome = this.evaluate(row, now);
      if (!changes(row, outcome)) return false;
      return this.applyAutomatic(
        trx,
        this.changeOf(row, outcome, row.balance, ENFORCEMENT_ACTOR),
        now,
      );
    });
  }

  /** Stores a change found by evaluation, logging its transitions with it. */
  private async applyAutomatic(
    trx: Knex.Transaction,
    change: StateChange,
    now: Date,
  ): Promise<boolean> {
    const applied = await this.store.applyStateChange(trx, change, now);
    if (!applied) return false;
    for (const transition of change.transitions) {
      await this.options.activity?.record(
        {
          actor: change.actor,
          action: 'wallet-state',
          team: { id: change.teamId },
          summary: `${transition.from} → ${transition.to}: ${transition.reason}`,
          before: { state: transition.from },
          after: { state: transition.to },
        },
        now,
        trx,
      );
    }
    return true;
  }

  /** Suspends a team now, or updates the reason and hold of its suspension. */
  async suspend(
    teamId: string,
    request: { reason: string; held?: boolean; actor: string },
  ): Promise<void> {
    await this.knex.transaction(async trx => {
      const row = await this.lockedRow(trx, teamId);
      if (!row) throw new NotFoundError('wallet not found');
      const now = this.now();
      if (row.state === 'suspended' && row.suspension) {
        await this.store.updateSuspension(
          trx,
          row.suspension.id,
          { reason: request.reason, held: request.held },
          now,
        );
        return;
      }
      const settings = this.settingsOf(row);
      await this.store.applyStateChange(
        trx,
        {
          teamId,
          seq: row.stateSeq,
          state: 'suspended',
          overdueSince: row.overdueSince,
          graceEndsAt: row.overdueSince
            ? graceEndsAt(row.overdueSince, settings)
            : undefined,
          transitions: [
            { from: row.state, to: 'suspended', reason: 'suspended-by-admin' },
          ],
          balance: row.balance,
          actor: request.actor,
          suspend: {
            trigger: 'manual',
            reason: request.reason,
            held: request.held ?? false,
            cluster: this.clusterMode(settings),
            steps: settings.steps,
          },
        },
        now,
      );
    });
    this.options.onChanged?.([teamId]);
  }

  /** Lifts a team's suspension, held or not. */
  async resume(
    teamId: string,
    request: { reason: string; actor: string },
  ): Promise<void> {
    await this.knex.transaction(async trx => {
      const row = await this.lockedRow(trx, teamId);
      if (!row) throw new NotFoundError('wallet not found');
      if (row.state !== 'suspended') {
        throw new ConflictError(
          `the team is not suspended (it is ${row.state})`,
        );
      }
      const now = this.now();
      const settings = this.settingsOf(row);
      const next = stateAfterResume({
        balance: row.balance,
        burnRatePerDay: row.burnRatePerDay,
        settings,
        now,
      });
      await this.store.applyStateChange(
        trx,
        {
          teamId,
          seq: row.stateSeq,
          state: next.state,
          overdueSince: next.overdueSince,
          graceEndsAt: next.overdueSince
            ? graceEndsAt(next.overdueSince, settings)
            : undefined,
          transitions: [
            { from: 'suspended', to: next.state, reason: 'resumed-by-admin' },
          ],
          balance: row.balance,
          actor: request.actor,
          resume: { reason: request.reason },
        },
        now,
      );
    });
    this.options.onChanged?.([teamId]);
  }

  /** Re-evaluates one team, e.g. after its settings changed. */
  async reevaluate(teamId: string): Promise<void> {
    if (await this.reevaluateLocked(teamId)) this.options.onChanged?.([teamId]);
  }

  private async lockedRow(trx: Knex.Transaction, teamId: string) {
    if (isPostgres(trx)) {
      await trx('wallets')
        .where({ team_id: teamId })
        .forUpdate()
        .first('team_id');
    }
    const [row] = await this.store.stateRows(trx, [teamId]);
    return row;
  }

  private evaluate(
    row: TeamStateRow,
    now: Date,
    posting?: { balance: bigint; balanceBefore: bigint },
  ): WalletStateOutcome {
    return evaluateWalletState({
      state: row.state,
      balance: posting?.balance ?? row.balance,
      balanceBefore: posting?.balanceBefore,
      overdueSince: row.overdueSince,
      suspension: row.suspension,
      burnRatePerDay: row.burnRatePerDay,
      settings: this.settingsOf(row),
      now,
    });
  }

  private clusterMode(settings: EnforcementSettings): SuspensionCluster {
    if (!this.options.clusterConfigured) return 'ledger-only';
    return settings.mode;
  }

  private changeOf(
    row: TeamStateRow,
    outcome: WalletStateOutcome,
    balance: bigint,
    actor: string,
  ): StateChange {
    const settings = this.settingsOf(row);
    const last = outcome.transitions[outcome.transitions.length - 1];
    return {
      teamId: row.teamId,
      seq: row.stateSeq,
      state: outcome.state,
      overdueSince: outcome.overdueSince,
      graceEndsAt: outcome.overdueSince
        ? graceEndsAt(outcome.overdueSince, settings)
        : undefined,
      transitions: outcome.transitions,
      balance,
      actor,
      suspend:
        last?.to === 'suspended'
          ? {
              trigger: 'grace-expired',
              reason:
                'The grace period ended with the balance below the credit limit',
              held: false,
              cluster: this.clusterMode(settings),
              steps: settings.steps,
            }
          : undefined,
      resume:
        last?.from === 'suspended'
          ? { reason: 'The balance reached the resume level' }
          : undefined,
    };
  }
}

/** Whether an outcome differs from what is stored. */
function changes(row: TeamStateRow, outcome: WalletStateOutcome): boolean {
  return (
    outcome.transitions.length > 0 ||
    outcome.overdueSince?.getTime() !== row.overdueSince?.getTime()
  );
}
