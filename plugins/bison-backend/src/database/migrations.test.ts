import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrationsDirectory } from './migrateDatabase';

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'migrate up and down on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDirectory });

      for (const table of [
        'teams',
        'wallets',
        'ledger_entries',
        'auto_recharge',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }

      const now = new Date();
      const team = (id: string, archivedAt: Date | null) => ({
        id,
        name: 'ml-team',
        group_ref: 'group:default/ml-team',
        display_name: 'ML',
        created_at: now,
        created_by: 'user:default/alice',
        archived_at: archivedAt,
      });
      // A live name is unique, but an archived team does not block it.
      await knex('teams').insert(team('a', now));
      await knex('teams').insert(team('b', null));
      // SqliteError may come from another realm, so match on the message.
      await expect(
        knex('teams').insert(team('c', null)),
      ).rejects.toHaveProperty('message', expect.stringMatching(/unique/i));

      // Postgres bigint holds the full int64 range of micro-units.
      await knex('wallets').insert({
        team_id: 'b',
        balance: '9223372036854775807',
        updated_at: now,
      });
      // SQLite needs safeIntegers to return integers beyond 2^53 exactly.
      const [wallet] = await knex('wallets')
        .where({ team_id: 'b' })
        .options({ safeIntegers: true });
      expect(BigInt(wallet.balance)).toBe(9223372036854775807n);

      await knex.migrate.rollback({ directory: migrationsDirectory }, true);
      expect(await knex.schema.hasTable('teams')).toBe(false);
      expect(await knex.schema.hasTable('ledger_entries')).toBe(false);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'sums the usage billed before the daily sums existed, exactly, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDirectory });
      await knex.migrate.down({ directory: migrationsDirectory });
      expect(await knex.schema.hasTable('usage_daily')).toBe(false);

      await knex('teams').insert({
        id: 't1',
        name: 'ml-team',
        group_ref: 'group:default/ml-team',
        display_name: 'ML',
        created_at: new Date(),
        created_by: 'user:default/alice',
      });
      const record = (at: string, teamId: string | null, quantity: string) => ({
        window_start: new Date(at),
        window_end: new Date(Date.parse(at) + 3_600_000),
        namespace: teamId ? 'ml-training' : 'kube-system',
        team_id: teamId,
        resource: 'cpu',
        quantity,
        unit_price: '1000000',
        cost: '9007199254740993',
        price_book_id: 1,
      });
      await knex('usage_records').insert([
        record('2026-11-02T00:00:00Z', 't1', '0.1'),
        record('2026-11-02T23:00:00Z', 't1', '0.2'),
        record('2026-11-03T00:00:00Z', 't1', '1'),
        record('2026-11-02T05:00:00Z', null, '3'),
      ]);

      await knex.migrate.up({ directory: migrationsDirectory });
      const days = await knex('usage_daily')
        .orderBy(['day', 'team_key'])
        .options({ safeIntegers: true });
      expect(
        days.map(day => [
          new Date(
            day.day instanceof Date ? day.day : Number(day.day),
          ).toISOString(),
          day.team_key,
          day.quantity,
          String(day.cost),
        ]),
      ).toEqual([
        ['2026-11-02T00:00:00.000Z', '', '3', '9007199254740993'],
        ['2026-11-02T00:00:00.000Z', 't1', '0.3', '18014398509481986'],
        ['2026-11-03T00:00:00.000Z', 't1', '1', '9007199254740993'],
      ]);
      await knex.destroy();
    },
  );
});
