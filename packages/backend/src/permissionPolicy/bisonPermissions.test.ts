import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  Caller,
  callers,
  startBisonBackend,
} from '../__testUtils__/startBisonBackend';

jest.setTimeout(120_000);

const DATABASE_IDS: TestDatabaseId[] = ['POSTGRES_15', 'SQLITE_3'];
const databases = TestDatabases.create({ ids: DATABASE_IDS });

describe.each(databases.eachSupportedId())(
  'Bison permissions with the example policy on %p',
  databaseId => {
    let server: Awaited<ReturnType<typeof startBisonBackend>>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      server = await startBisonBackend(knex);
      for (const [name, groupRef] of [
        ['ml-team', 'group:default/ml-team'],
        ['data-team', 'group:default/data-team'],
        ['eng', 'group:default/engineering'],
      ]) {
        const res = await request(server)
          .post('/api/bison/teams')
          .set('Authorization', callers.admin)
          .send({ name, groupRef });
        if (res.status !== 201) {
          throw new Error(`setup failed: ${JSON.stringify(res.body)}`);
        }
      }
    });

    let keySeq = 0;
    const routes: Array<{
      route: string;
      send: (auth: string) => request.Test;
      expected: Record<Caller, number>;
    }> = [
      {
        route: 'GET /teams/ml-team',
        send: auth =>
          request(server)
            .get('/api/bison/teams/ml-team')
            .set('Authorization', auth),
        expected: {
          admin: 200,
          finance: 200,
          member: 200,
          otherTeam: 403,
          anonymous: 401,
        },
      },
      {
        route: 'GET /teams/ml-team/wallet',
        send: auth =>
          request(server)
            .get('/api/bison/teams/ml-team/wallet')
            .set('Authorization', auth),
        expected: {
          admin: 200,
          finance: 200,
          member: 200,
          otherTeam: 403,
          anonymous: 401,
        },
      },
      {
        route: 'GET /teams/ml-team/wallet/transactions',
        send: auth =>
          request(server)
            .get('/api/bison/teams/ml-team/wallet/transactions')
            .set('Authorization', auth),
        expected: {
          admin: 200,
          finance: 200,
          member: 200,
          otherTeam: 403,
          anonymous: 401,
        },
      },
      {
        route: 'GET /teams/ml-team/wallet/transactions?format=csv',
        send: auth =>
          request(server)
            .get('/api/bison/teams/ml-team/wallet/transactions?format=csv')
            .set('Authorization', auth),
        expected: {
          admin: 200,
          finance: 200,
          member: 200,
          otherTeam: 403,
          anonymous: 401,
        },
      },
      {
        route: 'POST /teams/ml-team/wallet/recharges',
        send: auth =>
          request(server)
            .post('/api/bison/teams/ml-team/wallet/recharges')
            .set('Authorization', auth)
            .set('Idempotency-Key', `matrix-${keySeq++}`)
            .send({ amount: '10.00', reason: 'matrix' }),
        expected: {
          admin: 201,
          finance: 201,
          member: 403,
          otherTeam: 403,
          anonymous: 401,
        },
      },
      {
        route: 'POST /teams/ml-team/wallet/adjustments',
        send: auth =>
          request(server)
            .post('/api/bison/teams/ml-team/wallet/adjustments')
            .set('Authorization', auth)
            .send({ amount: '-1.00', reason: 'matrix' }),
        expected: {
          admin: 201,
          finance: 403,
          member: 403,
          otherTeam: 403,
          anonymous: 401,
        },
      },
      {
        route: 'GET /teams/ml-team/wallet/auto-recharge',
        send: auth =>
          request(server)
            .get('/api/bison/teams/ml-team/wallet/auto-recharge')
            .set('Authorization', auth),
        expected: {
          admin: 200,
          finance: 200,
          member: 200,
          otherTeam: 403,
          anonymous: 401,
        },
      },
      {
        route: 'PUT /teams/ml-team/wallet/auto-recharge',
        send: auth =>
          request(server)
            .put('/api/bison/teams/ml-team/wallet/auto-recharge')
            .set('Authorization', auth)
            .send({
              enabled: true,
              threshold: { below: '10.00', topUpTo: '50.00' },
            }),
        expected: {
          admin: 200,
          finance: 200,
          member: 403,
          otherTeam: 403,
          anonymous: 401,
        },
      },
      {
        route: 'POST /teams',
        send: auth =>
          request(server)
            .post('/api/bison/teams')
            .set('Authorization', auth)
            .send({ name: `t-${keySeq++}`, groupRef: 'group:default/finance' }),
        expected: {
          admin: 201,
          finance: 403,
          member: 403,
          otherTeam: 403,
          anonymous: 401,
        },
      },
      ...tenancyAndBillingRoutes(),
      ...enforcementRoutes(),
    ];

    /** The wallet state and suspension routes (ledger-only here). */
    function enforcementRoutes() {
      const call =
        (method: 'get' | 'put' | 'post', path: string, body?: object) =>
        (auth: string) => {
          const test = request(server)
            [method](`/api/bison${path}`)
            .set('Authorization', auth);
          return body ? test.send(body) : test;
        };
      const onlyAdmin = {
        admin: 200,
        finance: 403,
        member: 403,
        otherTeam: 403,
        anonymous: 401,
      };
      return [
        {
          route: 'GET /teams/ml-team/enforcement',
          send: call('get', '/teams/ml-team/enforcement'),
          expected: {
            admin: 200,
            finance: 200,
            member: 200,
            otherTeam: 403,
            anonymous: 401,
          },
        },
        {
          route: 'PUT /teams/data-team/enforcement',
          send: call('put', '/teams/data-team/enforcement', {
            graceHours: 48,
          }),
          expected: onlyAdmin,
        },
        {
          route: 'POST /teams/data-team/suspend',
          send: call('post', '/teams/data-team/suspend', { reason: 'matrix' }),
          expected: onlyAdmin,
        },
        {
          route: 'POST /teams/data-team/resume',
          send: call('post', '/teams/data-team/resume', { reason: 'matrix' }),
          expected: onlyAdmin,
        },
        {
          route: 'GET /enforcement/teams',
          send: call('get', '/enforcement/teams'),
          expected: {
            admin: 200,
            finance: 200,
            member: 200,
            otherTeam: 200,
            anonymous: 401,
          },
        },
      ];
    }

    /**
     * Without a cluster the tenancy routes answer 503 once the caller is
     * allowed, so 503 here means "allowed" and 403 "denied".
     */
    function tenancyAndBillingRoutes() {
      const call =
        (
          method: 'get' | 'post' | 'put' | 'patch' | 'delete',
          path: string,
          body?: () => object,
        ) =>
        (auth: string) => {
          const test = request(server)
            [method](`/api/bison${path}`)
            .set('Authorization', auth);
          return body ? test.send(body()) : test;
        };
      const expect_ = (
        admin: number,
        finance: number,
        member: number,
        otherTeam: number,
      ) => ({ admin, finance, member, otherTeam, anonymous: 401 });
      return [
        {
          route: 'PATCH /teams/ml-team',
          send: call('patch', '/teams/ml-team', () => ({
            description: 'matrix',
          })),
          expected: expect_(200, 403, 403, 403),
        },
        {
          route: 'POST /teams/ml-team/projects',
          send: call('post', '/teams/ml-team/projects', () => ({
            name: 'ml-matrix',
          })),
          expected: expect_(503, 403, 503, 403),
        },
        {
          route: 'PATCH /teams/ml-team/projects/ml-x',
          send: call('patch', '/teams/ml-team/projects/ml-x', () => ({
            displayName: 'x',
          })),
          expected: expect_(503, 403, 503, 403),
        },
        {
          route: 'DELETE /teams/ml-team/projects/ml-x',
          send: call('delete', '/teams/ml-team/projects/ml-x'),
          expected: expect_(503, 403, 503, 403),
        },
        {
          route: 'GET /teams/ml-team/quota',
          send: call('get', '/teams/ml-team/quota'),
          expected: expect_(503, 503, 503, 403),
        },
        {
          route: 'PUT /teams/ml-team/quota',
          send: call('put', '/teams/ml-team/quota', () => ({ hard: {} })),
          expected: expect_(503, 403, 403, 403),
        },
        {
          route: 'GET /nodes',
          send: call('get', '/nodes'),
          expected: expect_(503, 503, 503, 503),
        },
        {
          route: 'POST /nodes/n1/assign',
          send: call('post', '/nodes/n1/assign', () => ({ team: 'ml-team' })),
          expected: expect_(503, 403, 403, 403),
        },
        {
          route: 'GET /prices',
          send: call('get', '/prices'),
          expected: expect_(200, 200, 200, 200),
        },
        {
          route: 'PUT /prices',
          send: call('put', '/prices', () => ({
            effectiveFrom: new Date(
              Date.UTC(2100, 0, 1 + keySeq++),
            ).toISOString(),
            prices: [{ resource: 'cpu', pricePerHour: '0.05' }],
          })),
          expected: expect_(201, 403, 403, 403),
        },
        {
          route: 'GET /billing/status',
          send: call('get', '/billing/status'),
          expected: expect_(200, 200, 403, 403),
        },
        {
          route: 'POST /billing/runs',
          send: call('post', '/billing/runs'),
          expected: expect_(200, 403, 403, 403),
        },
        {
          route: 'GET /teams/ml-team/usage',
          send: call('get', '/teams/ml-team/usage'),
          expected: expect_(200, 200, 200, 403),
        },
        {
          route: 'GET /usage/summary',
          send: call('get', '/usage/summary'),
          expected: expect_(200, 200, 403, 403),
        },
      ];
    }

    it.each(routes.map(r => [r.route, r] as const))('%s', async (_, route) => {
      const statuses: Record<string, number> = {};
      for (const caller of Object.keys(callers) as Caller[]) {
        statuses[caller] = (await route.send(callers[caller])).status;
      }
      expect(statuses).toEqual(route.expected);
    });

    it('lists only the teams each caller may read', async () => {
      const names = async (caller: Caller) => {
        const res = await request(server)
          .get('/api/bison/teams')
          .set('Authorization', callers[caller]);
        expect(res.status).toBe(200);
        return res.body.items.map((t: { name: string }) => t.name).sort();
      };
      // Members of a sub-group are members of the groups above it.
      expect(await names('member')).toEqual(['eng', 'ml-team']);
      expect(await names('otherTeam')).toEqual(['data-team', 'eng']);
      expect(await names('finance')).toEqual(
        expect.arrayContaining(['data-team', 'eng', 'ml-team']),
      );
      expect(await names('admin')).toEqual(
        expect.arrayContaining(['data-team', 'eng', 'ml-team']),
      );
      const anonymous = await request(server)
        .get('/api/bison/teams')
        .set('Authorization', callers.anonymous);
      expect(anonymous.status).toBe(401);
    });

    it('lists teams at risk to those who may read them', async () => {
      await request(server)
        .post('/api/bison/teams/data-team/suspend')
        .set('Authorization', callers.admin)
        .send({ reason: 'at-risk listing' })
        .expect(200);
      // Without a cluster the suspension is the ledger's alone, and says so.
      const enforcement = await request(server)
        .get('/api/bison/teams/data-team/enforcement')
        .set('Authorization', callers.admin)
        .expect(200);
      expect(enforcement.body).toMatchObject({
        state: 'suspended',
        suspension: {
          cluster: 'ledger-only',
          status: 'suspended',
          actions: [],
        },
        preview: {
          available: false,
          reason: expect.stringContaining('ledger only'),
        },
      });
      const atRisk = async (caller: Caller) =>
        (
          await request(server)
            .get('/api/bison/enforcement/teams')
            .set('Authorization', callers[caller])
            .expect(200)
        ).body.items.map((t: { team: string }) => t.team);
      expect(await atRisk('member')).not.toContain('data-team');
      expect(await atRisk('otherTeam')).toContain('data-team');
      expect(await atRisk('finance')).toContain('data-team');
      await request(server)
        .post('/api/bison/teams/data-team/resume')
        .set('Authorization', callers.admin)
        .send({ reason: 'done' })
        .expect(200);
    });

    it('reaches a parent group team through sub-group membership', async () => {
      const res = await request(server)
        .get('/api/bison/teams/eng/wallet')
        .set('Authorization', callers.member);
      expect(res.status).toBe(200);
    });
  },
);

it('runs on every database make test requires', () => {
  const required = process.env.BISON_REQUIRE_ALL_TEST_SERVICES
    ? DATABASE_IDS
    : ['SQLITE_3'];
  expect(databases.eachSupportedId().map(([id]) => id)).toEqual(
    expect.arrayContaining(required),
  );
});
