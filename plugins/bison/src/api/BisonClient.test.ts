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
});
