import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { createWalletFixture } from '../../__testUtils__/walletFixture';
import { LedgerWriter } from '../LedgerWriter';
import { AutoRechargeRunner } from './AutoRechargeRunner';
import { AutoRechargeStore } from './AutoRechargeStore';

const databases = createTestDatabases();
jest.setTimeout(60_000);

it.each(databases.eachSupportedId())(
  'two overlapping runs add the threshold top-up once on %p',
  async id => {
    const {
      knex,
      team,
      store: walletStore,
    } = await createWalletFixture(await databases.init(id), {
      teamName: 'ml',
      teamCreatedAt: new Date('2026-01-01T00:00:00Z'),
    });
    const store = new AutoRechargeStore(knex);
    const make = () =>
      new AutoRechargeRunner(
        knex,
        store,
        walletStore,
        new LedgerWriter(),
        mockServices.logger.mock(),
      );
    await store.putPolicy(team.id, {
      enabled: true,
      scheduled: {
        schedule: { every: 'week', weekday: 1 },
        amount: 1_000_000n,
      },
      threshold: { below: 100_000_000n, topUpTo: 200_000_000n },
      effectiveFrom: new Date('2025-06-02T10:00:00Z'),
      updatedAt: new Date('2025-06-02T10:00:00Z'),
      updatedBy: 'user:default/alice',
    });
    const now = new Date('2026-01-26T12:00:00Z');
    const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
    const results = await Promise.all(
      [0, 5, 10, 20, 40, 80].map(async d => {
        await sleep(d);
        return make().run(now);
      }),
    );
    const wallet = await walletStore.getWallet(team.id);
    const rows = await knex('ledger_entries').select(
      'idempotency_key',
      'amount',
    );
    console.log(
      JSON.stringify(results),
      wallet!.balance,
      rows.filter(r => r.idempotency_key.includes('threshold')),
    );
    expect(wallet!.balance).toBe(200_000_000n);
  },
);
