import { mockServices } from '@backstage/backend-test-utils';
import { MAX_BALANCE_MICROS, moneyFromDb } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { createWalletServices } from '../../__testUtils__/walletFixture';
import { dateFromDb, toDbInteger } from '../../database/dbValues';
import { Team } from '../../tenancy/TeamStore';
import { AutoRechargePolicy } from './AutoRechargePolicy';
import { AUTO_RECHARGE_ACTOR, AutoRechargeRunner } from './AutoRechargeRunner';
import { AutoRechargeStore } from './AutoRechargeStore';

jest.setTimeout(60_000);

const UNIT = 1_000_000n;
const ALICE = 'user:default/alice';
const BILLING = 'service:bison/billing';
// 2026-01-05 is a Monday; NOW is three weeks and two hours later.
const EFFECTIVE_FROM = new Date('2026-01-05T10:00:00.000Z');
const NOW = new Date('2026-01-26T12:00:00.000Z');

describe('AutoRechargeRunner', () => {
  const databases = createTestDatabases();

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const {
      knex,
      createTeam,
      store: walletStore,
      writer: ledger,
      wallets,
    } = await createWalletServices(await databases.init(databaseId), {
      clock: () => NOW,
      teamCreatedAt: EFFECTIVE_FROM,
    });
    const store = new AutoRechargeStore(knex);
    const logger = mockServices.logger.mock();
    const onTopUp = jest.fn(async (_teamId: string) => {});
    const runner = new AutoRechargeRunner(
      knex,
      store,
      walletStore,
      ledger,
      logger,
      onTopUp,
    );
    const putPolicy = (team: Team, policy: Partial<AutoRechargePolicy>) =>
      store.putPolicy(team.id, {
        enabled: true,
        effectiveFrom: EFFECTIVE_FROM,
        updatedAt: EFFECTIVE_FROM,
        updatedBy: ALICE,
        ...policy,
      });
    let debits = 0;
    const debit = (team: Team, amount: bigint) =>
      wallets.debit(knex, {
        teamId: team.id,
        amount,
        idempotencyKey: `usage-${(debits += 1)}`,
        actor: BILLING,
      });
    const balance = async (team: Team) =>
      (await walletStore.getWallet(team.id))!.balance;
    return {
      knex,
      createTeam,
      store,
      runner,
      logger,
      onTopUp,
      putPolicy,
      debit,
      balance,
    };
  }

  async function autoRecharges(knex: Knex, teamId: string) {
    const rows = await knex('ledger_entries')
      .where({ team_id: teamId, kind: 'auto_recharge' })
      .orderBy('id')
      .options({ safeIntegers: true });
    return rows.map(row => ({
      amount: moneyFromDb(row.amount),
      actor: row.actor as string,
      windowStart: dateFromDb(row.window_start).toISOString(),
      windowEnd: dateFromDb(row.window_end).toISOString(),
      idempotencyKey: row.idempotency_key as string,
    }));
  }

  const weekly = (amount: bigint) => ({
    scheduled: { schedule: { every: 'week' as const, weekday: 1 }, amount },
  });

  it.each(databases.eachSupportedId())(
    'catches up a weekly schedule after downtime exactly once per period on %p',
    async databaseId => {
      const { knex, createTeam, runner, putPolicy, balance, onTopUp, logger } =
        await setup(databaseId);
      const team = await createTeam('ml-team');
      await putPolicy(team, weekly(10n * UNIT));

      expect(await runner.run(NOW)).toEqual({
        teams: 1,
        topUps: 3,
        failures: [],
      });
      const expected = [
        '2026-01-12T00:00:00.000Z',
        '2026-01-19T00:00:00.000Z',
        '2026-01-26T00:00:00.000Z',
      ].map(at => ({
        amount: 10n * UNIT,
        actor: AUTO_RECHARGE_ACTOR,
        windowStart: at,
        windowEnd: at,
        idempotencyKey: `auto-recharge:${team.id}:scheduled:${at}`,
      }));
      expect(await autoRecharges(knex, team.id)).toEqual(expected);
      expect(AUTO_RECHARGE_ACTOR).toBe('service:bison/auto-recharge');
      expect(await balance(team)).toBe(30n * UNIT);
      expect(onTopUp.mock.calls).toEqual([[team.id]]);

      // Repeated, and later in the same week: nothing more.
      for (const now of [
        NOW,
        new Date('2026-01-28T08:00:00.000Z'),
        new Date('2026-02-01T23:59:59.999Z'),
      ]) {
        expect(await runner.run(now)).toEqual({
          teams: 1,
          topUps: 0,
          failures: [],
        });
      }
      expect(await autoRecharges(knex, team.id)).toEqual(expected);
      expect(await balance(team)).toBe(30n * UNIT);
      expect(onTopUp).toHaveBeenCalledTimes(1);

      // The next period is due on the next Monday, once.
      const nextWeek = new Date('2026-02-02T00:00:00.000Z');
      expect((await runner.run(nextWeek)).topUps).toBe(1);
      expect((await runner.run(nextWeek)).topUps).toBe(0);
      expect(
        (await autoRecharges(knex, team.id)).map(r => r.windowStart),
      ).toEqual([...expected.map(r => r.windowStart), nextWeek.toISOString()]);
      expect(await balance(team)).toBe(40n * UNIT);
      expect(onTopUp).toHaveBeenCalledTimes(2);
      expect(logger.error).not.toHaveBeenCalled();
    },
  );

  it.each(databases.eachSupportedId())(
    'tops up below the threshold once per crossing on %p',
    async databaseId => {
      const { knex, createTeam, runner, putPolicy, debit, balance, onTopUp } =
        await setup(databaseId);
      const team = await createTeam('ml-team');
      await putPolicy(team, {
        threshold: { below: 5n * UNIT, topUpTo: 20n * UNIT },
      });

      expect((await runner.run(NOW)).topUps).toBe(1);
      expect(await balance(team)).toBe(20n * UNIT);
      expect((await runner.run(NOW)).topUps).toBe(0);
      expect(await balance(team)).toBe(20n * UNIT);

      // Spending that stays at or above the threshold does not trigger it.
      await debit(team, 15n * UNIT);
      expect(await balance(team)).toBe(5n * UNIT);
      expect((await runner.run(NOW)).topUps).toBe(0);

      // Dropping below does, again to exactly topUpTo.
      await debit(team, 8n * UNIT);
      expect(await balance(team)).toBe(-3n * UNIT);
      expect((await runner.run(NOW)).topUps).toBe(1);
      expect(await balance(team)).toBe(20n * UNIT);
      expect((await runner.run(NOW)).topUps).toBe(0);

      const entries = await autoRecharges(knex, team.id);
      expect(entries.map(e => e.amount)).toEqual([20n * UNIT, 23n * UNIT]);
      expect(entries.every(e => e.actor === AUTO_RECHARGE_ACTOR)).toBe(true);
      expect(entries.every(e => e.windowStart === NOW.toISOString())).toBe(
        true,
      );
      expect(entries[0].idempotencyKey).toBe(
        `auto-recharge:${team.id}:threshold:v0`,
      );
      expect(onTopUp).toHaveBeenCalledTimes(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'respects the monthly cap across runs on %p',
    async databaseId => {
      const { knex, createTeam, runner, putPolicy, debit, balance } =
        await setup(databaseId);
      const team = await createTeam('ml-team');
      await putPolicy(team, {
        ...weekly(10n * UNIT),
        threshold: { below: 10n * UNIT, topUpTo: 50n * UNIT },
        monthlyCap: 25n * UNIT,
      });

      // 01-12 and 01-19; the balance stays above the threshold.
      expect(
        (await runner.run(new Date('2026-01-19T12:00:00.000Z'))).topUps,
      ).toBe(2);
      // 01-26 gets what is left of January's cap.
      expect((await runner.run(NOW)).topUps).toBe(1);
      // January's cap is used up: a threshold crossing in January adds nothing.
      await debit(team, 30n * UNIT);
      expect(await balance(team)).toBe(-5n * UNIT);
      expect(
        (await runner.run(new Date('2026-01-30T12:00:00.000Z'))).topUps,
      ).toBe(0);
      // February has its own cap: the 02-02 period, which leaves the balance
      // below the threshold, then the threshold top-up trimmed to the cap.
      const february = new Date('2026-02-02T12:00:00.000Z');
      expect((await runner.run(february)).topUps).toBe(2);
      expect((await runner.run(february)).topUps).toBe(0);

      const entries = await autoRecharges(knex, team.id);
      expect(entries.map(e => [e.windowStart, e.amount])).toEqual([
        ['2026-01-12T00:00:00.000Z', 10n * UNIT],
        ['2026-01-19T00:00:00.000Z', 10n * UNIT],
        ['2026-01-26T00:00:00.000Z', 5n * UNIT],
        ['2026-02-02T00:00:00.000Z', 10n * UNIT],
        ['2026-02-02T12:00:00.000Z', 15n * UNIT],
      ]);
      expect(await balance(team)).toBe(20n * UNIT);
    },
  );

  it.each(databases.eachSupportedId())(
    'stops before processing teams when aborted on %p',
    async databaseId => {
      const { knex, createTeam, runner, putPolicy, onTopUp } = await setup(
        databaseId,
      );
      const team = await createTeam('ml-team');
      await putPolicy(team, weekly(10n * UNIT));
      const controller = new AbortController();
      controller.abort();

      expect(await runner.run(NOW, controller.signal)).toEqual({
        teams: 0,
        topUps: 0,
        failures: [],
      });
      expect(await autoRecharges(knex, team.id)).toEqual([]);
      expect(onTopUp).not.toHaveBeenCalled();
    },
  );

  it.each(databases.eachSupportedId())(
    'reports a failing team and goes on with the others on %p',
    async databaseId => {
      const {
        knex,
        createTeam,
        store,
        runner,
        putPolicy,
        balance,
        onTopUp,
        logger,
      } = await setup(databaseId);
      const full = await createTeam('full-team');
      const ok = await createTeam('ok-team');
      for (const team of [full, ok]) await putPolicy(team, weekly(10n * UNIT));
      // A top-up would push this wallet past the largest balance.
      await knex('wallets')
        .where({ team_id: full.id })
        .update({ balance: toDbInteger(MAX_BALANCE_MICROS - UNIT) });
      // Make sure the failing team comes first.
      const enabled = await store.listEnabled();
      jest
        .spyOn(store, 'listEnabled')
        .mockResolvedValue([
          ...enabled.filter(p => p.teamId === full.id),
          ...enabled.filter(p => p.teamId !== full.id),
        ]);

      const summary = await runner.run(NOW);

      expect(summary).toEqual({
        teams: 2,
        topUps: 3,
        failures: [
          {
            teamId: full.id,
            error: expect.stringContaining('largest amount a wallet can hold'),
          },
        ],
      });
      expect(await autoRecharges(knex, full.id)).toEqual([]);
      expect(await balance(full)).toBe(MAX_BALANCE_MICROS - UNIT);
      expect(await autoRecharges(knex, ok.id)).toHaveLength(3);
      expect(await balance(ok)).toBe(30n * UNIT);
      expect(onTopUp.mock.calls).toEqual([[ok.id]]);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(`Auto-recharge of team ${full.id} failed`),
      );
      // The failure is kept for the auto-recharge-failed alert, until a run
      // succeeds for the team.
      const lastError = async () =>
        (await knex('auto_recharge').where({ team_id: full.id }).first())
          .last_error;
      expect(await lastError()).toContain('largest amount a wallet can hold');
      await knex('wallets')
        .where({ team_id: full.id })
        .update({ balance: '0' });
      await runner.run(NOW);
      expect(await lastError()).toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    'skips archived wallets and disabled policies on %p',
    async databaseId => {
      const { knex, createTeam, store, runner, putPolicy, onTopUp } =
        await setup(databaseId);
      const archived = await createTeam('archived-team');
      const disabled = await createTeam('disabled-team');
      const active = await createTeam('active-team');
      await putPolicy(archived, weekly(10n * UNIT));
      await putPolicy(disabled, { ...weekly(10n * UNIT), enabled: false });
      await putPolicy(active, weekly(10n * UNIT));
      await knex('wallets')
        .where({ team_id: archived.id })
        .update({ archived_at: NOW });

      expect((await store.listEnabled()).map(p => p.teamId)).toEqual([
        active.id,
      ]);
      expect(await runner.run(NOW)).toEqual({
        teams: 1,
        topUps: 3,
        failures: [],
      });
      expect(await autoRecharges(knex, archived.id)).toEqual([]);
      expect(await autoRecharges(knex, disabled.id)).toEqual([]);
      expect(onTopUp.mock.calls).toEqual([[active.id]]);
    },
  );

  it.each(databases.eachSupportedId())(
    'round-trips policies through the store on %p',
    async databaseId => {
      const { createTeam, store } = await setup(databaseId);
      const team = await createTeam('ml-team');
      expect(await store.getPolicy(team.id)).toBeUndefined();

      const full: AutoRechargePolicy = {
        enabled: true,
        scheduled: {
          schedule: { every: 'month', dayOfMonth: 28 },
          amount: 123_456_789_012_345n,
        },
        threshold: { below: 0n, topUpTo: MAX_BALANCE_MICROS },
        monthlyCap: 1n,
        effectiveFrom: EFFECTIVE_FROM,
        updatedAt: NOW,
        updatedBy: ALICE,
      };
      await store.putPolicy(team.id, full);
      expect(await store.getPolicy(team.id)).toEqual(full);

      const minimal: AutoRechargePolicy = {
        enabled: false,
        scheduled: { schedule: { every: 'week', weekday: 7 }, amount: 1n },
        threshold: undefined,
        monthlyCap: undefined,
        effectiveFrom: NOW,
        updatedAt: NOW,
        updatedBy: 'user:default/bob',
      };
      await store.putPolicy(team.id, minimal);
      expect(await store.getPolicy(team.id)).toEqual(minimal);
    },
  );
});
