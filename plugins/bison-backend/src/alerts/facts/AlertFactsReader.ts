import { moneyFromDb } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { EXACT_INTEGERS } from '../../database/dbValues';
import { EnforcementStore } from '../../enforcement/EnforcementStore';
import { graceEndsAt } from '../../enforcement/walletState';
import { WalletStates } from '../../enforcement/WalletStates';
import { InstallationFacts, TeamFacts } from '../observe';

/** Who an alert is about, as messages name them. */
export interface AlertTeam {
  id: string;
  name: string;
  displayName: string;
  groupRef: string;
}

export interface AlertFacts {
  teams: Array<{ team: AlertTeam; facts: TeamFacts }>;
  installation: InstallationFacts;
}

/** Quota use per team: the team's own and each project's (`project:<ns>`). */
export type QuotaUseReader = (
  teamNames: string[],
) => Promise<Map<string, TeamFacts['quotaUse']>>;

export type InstallationFactsReader = (now: Date) => Promise<InstallationFacts>;

/**
 * Reads what the condition rules look at, for every live team in a few
 * queries: wallet states with their grace periods, last recharges and
 * auto-recharge failures, quota use from the cluster, billing's progress.
 */
export class AlertFactsReader {
  constructor(
    private readonly knex: Knex,
    private readonly enforcement: {
      store: EnforcementStore;
      states: WalletStates;
    },
    private readonly quotaUse?: QuotaUseReader,
    private readonly installationFacts?: InstallationFactsReader,
  ) {}

  async read(now: Date): Promise<AlertFacts> {
    const [rows, extras, installation] = await Promise.all([
      this.enforcement.store.stateRows(),
      this.walletExtras(),
      this.installationFacts?.(now) ??
        Promise.resolve({ billingLagWindows: 0, failedWindows: 0 }),
    ]);
    const quota = this.quotaUse
      ? await this.quotaUse(rows.map(row => row.teamName))
      : new Map<string, TeamFacts['quotaUse']>();
    return {
      installation,
      teams: rows.map(row => {
        const extra = extras.get(row.teamId);
        const settings = this.enforcement.states.settingsOf(row);
        return {
          team: {
            id: row.teamId,
            name: row.teamName,
            displayName: row.displayName,
            groupRef: row.groupRef,
          },
          facts: {
            team: row.teamName,
            balance: row.balance,
            lastRecharge: extra?.lastRecharge ?? null,
            burnRatePerDay: row.burnRatePerDay,
            state: row.state,
            graceEndsAt: row.overdueSince
              ? graceEndsAt(row.overdueSince, settings)
              : null,
            quotaUse: quota.get(row.teamName) ?? [],
            autoRechargeError: extra?.autoRechargeError ?? null,
          },
        };
      }),
    };
  }

  private async walletExtras() {
    const rows = await this.knex('wallets as w')
      .leftJoin('auto_recharge as a', 'a.team_id', 'w.team_id')
      .whereNull('w.archived_at')
      .select('w.team_id', 'w.last_recharge_amount', 'a.last_error')
      .options(EXACT_INTEGERS);
    return new Map(
      rows.map(row => [
        row.team_id as string,
        {
          lastRecharge:
            row.last_recharge_amount === null
              ? null
              : moneyFromDb(row.last_recharge_amount),
          autoRechargeError: (row.last_error as string | null) ?? null,
        },
      ]),
    );
  }
}
