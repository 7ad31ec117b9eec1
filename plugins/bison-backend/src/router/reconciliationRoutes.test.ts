import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  bisonUsageSourcesExtensionPoint,
  NamespaceUsage,
} from '@bison/plugin-bison-node';
import { Server } from 'node:http';
import {
  bisonApi,
  startPluginBackend,
} from '../__testUtils__/startPluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const databases = createTestDatabases();

/**
 * The reconciliation API on a ledger-only installation: every namespace is
 * unallocated, so differences are reported but cannot be settled.
 */
describe.each(databases.eachSupportedId())(
  'reconciliation routes on %p',
  id => {
    const start = new Date(Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR);
    let server: Server;
    let usage: NamespaceUsage[] = [
      { namespace: 'batch', resource: 'cpu', quantity: '2' },
    ];
    const api = () => bisonApi(server);

    const usageSource = createBackendModule({
      pluginId: 'bison',
      moduleId: 'test-usage',
      register(reg) {
        reg.registerInit({
          deps: { sources: bisonUsageSourcesExtensionPoint },
          async init({ sources }) {
            sources.addUsageSource({ id: 'test', getUsage: async () => usage });
          },
        });
      },
    });

    beforeAll(async () => {
      const knex = await databases.init(id);
      server = await startPluginBackend(knex, {
        groups: ['ml-team'],
        features: [usageSource],
        bisonConfig: {
          billing: {
            source: 'test',
            startAt: start.toISOString(),
            settleDelayMinutes: 0,
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 24 },
            },
            reconciliation: {
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 24 },
              },
            },
          },
          pricing: { defaults: [{ resource: 'cpu', pricePerHour: '0.04' }] },
        },
      });
      const run = await api().post('/billing/runs');
      if (run.body.windowsBilled !== 3) {
        throw new Error(`setup failed: ${JSON.stringify(run.body)}`);
      }
    });

    it('reports where the source changed its answer, with the exact difference', async () => {
      const nothing = await api().post('/billing/reconciliation/checks');
      expect(nothing.status).toBe(200);
      expect(nothing.body).toMatchObject({
        status: 'succeeded',
        windowsChecked: 3,
        differences: 0,
      });
      usage = [{ namespace: 'batch', resource: 'cpu', quantity: '2.125' }];
      const walletBefore = (await api().get('/teams/ml-team/wallet')).body;

      const check = await api()
        .post('/billing/reconciliation/checks')
        .send({
          from: start.toISOString(),
          to: new Date(start.getTime() + HOUR).toISOString(),
        });
      expect(check.body).toMatchObject({ windowsChecked: 1, differences: 1 });

      const res = await api().get('/billing/reconciliation');
      expect(res.status).toBe(200);
      expect(res.body.lastCheck).toMatchObject({ id: check.body.id });
      expect(res.body.items).toEqual([
        expect.objectContaining({
          windowStart: start.toISOString(),
          team: null,
          billed: '0.08',
          source: '0.085',
          difference: '0.005',
          status: 'open',
          lines: [
            {
              project: 'batch',
              resource: 'cpu',
              billedQuantity: '2',
              sourceQuantity: '2.125',
              billedCost: '0.08',
              sourceCost: '0.085',
            },
          ],
        }),
      ]);
      expect((await api().get('/teams/ml-team/wallet')).body).toEqual(
        walletBefore,
      );

      const settle = await api().post(
        `/billing/reconciliation/${res.body.items[0].id}/settle`,
      );
      expect(settle.status).toBe(409);
      expect(settle.body.error.message).toContain('no wallet');
      const activity = await api().get('/activity?action=reconciliation-check');
      expect(activity.body.items[0].summary).toBe(
        'Checked 1 billed windows against the usage source: 1 differences',
      );
    });

    it('refuses bad requests with a 400 naming the field', async () => {
      for (const [body, field] of [
        [{ from: 'yesterday', to: new Date().toISOString() }, "'from'"],
        [{ from: new Date().toISOString() }, "'from' and 'to'"],
        [{ from: new Date().toISOString(), to: start.toISOString() }, "'from'"],
        [{ windows: 3 }, 'windows'],
      ] as const) {
        const res = await api()
          .post('/billing/reconciliation/checks')
          .send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.error.message).toContain(field);
      }
      const status = await api().get('/billing/reconciliation?status=pending');
      expect(status.status).toBe(400);
      expect(status.body.error.message).toContain('status');
      const missing = await api().post('/billing/reconciliation/999/settle');
      expect(missing.status).toBe(404);
    });
  },
);
