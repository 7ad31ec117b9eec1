import { Webhook } from 'standardwebhooks';
import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { createAlertFixture, M, rule } from '../__testUtils__/alertFixture';
import {
  createDeliveryStack,
  SIGNING_SECRET,
} from '../__testUtils__/deliveryFixture';
import { resolvingTo } from '../outbound/__testUtils__/resolvingTo';
import { startReceiver } from '../channels/__testUtils__/channelTestContext';

jest.setTimeout(60_000);

const START = new Date('2026-12-03T08:00:00Z');
const TOKEN = 'tok-9f8e7d6c5b4a';

describe.each(createTestDatabases().eachSupportedId())(
  'DeliveryWorker on %p',
  id => {
    const databases = createTestDatabases();
    let knex: Knex;
    let fixture: Awaited<ReturnType<typeof createAlertFixture>>;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;

    beforeEach(async () => {
      knex = await databases.init(id);
      fixture = await createAlertFixture(knex, {
        rules: [rule({ kind: 'low-balance', below: 50n * M })],
        now: START,
      });
      receiver = await startReceiver();
    });
    afterEach(async () => {
      await receiver.close();
      await knex.destroy();
    });

    /** A team below its low balance, with its own webhook channel. */
    async function lowTeamWithWebhook(
      name: string,
      stack: ReturnType<typeof createDeliveryStack>,
    ) {
      const team = await fixture.createTeam(name);
      await stack.service.create(
        team.id,
        {
          name: `${name} hook`,
          type: 'webhook',
          secrets: {
            url: `${receiver.url}/hook/${name}?token=${TOKEN}`,
            signingSecret: SIGNING_SECRET,
          },
        },
        'user:default/alice',
      );
      await fixture.post(team.id, 10n * M);
      return team;
    }

    const hookDeliveries = async () =>
      knex('alert_deliveries').whereNot('channel_id', 'backstage');
    const advanceMinutes = (minutes: number) =>
      fixture.setNow(new Date(fixture.now().getTime() + minutes * 60_000));

    it('retries a failing receiver with backoff and delivers once, on the 4th attempt', async () => {
      const stack = createDeliveryStack(fixture);
      await lowTeamWithWebhook('ml-team', stack);
      await fixture.newEngine().evaluate();
      const worker = stack.newWorker();
      receiver.answer(503, 'busy');
      for (let attempt = 1; attempt <= 3; attempt++) {
        await worker.deliverDue();
        // Nothing is due again before its backoff ends.
        await worker.deliverDue();
        advanceMinutes(2);
      }
      receiver.answer(200, 'thanks');
      await worker.deliverDue();
      advanceMinutes(60);
      await worker.deliverDue();

      expect(receiver.requests).toHaveLength(4);
      const ids = new Set(receiver.requests.map(r => r.headers['webhook-id']));
      expect(ids.size).toBe(1);
      const last = receiver.requests[3];
      expect(() =>
        new Webhook(SIGNING_SECRET).verify(last.body, last.headers as any),
      ).not.toThrow();
      const [delivery] = await hookDeliveries();
      expect(delivery).toMatchObject({
        status: 'delivered',
        attempts: 4,
        response_code: 200,
      });
      expect(stack.notified).toHaveLength(1);
    });

    it('marks a delivery failed with its last error once its retry time is over', async () => {
      const stack = createDeliveryStack(fixture);
      await lowTeamWithWebhook('ml-team', stack);
      await fixture.newEngine().evaluate();
      const worker = stack.newWorker();
      receiver.answer(500, 'receiver broke');
      for (let round = 0; round < 6; round++) {
        await worker.deliverDue();
        advanceMinutes(30);
      }
      const [delivery] = await hookDeliveries();
      expect(delivery.status).toBe('failed');
      expect(delivery.response_code).toBe(500);
      expect(delivery.last_error).toContain('500');
      // Retried for an hour (the fixture's retryForMillis), then failed.
      expect(delivery.attempts).toBeGreaterThanOrEqual(2);
      expect(receiver.requests).toHaveLength(delivery.attempts);
      const logged = JSON.stringify(fixture.logger.warn.mock.calls);
      expect(logged).toContain('failed');
      expect(logged).not.toContain(TOKEN);
      expect(logged).not.toContain(SIGNING_SECRET.slice(6));
    });

    it('fails at once on an answer that retrying cannot fix', async () => {
      const stack = createDeliveryStack(fixture);
      await lowTeamWithWebhook('ml-team', stack);
      await fixture.newEngine().evaluate();
      receiver.answer(410, 'gone');
      await stack.newWorker().deliverDue();
      const [delivery] = await hookDeliveries();
      expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
    });

    it('delivers each message once per channel with two engines and two workers at once', async () => {
      const stack = createDeliveryStack(fixture);
      const names = ['a-team', 'b-team', 'c-team', 'd-team'];
      for (const name of names) await lowTeamWithWebhook(name, stack);
      const replicas = [0, 1].map(() => ({
        engine: fixture.newEngine(),
        worker: stack.newWorker(),
      }));
      await Promise.all(
        replicas.map(async ({ engine, worker }) => {
          await Promise.all([engine.evaluate(), worker.deliverDue()]);
          await worker.deliverDue();
        }),
      );
      await Promise.all(replicas.map(({ worker }) => worker.deliverDue()));

      const paths = receiver.requests.map(r => r.url.split('?')[0]).sort();
      expect(paths).toEqual(names.map(name => `/hook/${name}`));
      expect(stack.notified).toHaveLength(names.length);
      const deliveries = await knex('alert_deliveries');
      expect(deliveries).toHaveLength(names.length * 2);
      expect(
        deliveries.every(d => d.status === 'delivered' && d.attempts === 1),
      ).toBe(true);
    });

    it('refuses a destination that resolves to a forbidden address at send time', async () => {
      const stack = createDeliveryStack(fixture, {
        allowedHosts: [],
        lookup: resolvingTo('93.184.215.14', '169.254.169.254'),
      });
      const team = await fixture.createTeam('ml-team');
      await stack.service.create(
        team.id,
        {
          name: 'hook',
          type: 'webhook',
          secrets: {
            url: `https://hooks.example.com/in?token=${TOKEN}`,
            signingSecret: SIGNING_SECRET,
          },
        },
        'user:default/alice',
      );
      await fixture.post(team.id, 10n * M);
      await fixture.newEngine().evaluate();
      await stack.newWorker().deliverDue();
      const [delivery] = await hookDeliveries();
      expect(delivery.status).toBe('failed');
      expect(delivery.last_error).toContain(
        '169.254.169.254 is a linkLocal address',
      );
      expect(delivery.last_error).not.toContain(TOKEN);
    });
  },
);
