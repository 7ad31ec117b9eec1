import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  createWalletFixture,
  ledgerEntryCount,
  storedWallet,
} from '../__testUtils__/walletFixture';

jest.setTimeout(120_000);

const ALICE = 'user:default/alice';

describe('idempotency races and cursor bounds', () => {
  const databases = createTestDatabases();

  const setup = async (databaseId: Parameters<typeof databases.init>[0]) =>
    createWalletFixture(await databases.init(databaseId));

  async function stored(knex: Knex, teamId: string) {
    return {
      ...(await storedWallet(knex, teamId)),
      entries: await ledgerEntryCount(knex),
    };
  }

  // Losing the race for a key must replay the winner, also on SQLite, where
  // a bigint binding once turned the conflict into a TypeError.
  it.each(databases.eachSupportedId())(
    'applies 20 concurrent recharges with one key exactly once on %p',
    async databaseId => {
      const { knex, team, wallets, publish } = await setup(databaseId);
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          wallets.recharge(team, {
            amount: 3_000_000n,
            idempotencyKey: 'same-key',
            requestHash: 'hash',
            actor: ALICE,
          }),
        ),
      );
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.entry.id)).size).toBe(1);
      expect(await stored(knex, team.id)).toEqual({
        balance: 3_000_000n,
        version: 1n,
        entries: 1,
      });
      expect(publish).toHaveBeenCalledTimes(1);
    },
  );

  // The same through the savepoint path billing uses.
  it.each(databases.eachSupportedId())(
    'recovers from losing the key race inside an outer transaction on %p',
    async databaseId => {
      const { knex, team, wallets } = await setup(databaseId);
      const debit = (db: Knex, amount: bigint, idempotencyKey: string) =>
        wallets.debit(db, {
          teamId: team.id,
          amount,
          idempotencyKey,
          actor: 'service:bison/billing',
        });
      const first = await debit(knex, 1_500_000n, 'usage-1');
      // The replay hits the unique index inside the outer transaction; the
      // savepoint keeps the outer transaction usable.
      await knex.transaction(async trx => {
        const replay = await debit(trx, 1_500_000n, 'usage-1');
        expect(replay.created).toBe(false);
        expect(replay.entry).toEqual(first.entry);
        expect((await debit(trx, 500_000n, 'usage-2')).created).toBe(true);
      });
      expect(await stored(knex, team.id)).toEqual({
        balance: -2_000_000n,
        version: 2n,
        entries: 2,
      });
    },
  );
});
