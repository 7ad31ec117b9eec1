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
});
