import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  createWalletFixture,
  ledgerRows,
  storedWallet,
} from '../__testUtils__/walletFixture';
import { PostingResult } from './types';

jest.setTimeout(120_000);

const ALICE = 'user:default/alice';
const BILLING = 'service:bison/billing';
const WINDOW = {
  start: new Date('2026-12-01T10:00:00.000Z'),
  end: new Date('2026-12-01T11:00:00.000Z'),
};

/** Deterministic PRNG (mulberry32) so a failing run can be reproduced. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('LedgerWriter', () => {
  const databases = createTestDatabases();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const fixture = await createWalletFixture(await databases.init(databaseId));
    const { team, wallets } = fixture;
    const debit = (db: Knex, amount: bigint, idempotencyKey: string) =>
      wallets.debit(db, {
        teamId: team.id,
        amount,
        idempotencyKey,
        actor: BILLING,
        window: WINDOW,
      });
    return { ...fixture, debit };
  }

  it.each(databases.eachSupportedId())(
    'loses no update under 400 concurrent recharges and debits on %p',
    async databaseId => {
      const { knex, team, wallets, debit } = await setup(databaseId);
      const next = random(20261125);
      const amount = () => BigInt(1 + Math.floor(next() * 1_000_000_000));

      const expected = new Map<string, bigint>();
      const operations: Array<() => Promise<PostingResult>> = [];
      for (let i = 0; i < 200; i++) {
        const credit = amount();
        const charge = amount();
        expected.set(`recharge-${i}`, credit);
        expected.set(`debit-${i}`, -charge);
        operations.push(() =>
          wallets.recharge(team, {
            amount: credit,
            idempotencyKey: `recharge-${i}`,
            requestHash: `hash-${i}`,
            actor: ALICE,
          }),
        );
        operations.push(() => debit(knex, charge, `debit-${i}`));
      }
      // Interleave the kinds in a random (but reproducible) order.
      for (let i = operations.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [operations[i], operations[j]] = [operations[j], operations[i]];
      }

      const results = await Promise.all(operations.map(run => run()));

      let expectedBalance = 0n;
      for (const value of expected.values()) expectedBalance += value;
      expect(results.every(r => r.created)).toBe(true);

      const rows = await ledgerRows(knex);
      expect(rows).toHaveLength(400);
      let running = 0n;
      let sum = 0n;
      for (const row of rows) {
        // Each entry continues exactly from the one before it.
        running += row.amount;
        expect(row.balanceAfter).toBe(running);
        expect(row.amount).toBe(expected.get(row.idempotencyKey));
        expect(row.kind).toBe(
          row.idempotencyKey.startsWith('debit') ? 'usage' : 'recharge',
        );
        sum += row.amount;
      }
      expect(new Set(rows.map(r => r.idempotencyKey)).size).toBe(400);
      expect(sum).toBe(expectedBalance);
      expect(await storedWallet(knex, team.id)).toEqual({
        balance: expectedBalance,
        version: 400n,
      });

      // What each caller was told matches what was stored.
      const byId = new Map(rows.map(r => [r.id, r]));
      for (const { entry } of results) {
        expect(entry.balanceAfter).toBe(byId.get(entry.id)?.balanceAfter);
        expect(entry.amount).toBe(expected.get(entry.idempotencyKey));
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing when the outer transaction rolls back on %p',
    async databaseId => {
      const { knex, team, wallets, debit } = await setup(databaseId);
      await wallets.recharge(team, {
        amount: 10_000_000n,
        idempotencyKey: 'seed',
        actor: ALICE,
      });

      await expect(
        knex.transaction(async trx => {
          const result = await debit(trx, 4_000_000n, 'usage-1');
          expect(result.created).toBe(true);
          expect(result.entry.balanceAfter).toBe(6_000_000n);
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');

      expect(await ledgerRows(knex)).toHaveLength(1);
      expect(await storedWallet(knex, team.id)).toEqual({
        balance: 10_000_000n,
        version: 1n,
      });
      // The key was never recorded, so the retry really applies.
      const retry = await debit(knex, 4_000_000n, 'usage-1');
      expect(retry.created).toBe(true);
      expect((await storedWallet(knex, team.id)).balance).toBe(6_000_000n);
    },
  );

  it.each(databases.eachSupportedId())(
    'replays a used key inside an outer transaction that then commits on %p',
    async databaseId => {
      const { knex, team, debit } = await setup(databaseId);
      const first = await debit(knex, 1_500_000n, 'usage-1');
      expect(first.entry).toMatchObject({
        kind: 'usage',
        amount: -1_500_000n,
        actor: BILLING,
        window: WINDOW,
      });

      await knex.transaction(async trx => {
        // The replay is read back from the stored row.
        const replay = await debit(trx, 1_500_000n, 'usage-1');
        expect(replay.created).toBe(false);
        expect(replay.entry).toEqual(first.entry);
        const next = await debit(trx, 500_000n, 'usage-2');
        expect(next.created).toBe(true);
      });

      const rows = await ledgerRows(knex);
      expect(rows.map(r => [r.idempotencyKey, r.balanceAfter])).toEqual([
        ['usage-1', -1_500_000n],
        ['usage-2', -2_000_000n],
      ]);
      expect(await storedWallet(knex, team.id)).toEqual({
        balance: -2_000_000n,
        version: 2n,
      });
    },
  );
});
