import { NotFoundError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { BisonTeamQuery } from '@bison/plugin-bison-node';
import { Team } from '../tenancy/TeamStore';
import {
  EnforcementStore,
  Suspension,
  SuspensionAction,
  TeamStateRow,
} from './EnforcementStore';
import { burnRate, BurnRate, runOutAt } from './forecast';
import { SuspensionLadder } from './ladder/SuspensionLadder';
import { parseOverrides } from './parseEnforcementSettings';
import { previewSuspension, SuspensionPreview } from './preview';
import { SuspensionRunner } from './SuspensionRunner';
import {
  EnforcementOverrides,
  EnforcementSettings,
  overdueLevel,
} from './settings';
import { graceEndsAt } from './walletState';
import { WalletStates } from './WalletStates';

export interface TeamEnforcement {
  row: TeamStateRow;
  settings: EnforcementSettings;
  defaults: EnforcementSettings;
  overrides: EnforcementOverrides;
  graceEndsAt?: Date;
  forecast: BurnRate & { runOutAt?: Date };
  suspension?: Suspension & { actions: SuspensionAction[] };
  preview?:
    | ({ available: true } & SuspensionPreview)
    | { available: false; reason: string };
}

/** Suspended first, then overdue, then low. */
const rank = (entry: { row: TeamStateRow }) =>
  ({ suspended: 0, overdue: 1, low: 2, active: 3 }[entry.row.state]);

/** What the enforcement routes do, over the state machine and the ladder. */
export class EnforcementService {
  constructor(
    private readonly store: EnforcementStore,
    private readonly states: WalletStates,
    private readonly runner: SuspensionRunner,
    private readonly ladder: SuspensionLadder | undefined,
    private readonly minorUnits: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The effective settings of a team (for its wallet's credit limit). */
  async settingsOf(teamId: string): Promise<EnforcementSettings> {
    return this.states.settingsOf({
      overrides: await this.store.getOverrides(teamId),
    });
  }

  async describe(
    team: Team,
    options: { preview: boolean },
  ): Promise<TeamEnforcement> {
    const [row] = await this.store.stateRows(undefined, [team.id]);
    if (!row) throw new NotFoundError(`team '${team.name}' has no wallet`);
    const settings = this.states.settingsOf(row);
    const current = await this.store.currentSuspension(team.id);
    // Measured now rather than read from the last pass: a billing run may
    // have posted usage since.
    const now = this.clock();
    const spend = await this.store.recentSpend(now, [team.id]);
    const rate = burnRate(
      spend.get(team.id) ?? { last24h: 0n, last7d: 0n },
      now,
    );
    return {
      row,
      settings,
      defaults: this.states.settingsOf({ overrides: {} }),
      overrides: row.overrides,
      graceEndsAt:
        row.overdueSince && row.state !== 'active' && row.state !== 'low'
          ? graceEndsAt(row.overdueSince, settings)
          : undefined,
      forecast: {
        ...rate,
        runOutAt: runOutAt(
          row.balance,
          overdueLevel(settings),
          rate.perDay,
          now,
        ),
      },
      suspension: current
        ? { ...current, actions: await this.store.actions(current.id) }
        : undefined,
      preview: options.preview ? await this.preview(team, settings) : undefined,
    };
  }

  private async preview(
    team: Team,
    settings: EnforcementSettings,
  ): Promise<NonNullable<TeamEnforcement['preview']>> {
    if (!this.ladder) {
      return {
        available: false,
        reason:
          'No Kubernetes cluster is configured: the team is suspended in the ledger only',
      };
    }
    const deleteBarePods = settings.steps.includes('delete-bare-pods');
    try {
      const objects = await this.ladder.readObjects(team.name, {
        pods: deleteBarePods,
      });
      return {
        available: true,
        ...previewSuspension(objects, { deleteBarePods }),
      };
    } catch (error) {
      return {
        available: false,
        reason: `The cluster could not be read: ${(error as Error).message}`,
      };
    }
  }

  async putOverrides(
    team: Team,
    body: Record<string, unknown>,
    actor: string,
  ): Promise<void> {
    const overrides = parseOverrides(
      body,
      this.minorUnits,
      this.states.defaultSettings.creditLimit,
    );
    await this.store.putOverrides(team.id, overrides, actor, this.clock());
    await this.states.reevaluate(team.id);
    await this.finishLadder();
  }

  async suspend(
    team: Team,
    request: { reason: string; held?: boolean; actor: string },
  ): Promise<void> {
    await this.states.suspend(team.id, request);
    await this.finishLadder();
  }

  async resume(
    team: Team,
    request: { reason: string; actor: string },
  ): Promise<void> {
    await this.states.resume(team.id, request);
    await this.finishLadder();
  }

  /** Teams low, overdue or suspended, soonest to run out first. */
  async atRisk(filter?: PermissionCriteria<BisonTeamQuery>) {
    const now = this.clock();
    const rows = await this.store.atRisk(filter);
    const suspendedSince = await this.store.openSuspensionStarts(
      rows.map(row => row.teamId),
    );
    return rows
      .map(row => {
        const settings = this.states.settingsOf(row);
        return {
          row,
          runOutAt: runOutAt(
            row.balance,
            overdueLevel(settings),
            row.burnRatePerDay,
            now,
          ),
          graceEndsAt:
            row.state === 'overdue' && row.overdueSince
              ? graceEndsAt(row.overdueSince, settings)
              : undefined,
          suspendedAt: suspendedSince.get(row.teamId),
        };
      })
      .sort(
        (a, b) =>
          rank(a) - rank(b) ||
          (a.runOutAt?.getTime() ?? Infinity) -
            (b.runOutAt?.getTime() ?? Infinity) ||
          a.row.teamName.localeCompare(b.row.teamName),
      );
  }

  /** Runs the ladder now, so that the answer shows what was done. */
  private async finishLadder() {
    await this.runner.runUnfinished();
  }
}
