import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { bisonPlugin } from '../plugin';
import { testCluster } from './kubernetes/testCluster';

/** The `Authorization` header of user `alice`, who is in the catalog. */
export const aliceHeader = mockCredentials.user.header('user:default/alice');

export interface StartPluginBackendOptions {
  /**
   * Names of the catalog Groups (namespace `default`); each gets the profile
   * display name `<name> (display)`.
   */
  groups: string[];
  /**
   * Groups to create a team for through `POST /teams` (the team takes the
   * group's name). All of `groups` unless given.
   */
  teams?: string[];
  /**
   * Bearer token for the test cluster; when given the plugin manages
   * tenants there (bison.kubernetes.cluster).
   */
  kubernetesToken?: string;
  /** More `bison` configuration, e.g. billing settings. */
  bisonConfig?: Record<string, unknown>;
  /** More backend features, e.g. a module adding a usage source. */
  features?: BackendFeature[];
}

/**
 * Starts a backend with the Bison plugin on `knex`, a catalog holding the
 * given Groups and user alice, and USD as the currency; then creates the
 * teams as alice. Fails when a team cannot be created.
 */
export async function startPluginBackend(
  knex: Knex,
  options: StartPluginBackendOptions,
): Promise<Server> {
  const groups = options.groups.map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'team',
      children: [],
      profile: { displayName: `${name} (display)` },
    },
  }));
  const { server } = await startTestBackend({
    features: [
      bisonPlugin,
      catalogServiceMock.factory({
        entities: [
          ...groups,
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'alice', namespace: 'default' },
            spec: {},
          },
        ],
      }),
      mockServices.database.factory({ knex }),
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          bison: {
            currency: { code: 'USD', symbol: '$', minorUnits: 2 },
            ...(options.kubernetesToken
              ? {
                  kubernetes: {
                    cluster: {
                      url: testCluster().server,
                      caFile: testCluster().caFile,
                      token: options.kubernetesToken,
                    },
                  },
                }
              : {}),
            ...options.bisonConfig,
          },
        },
      }),
    ],
  });
  for (const name of options.teams ?? options.groups) {
    const created = await bisonApi(server)
      .post('/teams')
      .send({ name, groupRef: `group:default/${name}` });
    if (created.status !== 201) {
      throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
    }
  }
  return server;
}

/** Requests to the plugin's routes (paths below `/api/bison`) as alice. */
export function bisonApi(server: Server) {
  const agent = request(server);
  const withAuth =
    (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (path: string) =>
      agent[method](`/api/bison${path}`).set('Authorization', aliceHeader);
  return {
    get: withAuth('get'),
    post: withAuth('post'),
    put: withAuth('put'),
    patch: withAuth('patch'),
    delete: withAuth('delete'),
  };
}
