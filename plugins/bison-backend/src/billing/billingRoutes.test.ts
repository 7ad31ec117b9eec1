import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  bisonUsageSourcesExtensionPoint,
  NamespaceUsage,
} from '@bison/plugin-bison-node';
import { Server } from 'node:http';
import { backendServiceAccountToken } from '../__testUtils__/kubernetes/testCluster';
import {
  bisonApi,
  startPluginBackend,
} from '../__testUtils__/startPluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const databases = createTestDatabases();

/**
 * Prices, billing runs and usage reports through the API: a team and its
 * project in the real cluster, usage from a source module, the engine run on
 * request.
 */
describe.each(databases.eachSupportedId())('billing routes on %p', id => {
  const run = `${id.startsWith('POSTGRES') ? 'p' : 's'}${Date.now().toString(
    36,
  )}`;
  const team = `bill-${run}`;
  const project = `${team}-train`;
  // Six closed hours before the current one.
  const start = new Date(Math.floor(Date.now() / HOUR) * HOUR - 6 * HOUR);
  let server: Server;
  let sourceDown = false;
  const api = () => bisonApi(server);

  const usageSource = createBackendModule({
    pluginId: 'bison',
    moduleId: 'test-usage',
    register(reg) {
      reg.registerInit({
        deps: { sources: bisonUsageSourcesExtensionPoint },
        async init({ sources }) {
          sources.addUsageSource({
            id: 'test',
            async getUsage(): Promise<NamespaceUsage[]> {
              if (sourceDown) throw new Error('prometheus is down');
              return [
                { namespace: project, resource: 'cpu', quantity: '4' },
                {
                  namespace: project,
                  resource: 'nvidia.com/gpu:A100',
                  quantity: '1',
                },
                { namespace: 'kube-system', resource: 'cpu', quantity: '2' },
                { namespace: 'monitoring', resource: 'cpu', quantity: '1' },
              ];
            },
          });
        },
      });
    },
  });

  beforeAll(async () => {
    const knex = await databases.init(id);
    server = await startPluginBackend(knex, {
      groups: [team],
      kubernetesToken: await backendServiceAccountToken(),
      features: [usageSource],
      bisonConfig: {
        billing: {
          source: 'test',
          startAt: start.toISOString(),
          settleDelayMinutes: 0,
          // Runs only when the tests ask for one.
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 5 },
            initialDelay: { hours: 24 },
          },
        },
        pricing: {
          defaults: [
            { resource: 'cpu', pricePerHour: '0.04' },
            { resource: 'memory', pricePerHour: '0.005' },
            { resource: 'nvidia.com/gpu', pricePerHour: '2.5' },
          ],
        },
      },
    });
    const created = await api()
      .post(`/teams/${team}/projects`)
      .send({ name: project });
    if (created.status !== 201) {
      throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
    }
  });

  it('serves the price book seeded from config', async () => {
    const res = await api().get('/prices');
    expect(res.body.current).toMatchObject({
      version: expect.any(Number),
      prices: [
        { resource: 'cpu', pricePerHour: '0.04' },
        { resource: 'memory', pricePerHour: '0.005' },
        { resource: 'nvidia.com/gpu', pricePerHour: '2.50' },
      ],
    });
  });

  it('reports the outage and bills the held-back windows after recovery', async () => {
    sourceDown = true;
    const failed = await api().post('/billing/runs');
    expect(failed.body).toMatchObject({
      status: 'failed',
      windowsBilled: 0,
      error: 'prometheus is down',
    });
    const status = await api().get('/billing/status');
    expect(status.body).toMatchObject({
      windowMinutes: 60,
      source: { id: 'test', registered: true, lastError: 'prometheus is down' },
      watermark: null,
      pendingWindows: 6,
      failedWindows: [{ start: start.toISOString(), attempts: 1 }],
    });

    sourceDown = false;
    const billed = await api().post('/billing/runs');
    expect(billed.body).toMatchObject({
      status: 'succeeded',
      windowsBilled: 6,
    });
    const after = await api().get('/billing/status');
    expect(after.body).toMatchObject({
      watermark: new Date(start.getTime() + 6 * HOUR).toISOString(),
      pendingWindows: 0,
      failedWindows: [],
    });
    const runs = await api().get('/billing/runs');
    expect(runs.body.items.map((r: { status: string }) => r.status)).toEqual([
      'succeeded',
      'failed',
    ]);
  });

  it('debits the team the exact sum of its lines, per window', async () => {
    // 4 core-hours × 0.04 + 1 A100-hour at the generic GPU price 2.50 = 2.66
    const wallet = await api().get(`/teams/${team}/wallet`);
    expect(wallet.body.balance).toBe('-15.96');
    const usage = await api().get(
      `/teams/${team}/usage?from=${encodeURIComponent(
        start.toISOString(),
      )}&granularity=hour&groupBy=resource`,
    );
    expect(usage.body.total).toBe('15.96');
    expect(usage.body.totals).toEqual([
      { key: 'nvidia.com/gpu:A100', quantity: '6', cost: '15.00' },
      { key: 'cpu', quantity: '24', cost: '0.96' },
    ]);
    expect(usage.body.buckets).toHaveLength(12);
    const byProject = await api().get(
      `/teams/${team}/usage?from=${encodeURIComponent(
        start.toISOString(),
      )}&granularity=day&groupBy=project`,
    );
    expect(byProject.body.totals).toEqual([{ key: project, cost: '15.96' }]);
  });

  it('ranks teams and reports unallocated usage without charging it', async () => {
    const summary = await api().get(
      `/usage/summary?from=${encodeURIComponent(start.toISOString())}`,
    );
    expect(summary.body).toMatchObject({
      total: '16.68',
      unallocated: '0.72',
      unallocatedNamespaces: [
        { namespace: 'kube-system', cost: '0.48' },
        { namespace: 'monitoring', cost: '0.24' },
      ],
      teams: [{ team, cost: '15.96', rank: 1 }],
    });
  });

  it('creates price versions that apply from their start, never to billed windows', async () => {
    const past = await api()
      .put('/prices')
      .send({
        effectiveFrom: start.toISOString(),
        prices: [{ resource: 'cpu', pricePerHour: '1' }],
      });
    expect(past.status).toBe(409);
    expect(past.body.error.message).toContain('billed already');

    const future = new Date(Date.now() + 24 * HOUR).toISOString();
    const created = await api()
      .put('/prices')
      .send({
        effectiveFrom: future,
        note: 'new GPU prices',
        prices: [
          { resource: 'cpu', pricePerHour: '0.05' },
          { resource: 'nvidia.com/gpu:A100', pricePerHour: '3.1' },
        ],
      });
    expect(created.status).toBe(201);
    const prices = await api().get('/prices');
    expect(prices.body.history).toHaveLength(2);
    expect(prices.body.current.version).not.toBe(created.body.version);
  });

  it.each([
    [{ prices: [] }, "'prices' must list at least one price"],
    [
      { prices: [{ resource: 'cpu', pricePerHour: '-1' }] },
      "'prices[0].pricePerHour'",
    ],
    [
      { prices: [{ resource: 'cpu', pricePerHour: '0.0000001' }] },
      "'prices[0].pricePerHour'",
    ],
    [
      { prices: [{ resource: 'CPU cores!', pricePerHour: '1' }] },
      "'prices[0].resource' is not a resource key",
    ],
    [
      {
        prices: [
          { resource: 'cpu', pricePerHour: '1' },
          { resource: 'cpu', pricePerHour: '2' },
        ],
      },
      "'prices[1].resource' repeats 'cpu'",
    ],
    [
      {
        effectiveFrom: 'tomorrow',
        prices: [{ resource: 'cpu', pricePerHour: '1' }],
      },
      "'effectiveFrom'",
    ],
  ])('rejects the price book %j', async (body, message) => {
    const before = (await api().get('/prices')).body.history.length;
    const res = await api().put('/prices').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect((await api().get('/prices')).body.history).toHaveLength(before);
  });

  it('previews the cost of resources for some hours', async () => {
    const res = await api()
      .post('/prices/preview')
      .send({
        hours: '730',
        resources: [
          { resource: 'cpu', quantity: '500m' },
          { resource: 'memory', quantity: '64Gi' },
          { resource: 'nvidia.com/gpu', quantity: '4' },
        ],
      });
    expect(res.body).toMatchObject({
      lines: [
        {
          resource: 'cpu',
          unitHours: '365',
          pricePerHour: '0.04',
          cost: '14.60',
        },
        {
          resource: 'memory',
          unitHours: '46720',
          pricePerHour: '0.005',
          cost: '233.60',
        },
        {
          resource: 'nvidia.com/gpu',
          unitHours: '2920',
          pricePerHour: '2.50',
          cost: '7300.00',
        },
      ],
      total: '7548.20',
    });
    const bad = await api()
      .post('/prices/preview')
      .send({
        hours: '1',
        resources: [{ resource: 'nvidia.com/gpu', quantity: '0.5' }],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'resources[0].quantity'");
  });
});
