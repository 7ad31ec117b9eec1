import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { createAlertFixture, M, rule } from '../__testUtils__/alertFixture';

jest.setTimeout(60_000);

const START = new Date('2026-12-03T08:00:00Z');
const percentRule = rule({
  kind: 'low-balance-percent',
  levels: [50, 25, 10],
});

describe.each(createTestDatabases().eachSupportedId())(
  'AlertEngine on %p',
  id => {
    const databases = createTestDatabases();
    let knex: Knex;
    let fixture: Awaited<ReturnType<typeof createAlertFixture>>;

    beforeEach(async () => {
      knex = await databases.init(id);
      fixture = await createAlertFixture(knex, {
        rules: [percentRule],
        now: START,
      });
    });
    afterEach(async () => {
      await knex.destroy();
    });

    it('fires each level of the last recharge once, and resolves once', async () => {
      const team = await fixture.createTeam('ml-team');
      const engine = fixture.newEngine();
      const evaluateOften = async () => {
        for (let i = 0; i < 100; i++) await engine.evaluate();
      };
      await fixture.post(team.id, 100n * M);
      await evaluateOften();
      for (const debit of [60n, 20n, 15n]) {
        await fixture.post(team.id, -debit * M);
        await evaluateOften();
      }
      await fixture.post(team.id, 195n * M);
      await evaluateOften();

      expect(await fixture.messages()).toEqual([
        'low-balance-percent/ml-team/firing: ml-team: balance below 50 % of the last recharge',
        'low-balance-percent/ml-team/firing: ml-team: balance below 25 % of the last recharge',
        'low-balance-percent/ml-team/firing: ml-team: balance below 10 % of the last recharge',
        'low-balance-percent/ml-team/resolved: ml-team: balance recovered',
      ]);
      // Backstage notifications only: no channel is configured.
      expect(await fixture.deliveryCount()).toBe(4);
    });

    it('stores each message once when replicas evaluate at the same time', async () => {
      const teams = await Promise.all(
        ['a-team', 'b-team', 'c-team'].map(name => fixture.createTeam(name)),
      );
      const engines = [fixture.newEngine(), fixture.newEngine()];
      for (const team of teams) await fixture.post(team.id, 100n * M);
      for (const debit of [60n, 20n, 15n]) {
        for (const team of teams) await fixture.post(team.id, -debit * M);
        await Promise.all(
          engines.flatMap(engine => [engine.evaluate(), engine.evaluate()]),
        );
      }
      const messages = await fixture.messages();
      expect(messages).toHaveLength(9);
      expect(new Set(messages).size).toBe(9);
      expect(await fixture.deliveryCount()).toBe(9);
    });

    it('repeats at the interval while it holds, and only then', async () => {
      fixture.setRules([
        rule({ kind: 'low-balance', below: 50n * M }, { repeatMinutes: 60 }),
      ]);
      const team = await fixture.createTeam('ml-team');
      const engine = fixture.newEngine();
      await fixture.post(team.id, 10n * M);
      await engine.evaluate();
      fixture.setNow(new Date(START.getTime() + 59 * 60_000));
      await engine.evaluate();
      fixture.setNow(new Date(START.getTime() + 60 * 60_000));
      await engine.evaluate();
      await engine.evaluate();
      expect(await fixture.messages()).toEqual([
        'low-balance/ml-team/firing: ml-team: balance below $50.00',
        'low-balance/ml-team/repeat: Still: ml-team: balance below $50.00',
      ]);
    });

    it('limits a rule to its teams', async () => {
      fixture.setRules([
        rule({ kind: 'low-balance', below: 50n * M }, { teams: ['b-team'] }),
      ]);
      const a = await fixture.createTeam('a-team');
      const b = await fixture.createTeam('b-team');
      await fixture.post(a.id, 10n * M);
      await fixture.post(b.id, 10n * M);
      await fixture.newEngine().evaluate();
      expect(await fixture.messages()).toEqual([
        'low-balance/b-team/firing: b-team: balance below $50.00',
      ]);
    });

    it('tells of an auto-recharge once, from the ledger', async () => {
      fixture.setRules([rule({ kind: 'auto-recharge-done' })]);
      const team = await fixture.createTeam('ml-team');
      const engine = fixture.newEngine();
      // The first evaluation starts reading after what exists.
      await fixture.post(team.id, 5n * M);
      await engine.evaluate();
      await fixture.writer.post(knex, {
        teamId: team.id,
        amount: 250n * M,
        kind: 'auto_recharge',
        idempotencyKey: 'auto:1',
        actor: 'service:bison/auto-recharge',
      });
      await engine.evaluate();
      await fixture.newEngine().evaluate();
      expect(await fixture.messages()).toEqual([
        'auto-recharge-done/ml-team/event: ml-team: auto-recharged $250.00',
      ]);
    });
  },
);
