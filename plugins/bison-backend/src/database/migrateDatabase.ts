import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

export const migrationsDirectory = resolvePackagePath(
  '@bison/plugin-bison-backend',
  'migrations',
);

/** Brings the plugin's database to the latest schema, unless config skips it. */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({ directory: migrationsDirectory });
  }
  return knex;
}
