import { SignalsService } from '@backstage/plugin-signals-node';
import { moneyFromDb } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { migrationsDirectory } from '../database/migrateDatabase';
import { TeamStore } from '../tenancy/TeamStore';
import { LedgerWriter } from '../wallet/LedgerWriter';
import { WalletService } from '../wallet/WalletService';
import { WalletStore } from '../wallet/WalletStore';

/** The actor that creates the fixture's teams. */
export const FIXTURE_ACTOR = 'user:default/alice';

export interface WalletServicesOptions {
  /** The ledger writer's clock; the current time unless given. */
  clock?: () => Date;
  /** When `createTeam` creates teams; the clock's time unless given. */
  teamCreatedAt?: Date;
}

export interface WalletFixtureOptions extends WalletServicesOptions {
  /** Name of the team created up front; `ml-team` unless given. */
  teamName?: string;
}

/**
 * Migrates `knex` and builds the wallet stack on it: a TeamStore, a
 * LedgerWriter, a WalletStore and a WalletService whose signals `publish` is
 * a jest mock. `createTeam(name)` creates a team (with its empty wallet) for
 * the group `group:default/<name>`.
 */
export async function createWalletServices(
  knex: Knex,
  options: WalletServicesOptions = {},
) {
  const { clock = () => new Date(), teamCreatedAt } = options;
  await knex.migrate.latest({ directory: migrationsDirectory });
  const teams = new TeamStore(knex);
  const createTeam = (name: string) =>
    teams.createTeam(
      { name, groupRef: `group:default/${name}`, displayName: name },
      FIXTURE_ACTOR,
      teamCreatedAt ?? clock(),
    );
  const writer = new LedgerWriter(clock);
  const store = new WalletStore(knex);
  const publish = jest.fn(async () => {});
  const wallets = new WalletService(knex, store, writer, {
    publish,
  } as unknown as SignalsService);
  return { knex, teams, createTeam, writer, store, wallets, publish };
}

/** {@link createWalletServices} plus one team, `ml-team` unless named. */
export async function createWalletFixture(
  knex: Knex,
  options: WalletFixtureOptions = {},
) {
  const services = await createWalletServices(knex, options);
  const team = await services.createTeam(options.teamName ?? 'ml-team');
  return { ...services, team };
}

/** The team's wallet row as stored: exact balance and version. */
export async function storedWallet(knex: Knex, teamId: string) {
  const row = await knex('wallets')
    .where({ team_id: teamId })
    .first('balance', 'version')
    .options({ safeIntegers: true });
  return { balance: moneyFromDb(row.balance), version: BigInt(row.version) };
}

/** How many ledger entries are stored, over all teams. */
export async function ledgerEntryCount(knex: Knex) {
  const count = await knex('ledger_entries').count({ n: '*' }).first();
  return Number(count?.n);
}

/** The stored ledger entries in id order, of one team or of all. */
export async function ledgerRows(knex: Knex, teamId?: string) {
  const query = knex('ledger_entries')
    .orderBy('id')
    .options({ safeIntegers: true });
  if (teamId) query.where({ team_id: teamId });
  const rows = await query;
  return rows.map(row => ({
    id: BigInt(row.id),
    teamId: row.team_id as string,
    kind: row.kind as string,
    amount: moneyFromDb(row.amount),
    balanceAfter: moneyFromDb(row.balance_after),
    idempotencyKey: row.idempotency_key as string,
  }));
}
