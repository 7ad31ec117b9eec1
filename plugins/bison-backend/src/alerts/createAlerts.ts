import {
  AuthService,
  LifecycleService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Currency } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { Billing } from '../billing/Billing';
import { Enforcement } from '../enforcement/createEnforcement';
import { scheduleGlobalTask } from '../scheduling/scheduleGlobalTask';
import { Tenancy } from '../tenancy/Tenancy';
import { WalletService } from '../wallet/WalletService';
import { builtInChannelTypes } from './channels';
import { ChannelService } from './ChannelService';
import { ChannelResolver } from './delivery/ChannelResolver';
import { ChannelTypeRegistry } from './delivery/ChannelTypeRegistry';
import { DeliveryWorker } from './delivery/DeliveryWorker';
import { AlertEngine } from './engine/AlertEngine';
import { AlertFactsReader, QuotaUseReader } from './facts/AlertFactsReader';
import { quotaUsePercent } from './facts/quotaUsePercent';
import { notificationsChannel } from './notifications/notificationsChannel';
import { OutboundPolicy } from './outbound';
import { readAlertRules } from './parseRules';
import { readAlertSettings } from './readAlertSettings';
import { RuleService } from './RuleService';
import { SecretBox } from './secrets/SecretBox';
import { ChannelStore } from './store/ChannelStore';
import { CursorStore } from './store/CursorStore';
import { OutboxStore } from './store/OutboxStore';
import { RuleStore } from './store/RuleStore';
import { StateStore } from './store/StateStore';

export const ALERTS_TASK_ID = 'bison-alerts';
/** How long after a wallet change the alerts are evaluated again. */
const EVALUATE_AFTER_CHANGE_MILLIS = 2_000;
const DELIVERY_INTERVAL_MILLIS = 5_000;

export interface Alerts {
  engine: AlertEngine;
  worker: DeliveryWorker;
  channels: ChannelService;
  channelStore: ChannelStore;
  channelTypes: ChannelTypeRegistry;
  rules: RuleService;
  states: StateStore;
  outbox: OutboxStore;
  retryForMillis: number;
}

/** Quota use of each team and project, from the cluster's quota status. */
function quotaUseOf(tenancy: Tenancy): QuotaUseReader {
  return async teamNames => {
    const teams = await tenancy.reader.readTeams(teamNames);
    return new Map(
      [...teams].map(([name, team]) => [
        name,
        [
          { subject: name, percent: quotaUsePercent(team.quota) },
          ...team.projects.map(project => ({
            subject: `project:${project.name}`,
            percent: quotaUsePercent(project.quota),
          })),
        ],
      ]),
    );
  };
}

/**
 * Builds alerting: rules (config defaults, edited in the app), the engine
 * that turns wallet, quota and billing facts into messages, the outbox
 * worker that delivers them to Backstage notifications and the channels,
 * and the scheduled evaluation (also run shortly after a wallet changes).
 */
export async function createAlerts(options: {
  knex: Knex;
  config: RootConfigService;
  scheduler?: SchedulerService;
  lifecycle?: LifecycleService;
  logger: LoggerService;
  auth: AuthService;
  catalog: CatalogService;
  notifications: NotificationService;
  currency: Currency;
  channelTypes: ChannelTypeRegistry;
  enforcement: Enforcement;
  wallets: WalletService;
  billing?: Billing;
  tenancy?: Tenancy;
  clock?: () => Date;
}): Promise<Alerts> {
  const { knex, logger, clock } = options;
  const settings = readAlertSettings(options.config);
  const secretBox = settings.secretKey
    ? new SecretBox(settings.secretKey, settings.previousSecretKeys)
    : undefined;
  const outbound: OutboundPolicy = { allowedHosts: settings.allowedHosts };
  for (const type of builtInChannelTypes()) {
    options.channelTypes.addChannelType(type);
  }
  const channelStore = new ChannelStore(knex);
  const resolver = new ChannelResolver(
    channelStore,
    options.channelTypes,
    notificationsChannel(options.notifications, settings.adminRecipients),
    secretBox,
  );
  const rules = new RuleService(
    new RuleStore(knex),
    readAlertRules(options.config, options.currency.minorUnits),
    options.currency.minorUnits,
    clock,
  );
  const states = new StateStore(knex);
  const outbox = new OutboxStore(knex);
  const worker = new DeliveryWorker({
    outbox,
    resolver,
    outbound,
    logger,
    clock,
  });
  const billing = options.billing;
  const engine = new AlertEngine({
    knex,
    rules: () => rules.effectiveRules(),
    facts: new AlertFactsReader(
      knex,
      options.enforcement,
      options.tenancy ? quotaUseOf(options.tenancy) : undefined,
      billing
        ? async now => ({
            billingLagWindows: (
              await billing.engine.pendingWindows(now, 10_000)
            ).length,
            failedWindows: (await billing.store.failedWindows()).length,
          })
        : undefined,
    ),
    states,
    outbox,
    channels: channelStore,
    cursors: new CursorStore(knex),
    notice: { currency: options.currency, appBaseUrl: settings.appBaseUrl },
    retryForMillis: settings.retryForMillis,
    groupEmails: async refs => {
      const { items } = await options.catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: ['kind', 'metadata', 'spec.profile'] },
        { credentials: await options.auth.getOwnServiceCredentials() },
      );
      const emails = new Map<string, string>();
      items.forEach((entity, index) => {
        const email = (entity?.spec?.profile as { email?: unknown } | undefined)
          ?.email;
        if (typeof email === 'string' && email) emails.set(refs[index], email);
      });
      return emails;
    },
    logger,
    clock,
    onMessages: () => worker.kick(),
  });

  if (options.scheduler) {
    await scheduleGlobalTask({
      scheduler: options.scheduler,
      config: options.config,
      id: ALERTS_TASK_ID,
      configKey: 'bison.alerts.schedule',
      defaultSchedule: { frequency: { minutes: 1 }, timeout: { minutes: 5 } },
      fn: async signal => {
        await engine.evaluate(signal);
      },
    });
    let pending: NodeJS.Timeout | undefined;
    options.wallets.onChanged(() => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = undefined;
        engine.evaluate().catch(error => {
          logger.warn(
            `Alert evaluation after a wallet change failed: ${error}`,
          );
        });
      }, EVALUATE_AFTER_CHANGE_MILLIS);
      pending.unref();
    });
    worker.start(DELIVERY_INTERVAL_MILLIS);
    options.lifecycle?.addShutdownHook(() => worker.stop());
  }

  return {
    engine,
    worker,
    channels: new ChannelService(
      channelStore,
      options.channelTypes,
      resolver,
      outbound,
      secretBox,
      clock,
    ),
    channelStore,
    channelTypes: options.channelTypes,
    rules,
    states,
    outbox,
    retryForMillis: settings.retryForMillis,
  };
}
