import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import bisonPlugin from '@bison/plugin-bison-backend';
import { Knex } from 'knex';
import { Server } from 'node:http';
import { bisonExamplePolicyModule } from '../permissionPolicy/module';

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
});

export const entities = [
  group('engineering'),
  group('platform-admins', 'engineering'),
  group('finance'),
  group('ml-team', 'engineering'),
  group('data-team', 'engineering'),
];

export const memberships: Record<string, string[]> = {
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

/**
 * A backend with the Bison plugin, the permission backend and the example
 * policy, on the given database: what the demo app runs, minus the network.
 */
export async function startBisonBackend(knex: Knex): Promise<Server> {
  const { server } = await startTestBackend({
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
  });
  return server;
}

/** Authorization headers of the example users. */
export const callers = {
  admin: mockCredentials.user.header('user:default/alice'),
  finance: mockCredentials.user.header('user:default/frank'),
  member: mockCredentials.user.header('user:default/mia'),
  otherTeam: mockCredentials.user.header('user:default/dana'),
  anonymous: mockCredentials.none.header(),
};
export type Caller = keyof typeof callers;
