import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createWalletServices } from '../__testUtils__/walletFixture';
import { EnforcementStore } from './EnforcementStore';
import { DEFAULT_SUSPENSION_STEPS, EnforcementDefaults } from './settings';
import { WalletStates } from './WalletStates';

jest.setTimeout(60_000);

const M = 1_000_000n;
const HOUR = 3_600_000;
const defaults: EnforcementDefaults = {
  mode: 'enforce',
  lowBalance: 50n * M,
  creditLimit: 0n,
  graceHours: 24,
  steps: DEFAULT_SUSPENSION_STEPS,
};

/**
 * The state machine on both databases, ledger-only: evaluated in every
 * posting's transaction and by the scheduled pass, each transition stored
 * exactly once.
 */
describe.each(createTestDatabases().eachSupportedId())(
  'WalletStates on %p',
  id => {
    const databases = createTestDatabases();
    let knex: Knex;
    let now: Date;
    let services: Awaited<ReturnType<typeof createWalletServices>>;
    let store: EnforcementStore;
    let states: WalletStates;
    let keys = 0;

    const newStates = () =>
      new WalletStates(knex, store, defaults, {
        clusterConfigured: false,
        clock: () => now,
      });
    const post = (
      teamId: string,
      amount: bigint,
      kind: 'usage' | 'recharge' = amount < 0n ? 'usage' : 'recharge',
    ) =>
      services.writer.post(knex, {
        teamId,
        amount,
        kind,
        idempotencyKey: `k${++keys}`,
        actor: 'user:default/alice',
      });
    const events = async (teamId: string) =>
      (await store.events(teamId))
        .reverse()
        .map(e => `${e.from}→${e.to} ${e.reason}`);
    const wallet = async (teamId: string) =>
      (await store.stateRows(knex, [teamId]))[0];

    beforeEach(async () => {
      // A database of its own: the pass evaluates every team in it.
      knex = await databases.init(id);
      now = new Date('2026-12-01T00:00:00Z');
      services = await createWalletServices(knex, { clock: () => now });
      store = new EnforcementStore(knex);
      states = newStates();
      services.writer.observeWith(states);
    });

    it('records each transition of the postings once, in their transactions', async () => {
      const team = await services.createTeam(`t${++keys}`);
      await post(team.id, 100n * M);
      await post(team.id, -60n * M); // 40: low
      await post(team.id, -50n * M); // -10: overdue
      expect(await events(team.id)).toEqual([
        'active→low below-low-balance',
        'low→overdue below-credit-limit',
      ]);
      const events2 = await store.events(team.id);
      expect(events2[0]).toMatchObject({
        balance: -10n * M,
        actor: 'user:default/alice',
      });
      expect((await wallet(team.id)).overdueSince).toEqual(now);
    });

    it('evaluates billing debits of many teams in their transaction, and rolls back with them', async () => {
      const a = await services.createTeam(`t${++keys}`);
      const b = await services.createTeam(`t${++keys}`);
      const debit = (teamId: string, amount: bigint, window: number) => ({
        teamId,
        amount: -amount,
        kind: 'usage' as const,
        idempotencyKey: `usage:${teamId}:${window}`,
        actor: 'service:bison-billing',
      });
      await expect(
        knex.transaction(async trx => {
          await services.writer.postAll(trx, [
            debit(a.id, 10n * M, 1),
            debit(b.id, 10n * M, 1),
          ]);
          throw new Error('the window failed after the debits');
        }),
      ).rejects.toThrow('the window failed');
      expect(await events(a.id)).toEqual([]);
      expect((await wallet(a.id)).state).toBe('active');

      await knex.transaction(trx =>
        services.writer.postAll(trx, [
          debit(a.id, 10n * M, 2),
          debit(b.id, 1n, 2),
        ]),
      );
      expect(await events(a.id)).toEqual(['active→overdue below-credit-limit']);
      expect(await events(b.id)).toEqual(['active→overdue below-credit-limit']);
      expect((await store.events(a.id))[0].actor).toBe('service:bison-billing');
    });

    it('does not restart the grace period with later debits, and suspends when it ends without any usage', async () => {
      const team = await services.createTeam(`t${++keys}`);
      await post(team.id, -1n * M);
      const since = (await wallet(team.id)).overdueSince;
      now = new Date(now.getTime() + 5 * HOUR);
      await post(team.id, -1n * M);
      expect((await wallet(team.id)).overdueSince).toEqual(since);

      now = new Date(since!.getTime() + 24 * HOUR - 1);
      expect((await states.evaluateAll()).changed).toBe(0);
      now = new Date(since!.getTime() + 24 * HOUR);
      expect((await states.evaluateAll()).changed).toBe(1);
      expect((await wallet(team.id)).state).toBe('suspended');
      expect(await store.openSuspension(team.id)).toMatchObject({
        trigger: 'grace-expired',
        status: 'suspending',
        cluster: 'ledger-only',
      });
      // Evaluating again changes nothing and records nothing.
      expect((await states.evaluateAll()).changed).toBe(0);
      expect(await events(team.id)).toEqual([
        'active→overdue below-credit-limit',
        'overdue→suspended grace-expired',
      ]);
    });

    it('lifts a suspension after grace with a recharge, but not a held one', async () => {
      const a = await services.createTeam(`t${++keys}`);
      const b = await services.createTeam(`t${++keys}`);
      for (const team of [a, b]) await post(team.id, -10n * M);
      now = new Date(now.getTime() + 25 * HOUR);
      await states.evaluateAll();
      await states.suspend(b.id, {
        reason: 'hold it',
        held: true,
        actor: 'user:default/admin',
      });
      await post(a.id, 100n * M, 'recharge');
      await post(b.id, 100n * M, 'recharge');
      expect((await wallet(a.id)).state).toBe('active');
      expect((await store.currentSuspension(a.id))?.status).toBe('resuming');
      expect((await wallet(b.id)).state).toBe('suspended');
      expect((await store.openSuspension(b.id))?.held).toBe(true);
      await states.resume(b.id, { reason: 'ok', actor: 'user:default/admin' });
      expect((await wallet(b.id)).state).toBe('active');
      expect((await events(b.id)).slice(-1)).toEqual([
        'suspended→active resumed-by-admin',
      ]);
    });

    it('gives an overdue team an admin resumed a new grace period', async () => {
      const team = await services.createTeam(`t${++keys}`);
      await post(team.id, -10n * M);
      now = new Date(now.getTime() + 30 * HOUR);
      await states.evaluateAll();
      await states.resume(team.id, {
        reason: 'one more day',
        actor: 'user:default/admin',
      });
      expect(await wallet(team.id)).toMatchObject({
        state: 'overdue',
        overdueSince: now,
      });
      now = new Date(now.getTime() + 23 * HOUR);
      await states.evaluateAll();
      expect((await wallet(team.id)).state).toBe('overdue');
    });

    it('records one suspension and one event per transition when replicas evaluate at once', async () => {
      const teams = await Promise.all(
        Array.from({ length: 20 }, () => services.createTeam(`t${++keys}`)),
      );
      for (const team of teams) await post(team.id, -1n * M);
      now = new Date(now.getTime() + 25 * HOUR);
      const replicas = [newStates(), newStates(), newStates()];
      await Promise.all([
        ...replicas.map(r => r.evaluateAll()),
        // and postings on another connection at the same time
        ...teams.slice(0, 5).map(team => post(team.id, -1n * M)),
      ]);
      for (const team of teams) {
        expect(await events(team.id)).toEqual([
          'active→overdue below-credit-limit',
          'overdue→suspended grace-expired',
        ]);
      }
      const suspensions = await knex('suspensions').whereIn(
        'team_id',
        teams.map(t => t.id),
      );
      expect(suspensions).toHaveLength(20);
    });

    it('lets one process at a time run a suspension ladder', async () => {
      const team = await services.createTeam(`t${++keys}`);
      await states.suspend(team.id, { reason: 'r', held: false, actor: 'a' });
      const { id: suspensionId } = (await store.openSuspension(team.id))!;
      const until = new Date(now.getTime() + 60_000);
      const claims = await Promise.all(
        ['one', 'two', 'three'].map(owner =>
          store.claim(suspensionId, owner, until, now),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      // Once the lease has run out (its process died), another may take over.
      const later = new Date(until.getTime() + 1);
      expect(
        await store.claim(
          suspensionId,
          'four',
          new Date(later.getTime() + 60_000),
          later,
        ),
      ).toBe(true);
    });
  },
);
