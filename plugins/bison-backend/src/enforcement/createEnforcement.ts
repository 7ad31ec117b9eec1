import { ActivityLog } from '../activity/types';
import {
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import * as k8s from '@kubernetes/client-node';
import { Knex } from 'knex';
import { WorkloadApi } from '../kubernetes/WorkloadApi';
import { scheduleGlobalTask } from '../scheduling/scheduleGlobalTask';
import { Tenancy } from '../tenancy/Tenancy';
import { TeamStore } from '../tenancy/TeamStore';
import { LedgerWriter } from '../wallet/LedgerWriter';
import { WalletService } from '../wallet/WalletService';
import { EnforcementService } from './EnforcementService';
import { EnforcementStore } from './EnforcementStore';
import { SuspensionLadder } from './ladder/SuspensionLadder';
import { readEnforcementSettings } from './parseEnforcementSettings';
import { SuspensionRunner } from './SuspensionRunner';
import { WalletStates } from './WalletStates';

export const ENFORCEMENT_TASK_ID = 'bison-enforcement';

export interface Enforcement {
  store: EnforcementStore;
  states: WalletStates;
  runner: SuspensionRunner;
  service: EnforcementService;
}

/**
 * Builds enforcement: the wallet state machine (told of every posting by
 * the ledger writer), the suspension ladder when a cluster is configured,
 * and the scheduled pass that expires grace periods and finishes ladders.
 */
export async function createEnforcement(options: {
  knex: Knex;
  config: RootConfigService;
  scheduler?: SchedulerService;
  logger: LoggerService;
  minorUnits: number;
  teams: TeamStore;
  ledger: LedgerWriter;
  wallets: WalletService;
  tenancy?: Tenancy;
  kubeConfig?: k8s.KubeConfig;
  clock?: () => Date;
  activity?: ActivityLog;
}): Promise<Enforcement> {
  const { knex, teams, wallets, logger, clock } = options;
  const store = new EnforcementStore(knex);
  const ladder =
    options.tenancy && options.kubeConfig
      ? new SuspensionLadder(
          options.tenancy.kube,
          new WorkloadApi(options.kubeConfig),
          store,
          clock,
        )
      : undefined;
  /** Signals the team (and, through the wallet listeners, the runner). */
  const announce = (teamId: string) => {
    teams
      .getTeamById(teamId)
      .then(team => team && wallets.notifyChanged(team))
      .catch(error =>
        logger.warn(
          `Could not announce the change of team ${teamId}: ${error}`,
        ),
      );
  };
  const runner = new SuspensionRunner(store, teams, ladder, logger, {
    clock,
    onFinished: announce,
  });
  const states = new WalletStates(
    knex,
    store,
    readEnforcementSettings(options.config, options.minorUnits),
    {
      clusterConfigured: Boolean(ladder),
      clock,
      onChanged: teamIds => teamIds.forEach(announce),
      activity: options.activity,
    },
  );
  options.ledger.observeWith(states);
  // A committed posting may have opened or closed a suspension.
  wallets.onChanged(() => runner.kick());

  if (options.scheduler) {
    await scheduleGlobalTask({
      scheduler: options.scheduler,
      config: options.config,
      id: ENFORCEMENT_TASK_ID,
      configKey: 'bison.enforcement.schedule',
      defaultSchedule: { frequency: { minutes: 1 }, timeout: { minutes: 10 } },
      fn: async signal => {
        await states.evaluateAll(signal);
        await runner.runUnfinished(signal);
      },
    });
  }
  return {
    store,
    states,
    runner,
    service: new EnforcementService(
      store,
      states,
      runner,
      ladder,
      options.minorUnits,
      clock,
    ),
  };
}
