import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  BisonTenancyEntityProvider,
  DEFAULT_BISON_PROVIDER_SCHEDULE,
} from './BisonTenancyEntityProvider';

type Answer = { status: number; body: unknown };

/** A stand-in for the Bison backend answering GET /api/bison/{teams,projects}. */
class FakeBison {
  answers: Record<string, Answer> = {};
  requests: IncomingMessage[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.requests.push(req);
      const answer = this.answers[`${req.method} ${req.url}`] ?? {
        status: 404,
        body: { error: { name: 'NotFoundError', message: 'not found' } },
      };
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/bison`;
  }

  async stop() {
    await new Promise(resolve => this.server?.close(resolve));
  }
}

const teams = [
  {
    name: 'ml-team',
    groupRef: 'group:default/ml-team',
    displayName: 'Machine learning',
    description: 'Trains and serves models on the GPU pool',
    createdAt: '2025-01-01T00:00:00Z',
    createdBy: 'user:default/alice',
    projectCount: 2,
    pool: 'exclusive',
  },
  {
    name: 'data-team',
    groupRef: 'group:default/data-team',
    displayName: 'Data',
    createdAt: '2025-01-01T00:00:00Z',
    createdBy: 'user:default/alice',
    projectCount: 0,
    pool: 'shared',
  },
];

const projects = [
  {
    name: 'ml-training',
    team: 'ml-team',
    displayName: 'Training',
    phase: 'Active',
    createdAt: '2025-01-02T00:00:00Z',
  },
  {
    name: 'ml-serving',
    team: 'ml-team',
    displayName: 'Serving',
    description: 'Inference endpoints',
    phase: 'Active',
    createdAt: '2025-01-02T00:00:00Z',
  },
];

describe('BisonTenancyEntityProvider', () => {
  const bison = new FakeBison();
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await bison.start();
  });

  afterAll(async () => {
    await bison.stop();
  });

  beforeEach(() => {
    bison.requests = [];
    bison.answers = {
      'GET /api/bison/teams': { status: 200, body: { items: teams } },
      'GET /api/bison/projects': { status: 200, body: { items: projects } },
    };
  });

  function setup(options: { baseUrl?: string } = {}) {
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    const discovery = mockServices.discovery.mock({
      getBaseUrl: async pluginId => {
        expect(pluginId).toBe('bison');
        return options.baseUrl ?? baseUrl;
      },
    });
    const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
    const taskRunner: SchedulerServiceTaskRunner = {
      run: async task => {
        tasks.push(task);
      },
    };
    const provider = new BisonTenancyEntityProvider({
      logger,
      discovery,
      auth: mockServices.auth(),
      taskRunner,
    });
    const connection = {
      applyMutation: jest.fn(async () => {}),
      refresh: jest.fn(async () => {}),
    } satisfies EntityProviderConnection;
    return { provider, connection, logger, tasks };
  }

  it('is named bison-tenancy', () => {
    expect(setup().provider.getProviderName()).toBe('bison-tenancy');
  });

  it('schedules its refresh when connected', async () => {
    const { provider, connection, tasks } = setup();
    await provider.connect(connection);
    expect(tasks.map(t => t.id)).toEqual(['bison-tenancy:refresh']);

    await tasks[0].fn(new AbortController().signal);
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('applies teams and projects as a full mutation, called with a service token for bison', async () => {
    const { provider, connection, logger } = setup();
    await provider.connect(connection);

    await expect(provider.refresh()).resolves.toBe(true);

    expect(bison.requests.map(r => r.url).sort()).toEqual([
      '/api/bison/projects',
      '/api/bison/teams',
    ]);
    for (const req of bison.requests) {
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      expect(token).toMatch(/^mock-service-token:/);
      expect(
        JSON.parse(token!.slice('mock-service-token:'.length)),
      ).toMatchObject({ target: 'bison' });
    }

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const [mutation] = connection.applyMutation.mock.calls[0] as any[];
    expect(mutation.type).toBe('full');
    expect(
      mutation.entities.every(
        (e: { locationKey: string }) => e.locationKey === 'bison:tenancy',
      ),
    ).toBe(true);
    expect(mutation.entities.map((e: any) => e.entity)).toEqual([
      expect.objectContaining({
        kind: 'Resource',
        metadata: expect.objectContaining({
          name: 'tenant-ml-team',
          title: 'Machine learning (tenant)',
          description: 'Trains and serves models on the GPU pool',
        }),
        spec: { type: 'capsule-tenant', owner: 'group:default/ml-team' },
      }),
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'tenant-data-team' }),
        spec: { type: 'capsule-tenant', owner: 'group:default/data-team' },
      }),
      expect.objectContaining({
        metadata: expect.objectContaining({
          name: 'namespace-ml-training',
          title: 'Training',
          annotations: expect.objectContaining({
            'bison.io/tenant': 'ml-team',
            'bison.io/project': 'ml-training',
            'backstage.io/kubernetes-namespace': 'ml-training',
          }),
        }),
        spec: {
          type: 'kubernetes-namespace',
          owner: 'group:default/ml-team',
          dependsOn: ['resource:default/tenant-ml-team'],
        },
      }),
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'namespace-ml-serving' }),
      }),
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      'Bison tenancy in the catalog: 2 team(s) and 2 project(s)',
    );
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('applies an empty full mutation when Bison has no teams', async () => {
    bison.answers['GET /api/bison/teams'] = {
      status: 200,
      body: { items: [] },
    };
    bison.answers['GET /api/bison/projects'] = {
      status: 200,
      body: { items: [] },
    };
    const { provider, connection } = setup();
    await provider.connect(connection);

    await expect(provider.refresh()).resolves.toBe(true);
    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [],
    });
  });

  it('applies nothing and logs a warning when Bison answers 500', async () => {
    bison.answers['GET /api/bison/teams'] = {
      status: 500,
      body: { error: { name: 'Error', message: 'boom' } },
    };
    const { provider, connection, logger } = setup();
    await provider.connect(connection);

    await expect(provider.refresh()).resolves.toBe(false);
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not read teams and projects from Bison, keeping the current catalog entities: GET \/teams answered 500/,
      ),
    );
  });

  it('keeps the entities of the last refresh when the teams fail later', async () => {
    const { provider, connection, logger } = setup();
    await provider.connect(connection);
    await expect(provider.refresh()).resolves.toBe(true);

    bison.answers['GET /api/bison/teams'] = { status: 503, body: {} };
    await expect(provider.refresh()).resolves.toBe(false);

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('GET /teams answered 503'),
    );
  });

  it('keeps the namespaces of the last read when only the projects fail', async () => {
    const { provider, connection, logger } = setup();
    await provider.connect(connection);
    await expect(provider.refresh()).resolves.toBe(true);

    // A new team arrives while the projects cannot be read.
    bison.answers['GET /api/bison/teams'] = {
      status: 200,
      body: {
        items: [
          ...teams,
          { ...teams[1], name: 'dev-team', groupRef: 'group:default/dev-team' },
        ],
      },
    };
    bison.answers['GET /api/bison/projects'] = {
      status: 500,
      body: { error: { name: 'Error', message: 'cluster timeout' } },
    };
    await expect(provider.refresh()).resolves.toBe(true);
    await expect(provider.refresh()).resolves.toBe(true);

    const names = (call: number) =>
      (connection.applyMutation.mock.calls[call] as any[])[0].entities.map(
        (e: any) => e.entity.metadata.name,
      );
    expect(names(1)).toEqual([
      'tenant-ml-team',
      'tenant-data-team',
      'tenant-dev-team',
      'namespace-ml-training',
      'namespace-ml-serving',
    ]);
    expect(names(2)).toEqual(names(1));
    // Warned once; the same failure again is not repeated as a warning.
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not read projects from Bison, keeping the 2 project(s) of the last successful read: GET /projects answered 500: cluster timeout',
    );
  });

  it('publishes the teams of a Bison without a Kubernetes cluster', async () => {
    // A ledger-only Bison answers 503 on every tenancy route.
    bison.answers['GET /api/bison/projects'] = {
      status: 503,
      body: {
        error: {
          name: 'ServiceUnavailableError',
          message: 'no Kubernetes cluster is configured (bison.kubernetes)',
        },
      },
    };
    const { provider, connection, logger } = setup();
    await provider.connect(connection);

    await expect(provider.refresh()).resolves.toBe(true);
    const [mutation] = connection.applyMutation.mock.calls[0] as any[];
    expect(mutation.entities.map((e: any) => e.entity.metadata.name)).toEqual([
      'tenant-ml-team',
      'tenant-data-team',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not read projects from Bison, publishing the teams without projects: GET /projects answered 503: no Kubernetes cluster is configured (bison.kubernetes)',
    );
  });

  it('applies nothing when Bison cannot be reached', async () => {
    // Nothing listens on port 1.
    const { provider, connection, logger } = setup({
      baseUrl: 'http://127.0.0.1:1/api/bison',
    });
    await provider.connect(connection);

    await expect(provider.refresh()).resolves.toBe(false);
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Could not read teams and projects from Bison'),
    );
  });

  it('applies nothing when an answer is not a list', async () => {
    bison.answers['GET /api/bison/teams'] = { status: 200, body: { teams } };
    const { provider, connection, logger } = setup();
    await provider.connect(connection);

    await expect(provider.refresh()).resolves.toBe(false);
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('GET /teams answered no items list'),
    );
  });

  it('ignores malformed items and projects of unknown teams', async () => {
    bison.answers['GET /api/bison/teams'] = {
      status: 200,
      body: { items: [teams[0], { name: 'no-group' }] },
    };
    bison.answers['GET /api/bison/projects'] = {
      status: 200,
      body: {
        items: [
          projects[0],
          { ...projects[1], name: 'orphan', team: 'data-team' },
        ],
      },
    };
    const { provider, connection, logger } = setup();
    await provider.connect(connection);

    await expect(provider.refresh()).resolves.toBe(true);
    const [mutation] = connection.applyMutation.mock.calls[0] as any[];
    expect(mutation.entities.map((e: any) => e.entity.metadata.name)).toEqual([
      'tenant-ml-team',
      'namespace-ml-training',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Ignored 1 malformed item(s) of GET /teams',
    );
  });

  it('refuses to refresh before being connected', async () => {
    await expect(setup().provider.refresh()).rejects.toThrow(/not connected/);
  });

  describe('fromConfig', () => {
    function providerFromConfig(data: object) {
      const scheduler = mockServices.scheduler.mock();
      BisonTenancyEntityProvider.fromConfig(mockServices.rootConfig({ data }), {
        logger: mockServices.logger.mock(),
        discovery: mockServices.discovery(),
        auth: mockServices.auth(),
        scheduler,
      });
      return scheduler.createScheduledTaskRunner;
    }

    it('runs every 5 minutes with a 1 minute timeout by default', () => {
      expect(providerFromConfig({})).toHaveBeenCalledWith(
        DEFAULT_BISON_PROVIDER_SCHEDULE,
      );
      expect(DEFAULT_BISON_PROVIDER_SCHEDULE).toEqual({
        frequency: { minutes: 5 },
        timeout: { minutes: 1 },
      });
    });

    it('reads catalog.providers.bison.schedule', () => {
      expect(
        providerFromConfig({
          catalog: {
            providers: {
              bison: {
                schedule: {
                  frequency: { seconds: 30 },
                  timeout: { seconds: 20 },
                },
              },
            },
          },
        }),
      ).toHaveBeenCalledWith({
        frequency: { seconds: 30 },
        timeout: { seconds: 20 },
      });
    });

    it('waits for the backend to have started before scheduling', async () => {
      const scheduler = mockServices.scheduler.mock();
      const run = jest.fn(async () => {});
      scheduler.createScheduledTaskRunner.mockReturnValue({ run });
      const startupHooks: Array<() => void | Promise<void>> = [];
      const provider = BisonTenancyEntityProvider.fromConfig(
        mockServices.rootConfig({ data: {} }),
        {
          logger: mockServices.logger.mock(),
          discovery: mockServices.discovery(),
          auth: mockServices.auth(),
          scheduler,
          rootLifecycle: {
            addStartupHook: hook => {
              startupHooks.push(hook);
            },
            addBeforeShutdownHook: () => {},
            addShutdownHook: () => {},
          },
        },
      );
      await provider.connect({
        applyMutation: async () => {},
        refresh: async () => {},
      });
      expect(run).not.toHaveBeenCalled();

      await Promise.all(startupHooks.map(hook => hook()));
      await new Promise(resolve => setImmediate(resolve));
      expect(run).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'bison-tenancy:refresh' }),
      );
    });
  });
});
