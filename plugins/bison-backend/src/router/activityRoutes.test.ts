import { mockCredentials } from '@backstage/backend-test-utils';
import { Server } from 'node:http';
import request from 'supertest';
import { memberPermissions } from '../__testUtils__/memberPermissions';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  bisonApi,
  startPluginBackend,
} from '../__testUtils__/startPluginBackend';
import { TEST_SECRET_KEY } from '../alerts/__testUtils__/deliveryFixture';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const SIGNING_SECRET = 'whsec_YWN0aXZpdHktc2VjcmV0LW5vdC1pbi1sb2ctNDI=';
const MIA = 'user:default/mia';

interface Entry {
  id: string;
  action: string;
  team: string | null;
  actor: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

function created(res: request.Response) {
  if (res.status !== 201) {
    throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

describe.each(databases.eachSupportedId())('activity routes on %p', id => {
  let server: Server;
  const api = () => bisonApi(server);
  const asMia = (path: string) =>
    request(server)
      .get(`/api/bison${path}`)
      .set('Authorization', mockCredentials.user.header(MIA));
  const actions = (body: { items: Entry[] }) =>
    body.items.map(entry => `${entry.action}:${entry.team ?? '-'}`);

  beforeAll(async () => {
    const knex = await databases.init(id);
    server = await startPluginBackend(knex, {
      groups: ['ml-team', 'data-team'],
      bisonConfig: {
        alerts: {
          secretKey: TEST_SECRET_KEY,
          allowedHosts: ['127.0.0.1'],
        },
      },
      features: [memberPermissions({ [MIA]: ['group:default/ml-team'] })],
    });
    const recharge = (team: string, key: string) =>
      api()
        .post(`/teams/${team}/wallet/recharges`)
        .set('Idempotency-Key', key)
        .send({ amount: '100.00', reason: 'November budget' });
    created(await recharge('ml-team', 'a-1'));
    // A retry of the same request is not a second change.
    created(await recharge('ml-team', 'a-1'));
    created(
      await api()
        .post('/teams/data-team/wallet/adjustments')
        .send({ amount: '-2.50', reason: 'Refund of a test' }),
    );
    created(
      await api()
        .post('/alerts/channels')
        .send({
          name: 'Team hook',
          type: 'webhook',
          team: 'ml-team',
          secrets: {
            url: 'https://127.0.0.1:9/bison?token=tok-secret-42',
            signingSecret: SIGNING_SECRET,
          },
        }),
    );
    created(
      await api()
        .put('/prices')
        .send({ prices: [{ resource: 'cpu', pricePerHour: '0.05' }] }),
    );
  });

  it('keeps every change, newest first, with who and a summary', async () => {
    const res = await api().get('/activity');
    expect(res.status).toBe(200);
    expect(actions(res.body)).toEqual([
      'prices-update:-',
      'alert-channel-create:ml-team',
      'wallet-adjust:data-team',
      // Logged by the wallet's state machine, in the adjustment's transaction.
      'wallet-state:data-team',
      'wallet-recharge:ml-team',
      'team-create:data-team',
      'team-create:ml-team',
    ]);
    const [prices, channel, adjust, state, recharge] = res.body
      .items as Entry[];
    expect(state).toMatchObject({
      actor: 'user:default/alice',
      summary: expect.stringMatching(/^active → overdue: /),
      before: { state: 'active' },
      after: { state: 'overdue' },
    });
    expect(recharge).toMatchObject({
      actor: 'user:default/alice',
      summary: 'Recharged 100.00 USD: November budget',
      before: { balance: '0.00' },
      after: { balance: '100.00' },
    });
    expect(adjust.summary).toBe('Adjusted by -2.50 USD: Refund of a test');
    expect(channel.after).toMatchObject({ hasSecret: true, type: 'webhook' });
    expect(prices.after).toMatchObject({ cpu: '0.05' });
    expect(prices.before).toMatchObject({ cpu: expect.any(String) });
  });

  it('never keeps a secret', async () => {
    const res = await api().get('/activity');
    expect(res.text).not.toContain('tok-secret-42');
    expect(res.text).not.toContain(SIGNING_SECRET);
  });

  it('filters by team, actor, action and time', async () => {
    const byTeam = await api().get('/activity?team=ml-team');
    expect(actions(byTeam.body)).toEqual([
      'alert-channel-create:ml-team',
      'wallet-recharge:ml-team',
      'team-create:ml-team',
    ]);
    const byAction = await api().get('/activity?action=wallet-adjust');
    expect(actions(byAction.body)).toEqual(['wallet-adjust:data-team']);
    const byActor = await api().get(
      `/activity?actor=${encodeURIComponent('user:default/nobody')}`,
    );
    expect(byActor.body.items).toEqual([]);
    const future = new Date(Date.now() + 60_000).toISOString();
    const later = await api().get(
      `/activity?from=${encodeURIComponent(future)}`,
    );
    expect(later.body).toEqual({ items: [] });
    const earlier = await api().get(
      `/activity?to=${encodeURIComponent(future)}&limit=1`,
    );
    expect(actions(earlier.body)).toEqual(['prices-update:-']);
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const all = (await api().get('/activity')).body.items as Entry[];
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await api().get(
        `/activity?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((entry: Entry) => entry.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map(entry => entry.id));
  });

  it("shows a member only their team's changes", async () => {
    const res = await asMia('/activity');
    expect(res.status).toBe(200);
    expect(actions(res.body)).toEqual([
      'alert-channel-create:ml-team',
      'wallet-recharge:ml-team',
      'team-create:ml-team',
    ]);
    expect((await asMia('/activity?team=ml-team')).status).toBe(200);
    const other = await asMia('/activity?team=data-team');
    expect(other.status).toBe(403);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['from=yesterday', "'from'"],
      ['to=2026-13-01T00:00:00Z', "'to'"],
      ['from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', "'from'"],
      ['cursor=abc', "'cursor'"],
      ['limit=0', 'limit'],
    ]) {
      const res = await api().get(`/activity?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toContain(field);
    }
  });
});
