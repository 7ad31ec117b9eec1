import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrationsDirectory } from '../database/migrateDatabase';
import { ActivityStore } from './ActivityStore';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('ActivityStore on %p', id => {
  it('removes entries older than the retention, keeping the rest', async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest({ directory: migrationsDirectory });
    const store = new ActivityStore(knex);
    const day = 86_400_000;
    const now = Date.now();
    for (let age = 11; age >= 0; age -= 1) {
      await store.record(
        {
          actor: 'user:default/alice',
          action: 'team-update',
          summary: `${age} days ago`,
          after: { secret: 'hunter2', nested: { apiKey: 'k', name: 'n' } },
        },
        new Date(now - age * day),
      );
    }
    expect(await store.purgeBefore(new Date(now - 9.5 * day))).toBe(2);
    const page = await store.list({ scope: { kind: 'all' }, limit: 50 });
    expect(page.items.map(entry => entry.summary)).toEqual(
      Array.from({ length: 10 }, (_, age) => `${age} days ago`),
    );
    expect(page.items[0].after).toEqual({
      secret: '(hidden)',
      nested: { apiKey: '(hidden)', name: 'n' },
    });
  });
});
