import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const DATABASE_IDS: TestDatabaseId[] = ['POSTGRES_15', 'SQLITE_3'];

/**
 * The databases every store test runs on: SQLite always, and PostgreSQL when
 * `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` points at a server.
 * `make test` sets `BISON_REQUIRE_ALL_TEST_SERVICES`, and then a missing
 * PostgreSQL fails the run instead of being skipped.
 */
export function createTestDatabases(): TestDatabases {
  const databases = TestDatabases.create({ ids: DATABASE_IDS });
  const supported = databases.eachSupportedId().map(([id]) => id);
  const missing = DATABASE_IDS.filter(id => !supported.includes(id));
  if (process.env.BISON_REQUIRE_ALL_TEST_SERVICES && missing.length > 0) {
    throw new Error(
      `Test databases required but not configured: ${missing.join(', ')}`,
    );
  }
  return databases;
}
