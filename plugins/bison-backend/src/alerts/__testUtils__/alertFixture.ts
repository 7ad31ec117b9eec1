import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createWalletServices } from '../../__testUtils__/walletFixture';
import { createEnforcement } from '../../enforcement/createEnforcement';
import { AlertEngine } from '../engine/AlertEngine';
import { AlertFactsReader } from '../facts/AlertFactsReader';
import { AlertRule } from '../rules';
import { ChannelStore } from '../store/ChannelStore';
import { CursorStore } from '../store/CursorStore';
import { OutboxStore } from '../store/OutboxStore';
import { StateStore } from '../store/StateStore';

export const M = 1_000_000n;
export const USD = { code: 'USD', symbol: '$', minorUnits: 2 };

export const rule = (
  condition: AlertRule['condition'],
  over: Partial<AlertRule> = {},
): AlertRule => ({
  id: condition.kind,
  condition,
  enabled: true,
  teams: null,
  repeatMinutes: null,
  channels: [],
  ...over,
});

/**
 * The wallet stack with enforcement (ledger-only) on `knex`, and a factory
 * of alert engines that share its database, rules and clock, as replicas
 * would. `post` books a recharge (positive) or usage (negative).
 */
export async function createAlertFixture(
  knex: Knex,
  options: { rules: AlertRule[]; now: Date },
) {
  let now = options.now;
  const clock = () => now;
  const services = await createWalletServices(knex, { clock });
  const logger = mockServices.logger.mock();
  const enforcement = await createEnforcement({
    knex,
    config: mockServices.rootConfig({ data: {} }),
    logger,
    minorUnits: 2,
    teams: services.teams,
    ledger: services.writer,
    wallets: services.wallets,
    clock,
  });
  let rules = options.rules;
  let keys = 0;
  const outbox = new OutboxStore(knex);
  const channels = new ChannelStore(knex);
  const newEngine = () =>
    new AlertEngine({
      knex,
      rules: async () => rules,
      facts: new AlertFactsReader(knex, enforcement),
      states: new StateStore(knex),
      outbox,
      channels,
      cursors: new CursorStore(knex),
      notice: { currency: USD, appBaseUrl: 'https://backstage.example.com' },
      retryForMillis: 3_600_000,
      logger,
      clock,
    });
  return {
    ...services,
    enforcement,
    outbox,
    channels,
    logger,
    newEngine,
    setRules: (next: AlertRule[]) => {
      rules = next;
    },
    setNow: (next: Date) => {
      now = next;
    },
    now: clock,
    post: (teamId: string, amount: bigint) =>
      services.writer.post(knex, {
        teamId,
        amount,
        kind: amount < 0n ? 'usage' : 'recharge',
        idempotencyKey: `k${++keys}`,
        actor: 'user:default/alice',
      }),
    /** Stored messages, oldest first, as `<rule>/<subject>/<status>: <title>`. */
    messages: async () =>
      (await knex('alert_messages').orderBy('id')).map(row => {
        const notice = JSON.parse(row.notice);
        return `${row.rule_id}/${row.subject}/${row.status}: ${notice.title}`;
      }),
    deliveryCount: async () =>
      Number((await knex('alert_deliveries').count({ n: '*' }).first())?.n),
  };
}
