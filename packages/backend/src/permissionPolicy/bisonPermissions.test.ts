import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import bisonPlugin from '@bison/plugin-bison-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import { bisonExamplePolicyModule } from './module';

jest.setTimeout(120_000);

const DATABASE_IDS: TestDatabaseId[] = ['POSTGRES_15', 'SQLITE_3'];
const databases = TestDatabases.create({ ids: DATABASE_IDS });

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
});

const entities = [
  group('engineering'),
  group('platform-admins', 'engineering'),
  group('finance'),
  group('ml-team', 'engineering'),
  group('data-team', 'engineering'),
];

const memberships: Record<string, string[]> = {
  'user:default/alice': ['group:default/platform-admins'],
  'user:default/frank': ['group:default/finance'],
  'user:default/mia': ['group:default/ml-team'],
  'user:default/dana': ['group:default/data-team'],
};

// Ownership refs as the catalog sign-in resolver gives them: the user and
// the groups they are a direct member of.
const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: BackstageCredentials) {
      const userEntityRef = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef,
        ownershipEntityRefs: [
          userEntityRef,
          ...(memberships[userEntityRef] ?? []),
        ],
      };
    },
  }),
});

// The mock auth service drops the calling plugin from on-behalf-of tokens;
// real Backstage auth keeps it as the user principal's actor, which is what
// lets a plugin ask for conditional decisions on behalf of a user. The real
// httpAuth service is used so that requests go through this auth service.
const MOCK_SERVICE_TOKEN_PREFIX = 'mock-service-token:';
const authFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const authenticate = auth.authenticate.bind(auth);
    auth.authenticate = (async (token: string, options?: object) => {
      const credentials = await authenticate(token, options as any);
      if (token.startsWith(MOCK_SERVICE_TOKEN_PREFIX)) {
        const { sub, obo } = JSON.parse(
          token.slice(MOCK_SERVICE_TOKEN_PREFIX.length),
        );
        if (obo) return mockCredentials.user(obo, { actor: { subject: sub } });
      }
      return credentials;
    }) as typeof auth.authenticate;
    return auth;
  },
});

type Caller = 'admin' | 'finance' | 'member' | 'otherTeam' | 'anonymous';
const callers: Record<Caller, string> = {
  admin: mockCredentials.user.header('user:default/alice'),
  finance: mockCredentials.user.header('user:default/frank'),
  member: mockCredentials.user.header('user:default/mia'),
  otherTeam: mockCredentials.user.header('user:default/dana'),
  anonymous: mockCredentials.none.header(),
};

describe.each(databases.eachSupportedId())(
  'Bison permissions with the example policy on %p',
  databaseId => {
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          bisonPlugin,
          permissionPlugin,
          bisonExamplePolicyModule,
          userInfoFactory,
          authFactory,
          httpAuthServiceFactory,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
              bisonPolicy: {
                adminGroups: ['group:default/platform-admins'],
                financeGroups: ['group:default/finance'],
              },
            },
          }),
        ],
      }));
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
    ];

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
