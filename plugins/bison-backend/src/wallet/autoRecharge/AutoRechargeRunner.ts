import { LoggerService } from '@backstage/backend-plugin-api';
import { Micros } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { LedgerWriter } from '../LedgerWriter';
import { WalletStore } from '../WalletStore';
import { AutoRechargeStore } from './AutoRechargeStore';
import { planTopUps } from './planTopUps';
import { monthStart } from './scheduleOccurrences';

export const AUTO_RECHARGE_ACTOR = 'service:bison/auto-recharge';

export interface AutoRechargeRunSummary {
  teams: number;
  topUps: number;
  failures: Array<{ teamId: string; error: string }>;
}

/**
 * Executes due auto-recharges. Runs as a cluster-wide scheduler task; every
 * top-up carries a key per team and period, so a run that is repeated,
 * interrupted or delayed by downtime executes each period exactly once.
 */
export class AutoRechargeRunner {
  constructor(
    private readonly knex: Knex,
    private readonly policies: AutoRechargeStore,
    private readonly wallets: WalletStore,
    private readonly ledger: LedgerWriter,
    private readonly logger: LoggerService,
    private readonly onTopUp?: (teamId: string) => Promise<void>,
  ) {}

  async run(now: Date, signal?: AbortSignal): Promise<AutoRechargeRunSummary> {
    const summary: AutoRechargeRunSummary = {
      teams: 0,
      topUps: 0,
      failures: [],
    };
    const succeeded: string[] = [];
    for (const { teamId, policy } of await this.policies.listEnabled()) {
      if (signal?.aborted) break;
      summary.teams += 1;
      try {
        summary.topUps += await this.runTeam(teamId, policy, now);
        succeeded.push(teamId);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.error(`Auto-recharge of team ${teamId} failed: ${message}`);
        summary.failures.push({ teamId, error: message });
      }
    }
    await this.policies.recordOutcomes(summary.failures, succeeded, now);
    return summary;
  }

  private async runTeam(
    teamId: string,
    policy: Parameters<typeof planTopUps>[0],
    now: Date,
  ): Promise<number> {
    // The wallet row stays locked while the team's top-ups are planned and
    // posted, so an overlapping run (one that outlived its timeout) waits and
    // then sees the result instead of planning the same crossing again.
    const created = await this.knex.transaction(async trx => {
      const wallet = await this.wallets.lockWallet(trx, teamId);
      if (!wallet) return 0;
      const history = await this.policies.history(
        teamId,
        monthStart(policy.effectiveFrom),
        trx,
      );
      const addedByMonth = new Map<string, Micros>();
      for (const { at, amount } of history.entries) {
        const month = monthStart(at).toISOString();
        addedByMonth.set(month, (addedByMonth.get(month) ?? 0n) + amount);
      }
      const plans = planTopUps(
        policy,
        {
          teamId,
          balance: wallet.balance,
          version: wallet.version,
          addedByMonth,
          executedKeys: history.keys,
        },
        now,
      );
      let count = 0;
      for (const plan of plans) {
        const result = await this.ledger.post(trx, {
          teamId,
          amount: plan.amount,
          kind: 'auto_recharge',
          idempotencyKey: plan.idempotencyKey,
          actor: AUTO_RECHARGE_ACTOR,
          reason: plan.reason,
          window: { start: plan.at, end: plan.at },
        });
        if (result.created) count += 1;
      }
      return count;
    });
    if (created > 0) {
      await this.onTopUp?.(teamId).catch(error =>
        this.logger.warn(
          `Could not announce the auto-recharge of team ${teamId}: ${error}`,
        ),
      );
    }
    return created;
  }
}
