import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  MAX_AMOUNT_MICROS,
  MAX_BALANCE_MICROS,
} from '@bison/plugin-bison-common';
import { randomUUID } from 'node:crypto';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  createWalletFixture,
  ledgerRows,
  storedWallet as storedBalance,
} from '../__testUtils__/walletFixture';
import { Team } from '../tenancy/TeamStore';
import { WALLET_SIGNAL_CHANNEL } from './WalletService';

jest.setTimeout(120_000);

const NOW = new Date('2026-12-01T10:00:00.123Z');
const ALICE = 'user:default/alice';
const BILLING = 'service:bison/billing';

describe('WalletService', () => {
  const databases = createTestDatabases();

  const setup = async (databaseId: Parameters<typeof databases.init>[0]) =>
    createWalletFixture(await databases.init(databaseId), { clock: () => NOW });

  const recharge = (
    amount: bigint,
    key: string = randomUUID(),
    requestHash = 'h',
  ) => ({
    amount,
    idempotencyKey: key,
    requestHash,
    actor: ALICE,
    reason: 'top-up',
  });

  it.each(databases.eachSupportedId())(
    'recharges by exactly the amount, records the entry and signals on %p',
    async databaseId => {
      const { knex, team, wallets, publish } = await setup(databaseId);
      const before = await wallets.getWallet(team);
      expect(before.balance).toBe(0n);
      expect(before.lastRecharge).toBeUndefined();

      await wallets.recharge(team, recharge(7_000_000n));
      publish.mockClear();
      const amount = 123_456_789_012n;
      const result = await wallets.recharge(team, {
        amount,
        idempotencyKey: 'recharge-2',
        requestHash: 'hash-2',
        actor: ALICE,
        reason: 'monthly top-up',
      });

      expect(result.created).toBe(true);
      expect(result.entry).toEqual({
        id: expect.any(BigInt),
        teamId: team.id,
        amount,
        kind: 'recharge',
        idempotencyKey: 'recharge-2',
        actor: ALICE,
        reason: 'monthly top-up',
        window: undefined,
        balanceAfter: 7_000_000n + amount,
        createdAt: NOW,
      });

      const wallet = await wallets.getWallet(team);
      expect(wallet.balance).toBe(7_000_000n + amount);
      expect(wallet.lastRecharge).toEqual({ amount, at: NOW });
      expect(wallet.version).toBe(2n);
      expect(wallet.updatedAt).toEqual(NOW);

      const rows = await ledgerRows(knex, team.id);
      expect(rows).toHaveLength(2);
      expect(rows[1]).toMatchObject({
        id: result.entry.id,
        amount,
        balanceAfter: 7_000_000n + amount,
      });

      expect(publish).toHaveBeenCalledTimes(1);
      expect(publish).toHaveBeenCalledWith({
        recipients: { type: 'user', entityRef: ['group:default/ml-team'] },
        channel: WALLET_SIGNAL_CHANNEL,
        message: { team: 'ml-team' },
      });
      expect(WALLET_SIGNAL_CHANNEL).toBe('bison:wallet');
    },
  );

  it.each(databases.eachSupportedId())(
    'adjusts with a signed amount without touching the last recharge on %p',
    async databaseId => {
      const { team, wallets, publish } = await setup(databaseId);
      await wallets.recharge(team, recharge(10_000_000n));
      const result = await wallets.adjust(team, {
        amount: -2_500_000n,
        idempotencyKey: 'adjust-1',
        requestHash: 'a',
        actor: ALICE,
        reason: 'refund correction',
      });
      expect(result.entry).toMatchObject({
        kind: 'adjustment',
        amount: -2_500_000n,
        balanceAfter: 7_500_000n,
      });
      const wallet = await wallets.getWallet(team);
      expect(wallet.balance).toBe(7_500_000n);
      expect(wallet.lastRecharge).toEqual({ amount: 10_000_000n, at: NOW });
      expect(publish).toHaveBeenCalledTimes(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'replays a repeated recharge instead of applying it twice on %p',
    async databaseId => {
      const { knex, team, wallets, publish } = await setup(databaseId);
      const request = recharge(5_000_000n, 'key-1', 'hash-1');
      const first = await wallets.recharge(team, request);
      const second = await wallets.recharge(team, request);

      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.entry).toEqual(first.entry);
      expect(await ledgerRows(knex)).toHaveLength(1);
      expect(await storedBalance(knex, team.id)).toEqual({
        balance: 5_000_000n,
        version: 1n,
      });
      expect(publish).toHaveBeenCalledTimes(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects a reused key for a different request on %p',
    async databaseId => {
      const { knex, teams, team, wallets, publish } = await setup(databaseId);
      const first = await wallets.recharge(
        team,
        recharge(1_000_000n, 'k', 'a'),
      );

      await expect(
        wallets.recharge(team, recharge(2_000_000n, 'k', 'b')),
      ).rejects.toThrow(ConflictError);
      await expect(
        wallets.recharge(team, {
          ...recharge(1_000_000n, 'k'),
          requestHash: undefined,
        }),
      ).rejects.toThrow(ConflictError);
      const other = await teams.createTeam(
        { name: 'other', groupRef: 'group:default/other', displayName: 'O' },
        ALICE,
        NOW,
      );
      await expect(
        wallets.recharge(other, recharge(1_000_000n, 'k', 'a')),
      ).rejects.toThrow(ConflictError);

      const rows = await ledgerRows(knex);
      expect(rows).toEqual([
        expect.objectContaining({ id: first.entry.id, amount: 1_000_000n }),
      ]);
      expect((await storedBalance(knex, team.id)).balance).toBe(1_000_000n);
      expect((await storedBalance(knex, other.id)).balance).toBe(0n);
      expect(publish).toHaveBeenCalledTimes(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects zero amounts and unknown or archived wallets on %p',
    async databaseId => {
      const { knex, team, wallets, publish } = await setup(databaseId);
      await expect(wallets.recharge(team, recharge(0n))).rejects.toThrow(
        InputError,
      );
      await expect(
        wallets.debit(knex, {
          teamId: team.id,
          amount: 0n,
          idempotencyKey: 'zero-debit',
          actor: BILLING,
        }),
      ).rejects.toThrow(InputError);

      const ghost: Team = { ...team, id: randomUUID(), name: 'ghost' };
      await expect(wallets.recharge(ghost, recharge(1n))).rejects.toThrow(
        NotFoundError,
      );
      await expect(wallets.getWallet(ghost)).rejects.toThrow(NotFoundError);
      await expect(
        wallets.debit(knex, {
          teamId: ghost.id,
          amount: 1n,
          idempotencyKey: 'ghost-debit',
          actor: BILLING,
        }),
      ).rejects.toThrow(NotFoundError);

      await knex('wallets')
        .where({ team_id: team.id })
        .update({ archived_at: NOW });
      await expect(wallets.recharge(team, recharge(1n))).rejects.toThrow(
        NotFoundError,
      );
      await expect(wallets.getWallet(team)).rejects.toThrow(NotFoundError);

      expect(await ledgerRows(knex)).toEqual([]);
      expect(await storedBalance(knex, team.id)).toEqual({
        balance: 0n,
        version: 0n,
      });
      expect(publish).not.toHaveBeenCalled();
    },
  );

  it.each(databases.eachSupportedId())(
    'holds balances up to ±(2^63-1) exactly and refuses to go beyond on %p',
    async databaseId => {
      const { knex, team, wallets } = await setup(databaseId);
      // Single postings are capped by the callers, so climb in steps.
      const steps = Array.from({ length: 9 }, () => MAX_AMOUNT_MICROS);
      steps.push(MAX_BALANCE_MICROS - 9n * MAX_AMOUNT_MICROS);
      for (const step of steps) {
        await wallets.recharge(team, recharge(step));
      }
      const full = await wallets.getWallet(team);
      expect(full.balance).toBe(MAX_BALANCE_MICROS);
      expect(full.lastRecharge?.amount).toBe(steps[9]);

      await expect(wallets.recharge(team, recharge(1n))).rejects.toThrow(
        ConflictError,
      );
      await expect(
        wallets.recharge(team, recharge(MAX_AMOUNT_MICROS)),
      ).rejects.toThrow(ConflictError);
      expect(await ledgerRows(knex)).toHaveLength(10);
      expect(await storedBalance(knex, team.id)).toEqual({
        balance: MAX_BALANCE_MICROS,
        version: 10n,
      });

      // Debits take it down to -(2^63-1) and no further.
      const debit = (amount: bigint) =>
        wallets.debit(knex, {
          teamId: team.id,
          amount,
          idempotencyKey: randomUUID(),
          actor: BILLING,
        });
      for (let i = 0; i < 18; i++) await debit(MAX_AMOUNT_MICROS);
      await debit(2n * MAX_BALANCE_MICROS - 18n * MAX_AMOUNT_MICROS);
      expect((await wallets.getWallet(team)).balance).toBe(-MAX_BALANCE_MICROS);
      await expect(debit(1n)).rejects.toThrow(ConflictError);

      const rows = await ledgerRows(knex);
      expect(rows).toHaveLength(29);
      expect(rows[rows.length - 1].balanceAfter).toBe(-MAX_BALANCE_MICROS);
      expect((await storedBalance(knex, team.id)).balance).toBe(
        -MAX_BALANCE_MICROS,
      );
    },
  );
});
