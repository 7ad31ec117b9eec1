import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BisonClient } from './BisonClient';
import { Transaction, Wallet } from './types';

const baseUrl = 'http://backstage.test/api/bison';

const wallet: Wallet = {
  team: 'ml-team',
  balance: '100.50',
  currency: 'USD',
  state: 'active',
  creditLimit: '0.00',
  lastRecharge: { amount: '100.00', at: '2026-01-02T10:00:00.000Z' },
  updatedAt: '2026-01-02T10:00:00.000Z',
};

const transaction: Transaction = {
  id: '7',
  kind: 'recharge',
  amount: '100.00',
  balanceAfter: '100.50',
  actor: 'user:default/alice',
  reason: 'Q1 budget',
  createdAt: '2026-01-02T10:00:00.000Z',
};

function errorBody(statusCode: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode } },
    { status: statusCode },
  );
}

describe('BisonClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new BisonClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi({ injectIdentityAuth: { token: 'user-token' } }),
  });

  it('reads the settings from the backend', async () => {
    const settings = {
      currency: { code: 'USD', symbol: '$', minorUnits: 2 },
      billingWindowMinutes: 60,
    };
    server.use(
      http.get(`${baseUrl}/settings`, () => HttpResponse.json(settings)),
    );

    await expect(client.getSettings()).resolves.toEqual(settings);
  });

  it('turns error responses into ResponseError with the backend message', async () => {
    server.use(
      http.get(`${baseUrl}/settings`, () =>
        errorBody(403, 'NotAllowedError', 'not for you'),
      ),
    );

    const error = await client.getSettings().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toBe('not for you');
  });

  it('lists the teams, unwrapping the items, with the user token', async () => {
    const team = {
      name: 'ml-team',
      groupRef: 'group:default/ml-team',
      displayName: 'ML Team',
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'user:default/admin',
      wallet: { balance: '10.00', currency: 'USD', state: 'low' },
    };
    let authorization: string | null = null;
    server.use(
      http.get(`${baseUrl}/teams`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({ items: [team] });
      }),
    );

    await expect(client.listTeams()).resolves.toEqual([team]);
    expect(authorization).toBe('Bearer user-token');
  });

  it('encodes the team name in paths', async () => {
    let path = '';
    server.use(
      http.get(`${baseUrl}/teams/:team`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json({ name: 'a b' });
      }),
    );

    await client.getTeam('a b');
    expect(path).toBe('/api/bison/teams/a%20b');
  });

  it('maps a missing team to a 404 ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/teams/:team`, () =>
        errorBody(404, 'NotFoundError', "team 'ghost' not found"),
      ),
    );

    const error = await client.getTeam('ghost').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe("team 'ghost' not found");
  });

  it('reads the wallet', async () => {
    server.use(
      http.get(`${baseUrl}/teams/ml-team/wallet`, () =>
        HttpResponse.json(wallet),
      ),
    );

    await expect(client.getWallet('ml-team')).resolves.toEqual(wallet);
  });

  it('sends the transaction filter, page size and cursor as query parameters', async () => {
    let url: URL | undefined;
    server.use(
      http.get(
        `${baseUrl}/teams/ml-team/wallet/transactions`,
        ({ request }) => {
          url = new URL(request.url);
          return HttpResponse.json({ items: [transaction], nextCursor: 'c2' });
        },
      ),
    );

    const page = await client.listTransactions('ml-team', {
      kind: 'recharge',
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00+01:00',
      limit: 20,
      cursor: 'c1',
    });

    expect(page).toEqual({ items: [transaction], nextCursor: 'c2' });
    expect(url!.searchParams.get('kind')).toBe('recharge');
    expect(url!.searchParams.get('from')).toBe('2026-01-01T00:00:00Z');
    // '+' must be percent-encoded, or the backend would read a space.
    expect(url!.search).toContain('to=2026-02-01T00%3A00%3A00%2B01%3A00');
    expect(url!.searchParams.get('to')).toBe('2026-02-01T00:00:00+01:00');
    expect(url!.searchParams.get('limit')).toBe('20');
    expect(url!.searchParams.get('cursor')).toBe('c1');
    expect(url!.searchParams.has('format')).toBe(false);
  });

  it('sends no query string without a filter', async () => {
    let search = 'unset';
    server.use(
      http.get(
        `${baseUrl}/teams/ml-team/wallet/transactions`,
        ({ request }) => {
          search = new URL(request.url).search;
          return HttpResponse.json({ items: [] });
        },
      ),
    );

    await expect(client.listTransactions('ml-team')).resolves.toEqual({
      items: [],
    });
    expect(search).toBe('');
  });

  it('downloads the filtered transactions as a CSV blob with the user token', async () => {
    let url: URL | undefined;
    let authorization: string | null = null;
    server.use(
      http.get(
        `${baseUrl}/teams/ml-team/wallet/transactions`,
        ({ request }) => {
          url = new URL(request.url);
          authorization = request.headers.get('authorization');
          return new HttpResponse('id,kind\n7,recharge\n', {
            headers: { 'Content-Type': 'text/csv' },
          });
        },
      ),
    );

    const blob = await client.downloadTransactionsCsv('ml-team', {
      kind: 'usage',
      from: '2026-01-01T00:00:00Z',
    });

    expect(await blob.text()).toBe('id,kind\n7,recharge\n');
    expect(url!.searchParams.get('format')).toBe('csv');
    expect(url!.searchParams.get('kind')).toBe('usage');
    expect(url!.searchParams.get('from')).toBe('2026-01-01T00:00:00Z');
    expect(url!.searchParams.has('limit')).toBe(false);
    expect(authorization).toBe('Bearer user-token');
  });

  it('rejects a failed CSV download with a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/teams/ml-team/wallet/transactions`, () =>
        errorBody(400, 'InputError', "'from' must be before 'to'"),
      ),
    );

    const error = await client
      .downloadTransactionsCsv('ml-team', {
        from: '2026-02-01T00:00:00Z',
        to: '2026-01-01T00:00:00Z',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toBe("'from' must be before 'to'");
  });

  it('posts a recharge with its JSON body and Idempotency-Key header', async () => {
    let request: Request | undefined;
    let body: unknown;
    server.use(
      http.post(
        `${baseUrl}/teams/ml-team/wallet/recharges`,
        async ({ request: r }) => {
          request = r;
          body = await r.json();
          return HttpResponse.json({ transaction, wallet }, { status: 201 });
        },
      ),
    );

    const result = await client.recharge(
      'ml-team',
      { amount: '100.00', reason: 'Q1 budget' },
      'key-1',
    );

    expect(result).toEqual({ transaction, wallet, replayed: false });
    expect(request!.headers.get('idempotency-key')).toBe('key-1');
    expect(request!.headers.get('content-type')).toBe('application/json');
    expect(request!.headers.get('authorization')).toBe('Bearer user-token');
    expect(body).toEqual({ amount: '100.00', reason: 'Q1 budget' });
  });

  it('reports a replayed recharge', async () => {
    server.use(
      http.post(`${baseUrl}/teams/ml-team/wallet/recharges`, () =>
        HttpResponse.json(
          { transaction, wallet },
          { status: 201, headers: { 'Idempotent-Replayed': 'true' } },
        ),
      ),
    );

    const result = await client.recharge('ml-team', { amount: '1' }, 'key-1');
    expect(result.replayed).toBe(true);
    expect(result.transaction).toEqual(transaction);
  });

  it('maps a reused idempotency key (409) and a field error (400) to ResponseErrors', async () => {
    server.use(
      http.post(`${baseUrl}/teams/ml-team/wallet/recharges`, ({ request }) =>
        request.headers.get('idempotency-key') === 'used'
          ? errorBody(
              409,
              'ConflictError',
              'this idempotency key was already used for a different request',
            )
          : errorBody(
              400,
              'InputError',
              "'amount' has more than 2 decimal places",
            ),
      ),
    );

    const conflict = await client
      .recharge('ml-team', { amount: '5.00' }, 'used')
      .catch(e => e);
    expect(conflict).toBeInstanceOf(ResponseError);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body.error.message).toMatch(/already used/);

    const invalid = await client
      .recharge('ml-team', { amount: '5.001' }, 'fresh')
      .catch(e => e);
    expect(invalid).toBeInstanceOf(ResponseError);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body.error.message).toBe(
      "'amount' has more than 2 decimal places",
    );
  });

  it('posts an adjustment, with the Idempotency-Key header only when given', async () => {
    const keys: (string | null)[] = [];
    const bodies: unknown[] = [];
    server.use(
      http.post(
        `${baseUrl}/teams/ml-team/wallet/adjustments`,
        async ({ request }) => {
          keys.push(request.headers.get('idempotency-key'));
          bodies.push(await request.json());
          return HttpResponse.json(
            { transaction: { ...transaction, kind: 'adjustment' }, wallet },
            { status: 201 },
          );
        },
      ),
    );

    await client.adjust('ml-team', { amount: '-12.50', reason: 'refund' });
    await client.adjust(
      'ml-team',
      { amount: '3.00', reason: 'fix' },
      'adjust-key',
    );

    expect(keys).toEqual([null, 'adjust-key']);
    expect(bodies).toEqual([
      { amount: '-12.50', reason: 'refund' },
      { amount: '3.00', reason: 'fix' },
    ]);
  });

  it('reads and replaces the auto-recharge policy', async () => {
    const policy = {
      enabled: true,
      scheduled: { every: 'month' as const, dayOfMonth: 1, amount: '500.00' },
      threshold: { below: '50.00', topUpTo: '200.00' },
      monthlyCap: null,
    };
    let method = '';
    let body: unknown;
    server.use(
      http.get(`${baseUrl}/teams/ml-team/wallet/auto-recharge`, () =>
        HttpResponse.json({
          enabled: false,
          scheduled: null,
          threshold: null,
          monthlyCap: null,
        }),
      ),
      http.put(
        `${baseUrl}/teams/ml-team/wallet/auto-recharge`,
        async ({ request }) => {
          method = request.method;
          body = await request.json();
          return HttpResponse.json({ ...policy, updatedBy: 'user:default/a' });
        },
      ),
    );

    await expect(client.getAutoRecharge('ml-team')).resolves.toEqual({
      enabled: false,
      scheduled: null,
      threshold: null,
      monthlyCap: null,
    });
    await expect(client.putAutoRecharge('ml-team', policy)).resolves.toEqual({
      ...policy,
      updatedBy: 'user:default/a',
    });
    expect(method).toBe('PUT');
    expect(body).toEqual(policy);
  });

  it('maps an invalid policy to a ResponseError naming the field', async () => {
    server.use(
      http.put(`${baseUrl}/teams/ml-team/wallet/auto-recharge`, () =>
        errorBody(
          400,
          'InputError',
          "'threshold.topUpTo' must be greater than 'threshold.below'",
        ),
      ),
    );

    const error = await client
      .putAutoRecharge('ml-team', {
        enabled: true,
        scheduled: null,
        threshold: { below: '10', topUpTo: '5' },
        monthlyCap: null,
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toBe(
      "'threshold.topUpTo' must be greater than 'threshold.below'",
    );
  });

  describe('tenancy', () => {
    const project = {
      name: 'ml-training',
      team: 'ml-team',
      displayName: 'Training',
      phase: 'Active',
      createdAt: '2026-01-02T10:00:00.000Z',
      quota: {
        hard: { 'requests.memory': '64Gi' },
        used: { 'requests.memory': '12Gi' },
      },
    };
    const node = {
      name: 'gpu-1',
      ready: true,
      unschedulable: false,
      capacity: { cpu: '8', 'nvidia.com/gpu': '4' },
      allocatable: { cpu: '7900m', 'nvidia.com/gpu': '4' },
    };

    /** Records each request's method, path, query and JSON body. */
    function record(
      method: 'get' | 'post' | 'put' | 'patch' | 'delete',
      path: string,
      response: () => Response,
    ) {
      const seen: {
        method: string;
        path: string;
        search: string;
        body: unknown;
        contentType: string | null;
      }[] = [];
      server.use(
        http[method](`${baseUrl}${path}`, async ({ request }) => {
          const text = await request.text();
          const url = new URL(request.url);
          seen.push({
            method: request.method,
            path: url.pathname,
            search: url.search,
            body: text ? JSON.parse(text) : undefined,
            contentType: request.headers.get('content-type'),
          });
          return response();
        }),
      );
      return seen;
    }

    it('creates a team with the extended request', async () => {
      const request = {
        name: 'ml-team',
        groupRef: 'group:default/machine-learning',
        displayName: 'ML',
        quota: { hard: { 'requests.memory': '64Gi', 'requests.cpu': '500m' } },
        pool: 'exclusive' as const,
      };
      const seen = record('post', '/teams', () =>
        HttpResponse.json({ name: 'ml-team' }, { status: 201 }),
      );

      await expect(client.createTeam(request)).resolves.toEqual({
        name: 'ml-team',
      });
      expect(seen).toEqual([
        expect.objectContaining({
          method: 'POST',
          body: request,
          contentType: 'application/json',
        }),
      ]);
    });

    it('patches a team, encoding its name', async () => {
      const seen = record('patch', '/teams/:team', () =>
        HttpResponse.json({ name: 'a b' }),
      );
      await client.updateTeam('a b', { displayName: 'AB', quota: null });
      expect(seen[0]).toMatchObject({
        method: 'PATCH',
        path: '/api/bison/teams/a%20b',
        body: { displayName: 'AB', quota: null },
      });
    });

    it('deletes a team, with cascade only when asked', async () => {
      const seen = record(
        'delete',
        '/teams/:team',
        () => new HttpResponse(null, { status: 204 }),
      );
      await expect(client.deleteTeam('ml-team')).resolves.toBeUndefined();
      await client.deleteTeam('ml-team', { cascade: true });
      expect(seen.map(r => [r.method, r.path, r.search])).toEqual([
        ['DELETE', '/api/bison/teams/ml-team', ''],
        ['DELETE', '/api/bison/teams/ml-team', '?cascade=true'],
      ]);
    });

    it('maps a refused team deletion to a ResponseError', async () => {
      server.use(
        http.delete(`${baseUrl}/teams/ml-team`, () =>
          errorBody(409, 'ConflictError', "team 'ml-team' still has projects"),
        ),
      );
      const error = await client.deleteTeam('ml-team').catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(409);
    });

    it('lists and creates the projects of a team', async () => {
      server.use(
        http.get(`${baseUrl}/teams/ml-team/projects`, () =>
          HttpResponse.json({ items: [project] }),
        ),
      );
      const seen = record('post', '/teams/ml-team/projects', () =>
        HttpResponse.json(project, { status: 201 }),
      );

      await expect(client.listTeamProjects('ml-team')).resolves.toEqual([
        project,
      ]);
      await expect(
        client.createProject('ml-team', {
          name: 'ml-training',
          quota: { hard: { 'requests.nvidia.com/gpu': '2' } },
        }),
      ).resolves.toEqual(project);
      expect(seen[0].body).toEqual({
        name: 'ml-training',
        quota: { hard: { 'requests.nvidia.com/gpu': '2' } },
      });
    });

    it('reads, patches, re-quotas and deletes one project, encoding both names', async () => {
      const get = record('get', '/teams/:team/projects/:project', () =>
        HttpResponse.json(project),
      );
      const patch = record('patch', '/teams/:team/projects/:project', () =>
        HttpResponse.json(project),
      );
      const put = record('put', '/teams/:team/projects/:project/quota', () =>
        HttpResponse.json(project),
      );
      const del = record(
        'delete',
        '/teams/:team/projects/:project',
        () => new HttpResponse(null, { status: 204 }),
      );

      await client.getTeamProject('ml team', 'p/1');
      await client.updateProject('ml-team', 'ml-training', {
        description: 'GPU jobs',
      });
      await client.putProjectQuota('ml-team', 'ml-training', {
        hard: { 'limits.memory': '8Gi' },
      });
      await expect(
        client.deleteProject('ml-team', 'ml-training'),
      ).resolves.toBeUndefined();

      expect(get[0].path).toBe('/api/bison/teams/ml%20team/projects/p%2F1');
      expect(patch[0]).toMatchObject({
        method: 'PATCH',
        path: '/api/bison/teams/ml-team/projects/ml-training',
        body: { description: 'GPU jobs' },
      });
      expect(put[0]).toMatchObject({
        method: 'PUT',
        path: '/api/bison/teams/ml-team/projects/ml-training/quota',
        body: { hard: { 'limits.memory': '8Gi' } },
      });
      expect(del[0]).toMatchObject({
        method: 'DELETE',
        path: '/api/bison/teams/ml-team/projects/ml-training',
      });
    });

    it('reads and replaces the team quota', async () => {
      const quota = {
        team: { hard: { 'requests.cpu': '16' }, used: { 'requests.cpu': '2' } },
        projects: [{ name: 'ml-training', quota: project.quota }],
      };
      server.use(
        http.get(`${baseUrl}/teams/ml-team/quota`, () =>
          HttpResponse.json(quota),
        ),
      );
      const seen = record('put', '/teams/ml-team/quota', () =>
        HttpResponse.json(quota),
      );

      await expect(client.getTeamQuota('ml-team')).resolves.toEqual(quota);
      await expect(
        client.putTeamQuota('ml-team', { hard: { 'requests.cpu': '16' } }),
      ).resolves.toEqual(quota);
      expect(seen[0]).toMatchObject({
        method: 'PUT',
        body: { hard: { 'requests.cpu': '16' } },
        contentType: 'application/json',
      });
    });

    it('maps a quota the backend refuses to a ResponseError naming the field', async () => {
      server.use(
        http.put(`${baseUrl}/teams/ml-team/quota`, () =>
          errorBody(
            400,
            'InputError',
            "'hard.requests.memory' needs a unit such as Mi or Gi ('64' would mean bytes)",
          ),
        ),
      );
      const error = await client
        .putTeamQuota('ml-team', { hard: { 'requests.memory': '64' } })
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.body.error.message).toMatch(/'hard.requests.memory'/);
    });

    it('lists all projects and reads one by namespace', async () => {
      const seen = record('get', '/projects/:project', () =>
        HttpResponse.json(project),
      );
      server.use(
        http.get(`${baseUrl}/projects`, () =>
          HttpResponse.json({ items: [project] }),
        ),
      );

      await expect(client.listProjects()).resolves.toEqual([project]);
      await expect(client.getProject('ml training')).resolves.toEqual(project);
      expect(seen[0].path).toBe('/api/bison/projects/ml%20training');
    });

    it('lists the compute resources and the nodes, unwrapping the items', async () => {
      const resource = {
        key: 'memory',
        displayName: 'Memory',
        unit: 'GiB',
        quotaKeys: ['requests.memory', 'limits.memory'],
        onNodes: true,
      };
      server.use(
        http.get(`${baseUrl}/resources`, () =>
          HttpResponse.json({ items: [resource] }),
        ),
        http.get(`${baseUrl}/nodes`, () =>
          HttpResponse.json({ items: [node] }),
        ),
      );

      await expect(client.listComputeResources()).resolves.toEqual([resource]);
      await expect(client.listNodes()).resolves.toEqual([node]);
    });

    it('assigns and releases a node, encoding its name', async () => {
      const assign = record('post', '/nodes/:node/assign', () =>
        HttpResponse.json({ ...node, team: 'ml-team' }),
      );
      const release = record('post', '/nodes/:node/release', () =>
        HttpResponse.json(node),
      );

      await expect(client.assignNode('gpu 1', 'ml-team')).resolves.toEqual({
        ...node,
        team: 'ml-team',
      });
      await expect(client.releaseNode('gpu 1')).resolves.toEqual(node);
      expect(assign[0]).toMatchObject({
        method: 'POST',
        path: '/api/bison/nodes/gpu%201/assign',
        body: { team: 'ml-team' },
      });
      expect(release[0]).toMatchObject({
        method: 'POST',
        path: '/api/bison/nodes/gpu%201/release',
        body: undefined,
      });
    });

    it('maps a node held by another team to a 409 ResponseError', async () => {
      server.use(
        http.post(`${baseUrl}/nodes/gpu-1/assign`, () =>
          errorBody(409, 'ConflictError', "node 'gpu-1' belongs to team 'b'"),
        ),
      );
      const error = await client.assignNode('gpu-1', 'ml-team').catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(409);
      expect(error.body.error.message).toBe("node 'gpu-1' belongs to team 'b'");
    });

    describe('pricing, billing and usage', () => {
      const book = {
        version: 3,
        effectiveFrom: '2026-03-01T00:00:00.000Z',
        prices: [
          { resource: 'cpu', pricePerHour: '0.04' },
          { resource: 'nvidia.com/gpu', pricePerHour: '2.50' },
        ],
        note: 'spring prices',
        createdAt: '2026-02-20T10:00:00.000Z',
        createdBy: 'user:default/finance',
      };
      const run = {
        id: '12',
        trigger: 'manual' as const,
        actor: 'user:default/admin',
        startedAt: '2026-03-02T10:00:00.000Z',
        finishedAt: '2026-03-02T10:00:05.000Z',
        status: 'succeeded' as const,
        windowsBilled: 3,
        windowsPending: 0,
      };

      it('reads the price books', async () => {
        const books = { current: book, history: [book] };
        const seen = record('get', '/prices', () => HttpResponse.json(books));
        await expect(client.getPrices()).resolves.toEqual(books);
        expect(seen[0]).toMatchObject({ method: 'GET', search: '' });
      });

      it('PUTs a new price book as JSON', async () => {
        const request = {
          effectiveFrom: '2026-04-01T00:00:00.000Z',
          prices: [{ resource: 'memory', pricePerHour: '0.005' }],
          note: 'cheaper memory',
        };
        const seen = record('put', '/prices', () =>
          HttpResponse.json(
            { ...book, ...request, version: 4 },
            { status: 201 },
          ),
        );
        await expect(client.putPrices(request)).resolves.toMatchObject({
          version: 4,
        });
        expect(seen).toEqual([
          expect.objectContaining({
            method: 'PUT',
            body: request,
            contentType: 'application/json',
          }),
        ]);
      });

      it('maps refused prices to ResponseErrors naming the field or the conflict', async () => {
        server.use(
          http.put(`${baseUrl}/prices`, async ({ request }) => {
            const body = (await request.json()) as { effectiveFrom?: string };
            return body.effectiveFrom
              ? errorBody(
                  409,
                  'ConflictError',
                  "windows up to 2026-03-02T10:00:00.000Z are billed already; 'effectiveFrom' must not be earlier",
                )
              : errorBody(
                  400,
                  'InputError',
                  "'prices[1].pricePerHour' amount has more than 6 decimal places",
                );
          }),
        );
        const invalid = await client
          .putPrices({
            prices: [
              { resource: 'cpu', pricePerHour: '1' },
              { resource: 'memory', pricePerHour: '0.0000001' },
            ],
          })
          .catch(e => e);
        expect(invalid).toBeInstanceOf(ResponseError);
        expect(invalid.statusCode).toBe(400);
        expect(invalid.body.error.message).toMatch(
          /'prices\[1\].pricePerHour'/,
        );

        const conflict = await client
          .putPrices({
            effectiveFrom: '2026-01-01T00:00:00Z',
            prices: [{ resource: 'cpu', pricePerHour: '1' }],
          })
          .catch(e => e);
        expect(conflict.statusCode).toBe(409);
      });

      it('posts a price preview', async () => {
        const request = {
          resources: [
            { resource: 'cpu', quantity: '500m' },
            { resource: 'memory', quantity: '64Gi' },
          ],
          hours: '730',
        };
        const preview = {
          version: 3,
          lines: [
            {
              resource: 'cpu',
              unitHours: '365',
              pricePerHour: '0.04',
              cost: '14.60',
            },
          ],
          total: '14.60',
        };
        const seen = record('post', '/prices/preview', () =>
          HttpResponse.json(preview),
        );
        await expect(client.previewPrices(request)).resolves.toEqual(preview);
        expect(seen[0]).toMatchObject({
          method: 'POST',
          body: request,
          contentType: 'application/json',
        });
      });

      it('reads the billing status and runs, and starts a run without a body', async () => {
        const status = {
          windowMinutes: 60,
          settleDelayMinutes: 10,
          source: { id: 'opencost', registered: true },
          watermark: '2026-03-02T09:00:00.000Z',
          lagMinutes: 70,
          pendingWindows: 1,
          failedWindows: [],
          lastRun: run,
        };
        server.use(
          http.get(`${baseUrl}/billing/status`, () =>
            HttpResponse.json(status),
          ),
          http.get(`${baseUrl}/billing/runs`, () =>
            HttpResponse.json({ items: [run] }),
          ),
        );
        const started = record('post', '/billing/runs', () =>
          HttpResponse.json(run),
        );

        await expect(client.getBillingStatus()).resolves.toEqual(status);
        await expect(client.listBillingRuns()).resolves.toEqual([run]);
        await expect(client.startBillingRun()).resolves.toEqual(run);
        expect(started).toEqual([
          expect.objectContaining({ method: 'POST', body: undefined }),
        ]);
      });

      it('maps a refused billing status to a 403 ResponseError', async () => {
        server.use(
          http.get(`${baseUrl}/billing/status`, () =>
            errorBody(403, 'NotAllowedError', 'Unauthorized'),
          ),
        );
        const error = await client.getBillingStatus().catch(e => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect(error.statusCode).toBe(403);
      });

      it('reads team usage with the range, granularity and grouping as query parameters', async () => {
        const usage = {
          team: 'ml team',
          from: '2026-03-01T00:00:00.000Z',
          to: '2026-03-08T00:00:00.000Z',
          granularity: 'hour',
          groupBy: 'project',
          buckets: [],
          totals: [],
          total: '0.00',
        };
        const seen = record('get', '/teams/:team/usage', () =>
          HttpResponse.json(usage),
        );

        await expect(
          client.getTeamUsage('ml team', {
            from: '2026-03-01T00:00:00+01:00',
            to: '2026-03-08T00:00:00Z',
            granularity: 'hour',
            groupBy: 'project',
          }),
        ).resolves.toEqual(usage);
        await client.getTeamUsage('ml-team');

        expect(seen[0].path).toBe('/api/bison/teams/ml%20team/usage');
        const params = new URLSearchParams(seen[0].search);
        expect(seen[0].search).toContain(
          'from=2026-03-01T00%3A00%3A00%2B01%3A00',
        );
        expect(params.get('to')).toBe('2026-03-08T00:00:00Z');
        expect(params.get('granularity')).toBe('hour');
        expect(params.get('groupBy')).toBe('project');
        expect(seen[1].search).toBe('');
      });

      it('reads the usage summary for a range', async () => {
        const summary = {
          from: '2026-03-01T00:00:00.000Z',
          to: '2026-03-08T00:00:00.000Z',
          total: '120.00',
          unallocated: '4.00',
          teams: [
            {
              team: 'ml-team',
              displayName: 'ML',
              cost: '116.00',
              rank: 1,
            },
          ],
          daily: [{ start: '2026-03-01T00:00:00.000Z', cost: '20.00' }],
        };
        const seen = record('get', '/usage/summary', () =>
          HttpResponse.json(summary),
        );
        await expect(
          client.getUsageSummary({
            from: '2026-03-01T00:00:00.000Z',
            to: '2026-03-08T00:00:00.000Z',
          }),
        ).resolves.toEqual(summary);
        await client.getUsageSummary();
        const params = new URLSearchParams(seen[0].search);
        expect(params.get('from')).toBe('2026-03-01T00:00:00.000Z');
        expect(params.get('to')).toBe('2026-03-08T00:00:00.000Z');
        expect(seen[1].search).toBe('');
      });
    });

    describe('enforcement', () => {
      const enforcement = {
        team: 'ml-team',
        state: 'suspended',
        balance: '-20.00',
        overdueSince: '2026-12-01T10:00:00.000Z',
        graceEndsAt: '2026-12-02T10:00:00.000Z',
        forecast: { burnRatePerDay: '12.00', basis: 'last7d', runOutAt: null },
        settings: {
          mode: 'enforce',
          lowBalance: '50.00',
          lowRunwayDays: 3,
          creditLimit: '0.00',
          graceHours: 24,
          resumeBalance: '0.00',
          steps: ['cordon', 'scale-workloads'],
        },
        overrides: { graceHours: 24 },
        suspension: null,
      };

      it('reads the enforcement, with the preview unless told not to', async () => {
        const seen = record('get', '/teams/:team/enforcement', () =>
          HttpResponse.json(enforcement),
        );
        await expect(client.getEnforcement('ml team')).resolves.toEqual(
          enforcement,
        );
        await client.getEnforcement('ml-team', { preview: false });
        await client.getEnforcement('ml-team', { preview: true });
        expect(seen.map(r => [r.method, r.path, r.search])).toEqual([
          ['GET', '/api/bison/teams/ml%20team/enforcement', ''],
          ['GET', '/api/bison/teams/ml-team/enforcement', '?preview=false'],
          ['GET', '/api/bison/teams/ml-team/enforcement', ''],
        ]);
      });

      it('PUTs the overrides as JSON, nulls included', async () => {
        const overrides = {
          mode: 'warn' as const,
          lowBalance: null,
          lowRunwayDays: 3,
          creditLimit: '100.00',
          graceHours: null,
          resumeBalance: null,
          steps: ['cordon' as const],
        };
        const seen = record('put', '/teams/:team/enforcement', () =>
          HttpResponse.json(enforcement),
        );
        await expect(
          client.updateEnforcement('ml-team', overrides),
        ).resolves.toEqual(enforcement);
        expect(seen).toEqual([
          expect.objectContaining({
            method: 'PUT',
            path: '/api/bison/teams/ml-team/enforcement',
            body: overrides,
            contentType: 'application/json',
          }),
        ]);
      });

      it('posts a suspension and a resume with their bodies', async () => {
        const suspend = record('post', '/teams/:team/suspend', () =>
          HttpResponse.json(enforcement),
        );
        const resume = record('post', '/teams/:team/resume', () =>
          HttpResponse.json({ ...enforcement, state: 'active' }),
        );
        await expect(
          client.suspendTeam('ml-team', { reason: 'audit', hold: true }),
        ).resolves.toEqual(enforcement);
        await expect(
          client.resumeTeam('ml-team', { reason: 'paid' }),
        ).resolves.toMatchObject({ state: 'active' });
        expect(suspend[0]).toMatchObject({
          method: 'POST',
          path: '/api/bison/teams/ml-team/suspend',
          body: { reason: 'audit', hold: true },
          contentType: 'application/json',
        });
        expect(resume[0]).toMatchObject({
          method: 'POST',
          path: '/api/bison/teams/ml-team/resume',
          body: { reason: 'paid' },
        });
      });

      it('maps refused enforcement changes to ResponseErrors', async () => {
        server.use(
          http.put(`${baseUrl}/teams/ml-team/enforcement`, () =>
            errorBody(
              400,
              'InputError',
              "'graceHours' must be a number from 0 to 8760",
            ),
          ),
          http.post(`${baseUrl}/teams/ml-team/resume`, () =>
            errorBody(409, 'ConflictError', "team 'ml-team' is not suspended"),
          ),
        );
        const invalid = await client
          .updateEnforcement('ml-team', { graceHours: -1 })
          .catch(e => e);
        expect(invalid).toBeInstanceOf(ResponseError);
        expect(invalid.statusCode).toBe(400);
        expect(invalid.body.error.message).toBe(
          "'graceHours' must be a number from 0 to 8760",
        );
        const conflict = await client
          .resumeTeam('ml-team', { reason: 'x' })
          .catch(e => e);
        expect(conflict.statusCode).toBe(409);
      });

      it('lists the teams at risk, unwrapping the items', async () => {
        const item = {
          team: 'ml-team',
          displayName: 'ML',
          state: 'low',
          balance: '10.00',
          burnRatePerDay: '5.00',
          runOutAt: '2026-12-03T10:00:00.000Z',
          graceEndsAt: null,
          suspendedAt: null,
        };
        const seen = record('get', '/enforcement/teams', () =>
          HttpResponse.json({ items: [item] }),
        );
        await expect(client.listTeamsAtRisk()).resolves.toEqual([item]);
        expect(seen[0]).toMatchObject({ method: 'GET', search: '' });
      });
    });

    describe('statements and reports', () => {
      const months = {
        timeZone: 'Europe/Berlin',
        items: [
          { month: '2026-03', preliminary: true },
          { month: '2026-02', preliminary: false },
        ],
      };
      const range = {
        from: '2026-03-01T00:00:00.000Z',
        to: '2026-03-08T00:00:00.000Z',
      };

      it('lists the statement months of a team, encoding its name', async () => {
        const seen = record('get', '/teams/:team/statements', () =>
          HttpResponse.json(months),
        );
        await expect(client.listTeamStatements('ml team')).resolves.toEqual(
          months,
        );
        expect(seen[0]).toMatchObject({
          method: 'GET',
          path: '/api/bison/teams/ml%20team/statements',
          search: '',
        });
      });

      it('reads the statement of one month as JSON', async () => {
        const statement = { team: 'ml-team', month: '2026-02' };
        const seen = record('get', '/teams/:team/statements/:month', () =>
          HttpResponse.json(statement),
        );
        await expect(
          client.getTeamStatement('ml-team', '2026-02'),
        ).resolves.toEqual(statement);
        expect(seen[0]).toMatchObject({
          path: '/api/bison/teams/ml-team/statements/2026-02',
          search: '',
        });
      });

      it('downloads a statement as CSV or PDF with the user token', async () => {
        const requests: { search: string; accept: string | null }[] = [];
        let authorization: string | null = null;
        server.use(
          http.get(
            `${baseUrl}/teams/ml-team/statements/2026-02`,
            ({ request }) => {
              const url = new URL(request.url);
              authorization = request.headers.get('authorization');
              requests.push({
                search: url.search,
                accept: request.headers.get('accept'),
              });
              return url.searchParams.get('format') === 'pdf'
                ? new HttpResponse('%PDF-1.7', {
                    headers: { 'Content-Type': 'application/pdf' },
                  })
                : new HttpResponse('section,date\n', {
                    headers: { 'Content-Type': 'text/csv' },
                  });
            },
          ),
        );

        const csv = await client.downloadTeamStatement(
          'ml-team',
          '2026-02',
          'csv',
        );
        const pdf = await client.downloadTeamStatement(
          'ml-team',
          '2026-02',
          'pdf',
        );

        expect(await csv.text()).toBe('section,date\n');
        expect(await pdf.text()).toBe('%PDF-1.7');
        expect(requests).toEqual([
          { search: '?format=csv', accept: 'text/csv' },
          { search: '?format=pdf', accept: 'application/pdf' },
        ]);
        expect(authorization).toBe('Bearer user-token');
      });

      it('maps a month without a statement and a refused download to ResponseErrors', async () => {
        server.use(
          http.get(`${baseUrl}/teams/ml-team/statements/1999-01`, () =>
            errorBody(404, 'NotFoundError', 'no statement for 1999-01'),
          ),
          http.get(`${baseUrl}/teams/ml-team/statements/2026-02`, () =>
            errorBody(403, 'NotAllowedError', 'Unauthorized'),
          ),
        );
        const missing = await client
          .getTeamStatement('ml-team', '1999-01')
          .catch(e => e);
        expect(missing).toBeInstanceOf(ResponseError);
        expect(missing.statusCode).toBe(404);
        expect(missing.body.error.message).toBe('no statement for 1999-01');
        const refused = await client
          .downloadTeamStatement('ml-team', '2026-02', 'pdf')
          .catch(e => e);
        expect(refused).toBeInstanceOf(ResponseError);
        expect(refused.statusCode).toBe(403);
      });

      it('reads the team and project reports for a range', async () => {
        const teamReport = { total: '10.00', teams: [] };
        const projectReport = { total: '10.00', projects: [] };
        const teams = record('get', '/reports/teams', () =>
          HttpResponse.json(teamReport),
        );
        const projects = record('get', '/reports/projects', () =>
          HttpResponse.json(projectReport),
        );

        await expect(client.getTeamReport(range)).resolves.toEqual(teamReport);
        await expect(client.getProjectReport(range)).resolves.toEqual(
          projectReport,
        );
        await client.getTeamReport();
        await client.getProjectReport();

        for (const seen of [teams, projects]) {
          const params = new URLSearchParams(seen[0].search);
          expect(params.get('from')).toBe(range.from);
          expect(params.get('to')).toBe(range.to);
          expect(params.has('format')).toBe(false);
          expect(seen[1].search).toBe('');
        }
      });

      it('downloads both reports as CSV blobs for a range', async () => {
        const requests: { path: string; url: URL; accept: string | null }[] =
          [];
        for (const path of ['/reports/teams', '/reports/projects']) {
          server.use(
            http.get(`${baseUrl}${path}`, ({ request }) => {
              requests.push({
                path,
                url: new URL(request.url),
                accept: request.headers.get('accept'),
              });
              return new HttpResponse(`${path}\n`, {
                headers: { 'Content-Type': 'text/csv' },
              });
            }),
          );
        }

        const teams = await client.downloadTeamReportCsv(range);
        const projects = await client.downloadProjectReportCsv();

        expect(await teams.text()).toBe('/reports/teams\n');
        expect(await projects.text()).toBe('/reports/projects\n');
        expect(requests[0].url.searchParams.get('format')).toBe('csv');
        expect(requests[0].url.searchParams.get('from')).toBe(range.from);
        expect(requests[0].url.searchParams.get('to')).toBe(range.to);
        expect(requests[0].accept).toBe('text/csv');
        expect(requests[1].url.search).toBe('?format=csv');
        expect(requests[1].accept).toBe('text/csv');
      });

      it('maps a refused report and a refused CSV download to 403 ResponseErrors', async () => {
        server.use(
          http.get(`${baseUrl}/reports/teams`, () =>
            errorBody(403, 'NotAllowedError', 'Unauthorized'),
          ),
          http.get(`${baseUrl}/reports/projects`, () =>
            errorBody(400, 'InputError', "'from' must be before 'to'"),
          ),
        );
        const refused = await client.getTeamReport().catch(e => e);
        expect(refused).toBeInstanceOf(ResponseError);
        expect(refused.statusCode).toBe(403);
        const refusedCsv = await client.downloadTeamReportCsv().catch(e => e);
        expect(refusedCsv).toBeInstanceOf(ResponseError);
        expect(refusedCsv.statusCode).toBe(403);
        const invalid = await client
          .downloadProjectReportCsv({ from: range.to, to: range.from })
          .catch(e => e);
        expect(invalid.statusCode).toBe(400);
        expect(invalid.body.error.message).toBe("'from' must be before 'to'");
      });
    });

    describe('activity and reconciliation', () => {
      const entry = {
        id: '12',
        occurredAt: '2026-03-02T10:00:00.000Z',
        actor: 'user:default/mia',
        action: 'wallet-recharge',
        team: 'ml-team',
        summary: 'Recharged 100.00 USD',
      };
      const check = {
        id: '4',
        trigger: 'manual',
        startedAt: '2026-03-02T10:00:00.000Z',
        status: 'succeeded',
        windowsChecked: 48,
        differences: 1,
      };

      it('lists activity with the filter, page size and cursor as query parameters', async () => {
        const seen = record('get', '/activity', () =>
          HttpResponse.json({ items: [entry], nextCursor: '11' }),
        );

        await expect(
          client.listActivity({
            team: 'ml team',
            actor: 'user:default/mia',
            action: 'wallet-recharge',
            from: '2026-03-01T00:00:00Z',
            to: '2026-03-03T00:00:00Z',
            limit: 50,
            cursor: '13',
          }),
        ).resolves.toEqual({ items: [entry], nextCursor: '11' });
        await client.listActivity();

        const params = new URLSearchParams(seen[0].search);
        expect(Object.fromEntries(params)).toEqual({
          team: 'ml team',
          actor: 'user:default/mia',
          action: 'wallet-recharge',
          from: '2026-03-01T00:00:00Z',
          to: '2026-03-03T00:00:00Z',
          limit: '50',
          cursor: '13',
        });
        expect(seen[1]).toMatchObject({
          path: '/api/bison/activity',
          search: '',
        });
      });

      it('maps a team the member may not read to a 403 ResponseError', async () => {
        server.use(
          http.get(`${baseUrl}/activity`, () =>
            errorBody(403, 'NotAllowedError', 'Unauthorized'),
          ),
        );
        const error = await client
          .listActivity({ team: 'data-team' })
          .catch(e => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect(error.statusCode).toBe(403);
      });

      it('reads the reconciliation with the status, team and limit as query parameters', async () => {
        const reconciliation = { lastCheck: check, items: [] };
        const seen = record('get', '/billing/reconciliation', () =>
          HttpResponse.json(reconciliation),
        );

        await expect(
          client.getReconciliation({
            status: 'all',
            team: 'ml-team',
            limit: 20,
          }),
        ).resolves.toEqual(reconciliation);
        await client.getReconciliation();

        expect(seen.map(r => r.search)).toEqual([
          '?status=all&team=ml-team&limit=20',
          '',
        ]);
      });

      it('posts a reconciliation check, with the range when given', async () => {
        const seen = record('post', '/billing/reconciliation/checks', () =>
          HttpResponse.json(check),
        );

        await expect(client.runReconciliationCheck()).resolves.toEqual(check);
        await client.runReconciliationCheck({
          from: '2026-03-01T00:00:00Z',
          to: '2026-03-02T00:00:00Z',
        });

        expect(seen).toEqual([
          expect.objectContaining({
            method: 'POST',
            path: '/api/bison/billing/reconciliation/checks',
            body: {},
            contentType: 'application/json',
          }),
          expect.objectContaining({
            body: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' },
          }),
        ]);
      });

      it('settles a difference with its reason', async () => {
        const settled = {
          difference: { id: '3', status: 'settled' },
          transaction: { id: '90', kind: 'adjustment', amount: '-2.50' },
        };
        const seen = record(
          'post',
          '/billing/reconciliation/:difference/settle',
          () => HttpResponse.json(settled, { status: 201 }),
        );

        await expect(
          client.settleReconciliationDifference('3', {
            reason: 'OpenCost late',
          }),
        ).resolves.toEqual(settled);
        await client.settleReconciliationDifference('4');

        expect(seen[0]).toMatchObject({
          method: 'POST',
          path: '/api/bison/billing/reconciliation/3/settle',
          body: { reason: 'OpenCost late' },
          contentType: 'application/json',
        });
        expect(seen[1]).toMatchObject({
          path: '/api/bison/billing/reconciliation/4/settle',
          body: {},
        });
      });

      it('maps a refused settlement (409) to a ResponseError with the backend message', async () => {
        server.use(
          http.post(`${baseUrl}/billing/reconciliation/3/settle`, () =>
            errorBody(409, 'ConflictError', 'difference 3 is settled'),
          ),
        );
        const error = await client
          .settleReconciliationDifference('3')
          .catch(e => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect(error.statusCode).toBe(409);
        expect(error.body.error.message).toBe('difference 3 is settled');
      });
    });
  });
});
