import { ResponseError } from '@backstage/errors';
import {
  AutoRechargePolicy,
  BisonApi,
  BisonCurrency,
  BisonSettings,
  BisonTeam,
  Transaction,
  Wallet,
} from '../api';

export const usd: BisonCurrency = { code: 'USD', symbol: '$', minorUnits: 2 };

export const settings: BisonSettings = {
  currency: usd,
  billingWindowMinutes: 60,
};

export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
}

export function aTeam(overrides: Partial<BisonTeam> = {}): BisonTeam {
  return {
    name: 'ml-team',
    groupRef: 'group:default/machine-learning',
    displayName: 'Machine Learning',
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'user:default/admin',
    wallet: { balance: '1234.50', currency: 'USD', state: 'active' },
    ...overrides,
  };
}

export function aWallet(overrides: Partial<Wallet> = {}): Wallet {
  return {
    team: 'ml-team',
    balance: '1234.50',
    currency: 'USD',
    state: 'active',
    creditLimit: '0.00',
    lastRecharge: { amount: '500.00', at: daysAgo(2) },
    updatedAt: daysAgo(0),
    ...overrides,
  };
}

export function aTransaction(
  id: string,
  overrides: Partial<Transaction> = {},
): Transaction {
  return {
    id,
    kind: 'usage',
    amount: '-12.345678',
    balanceAfter: '1234.50',
    actor: 'bison:billing',
    reason: `entry ${id}`,
    createdAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export const noPolicy: AutoRechargePolicy = {
  enabled: false,
  scheduled: null,
  threshold: null,
  monthlyCap: null,
};

/** A BisonApi whose every method is a jest.fn with a harmless default. */
export function mockBisonApi(
  overrides: Partial<BisonApi> = {},
): jest.Mocked<BisonApi> {
  const defaults: BisonApi = {
    getSettings: async () => settings,
    listTeams: async () => [aTeam()],
    getTeam: async name => aTeam({ name }),
    getWallet: async team => aWallet({ team }),
    listTransactions: async () => ({ items: [] }),
    downloadTransactionsCsv: async () => new Blob(['id\n']),
    recharge: async (team, request) => ({
      transaction: aTransaction('99', {
        kind: 'recharge',
        amount: request.amount,
      }),
      wallet: aWallet({ team }),
      replayed: false,
    }),
    adjust: async () => {
      throw new Error('not mocked');
    },
    getAutoRecharge: async () => noPolicy,
    putAutoRecharge: async (_team, policy) => policy,
  };
  const implementations = { ...defaults, ...overrides };
  const api: Record<string, jest.Mock> = {};
  for (const [name, implementation] of Object.entries(implementations)) {
    api[name] = jest.fn(implementation as (...args: any[]) => any);
  }
  return api as unknown as jest.Mocked<BisonApi>;
}

/** The ResponseError the client throws for a backend error response. */
export function responseError(
  statusCode: number,
  message: string,
  name = 'InputError',
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({ error: { name, message }, response: { statusCode } }),
      {
        status: statusCode,
        statusText: name,
        headers: { 'Content-Type': 'application/json' },
      },
    ) as unknown as Parameters<typeof ResponseError.fromResponse>[0],
  );
}
