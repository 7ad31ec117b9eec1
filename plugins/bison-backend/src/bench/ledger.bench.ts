import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrationsDirectory } from '../database/migrateDatabase';
import { TeamStore } from '../tenancy/TeamStore';
import { LedgerWriter } from '../wallet/LedgerWriter';
import { WalletStore } from '../wallet/WalletStore';
import { report, runConcurrently, summarize, timed } from './stats';

jest.setTimeout(30 * 60_000);

const databases = createTestDatabases();
const WRITES = Number(process.env.BISON_BENCH_WRITES ?? 4000);
const ENTRIES = Number(process.env.BISON_BENCH_ENTRIES ?? 1_000_000);

describe.each(databases.eachSupportedId())('ledger on %p', databaseId => {
  it('writes per second at 1 and 50 concurrent writers', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDirectory });
    const teams = new TeamStore(knex);
    const ledger = new LedgerWriter();
    const rows = [];
    for (const writers of [1, 50]) {
      const team = await teams.createTeam(
        {
          name: `w${writers}`,
          groupRef: 'group:default/bench',
          displayName: 'B',
        },
        'user:default/bench',
        new Date(),
      );
      const [, millis] = await timed(() =>
        runConcurrently(WRITES, writers, async i => {
          await ledger.post(knex, {
            teamId: team.id,
            amount: i % 2 ? 1_000_000n : -999_999n,
            kind: i % 2 ? 'recharge' : 'usage',
            idempotencyKey: `bench:${writers}:${i}`,
            actor: 'user:default/bench',
          });
        }),
      );
      rows.push({
        database: databaseId,
        writers,
        writes: WRITES,
        seconds: +(millis / 1000).toFixed(2),
        writesPerSecond: Math.round(WRITES / (millis / 1000)),
      });
    }
    report(`Ledger writes (${databaseId})`, rows);
    await knex.destroy();
  });

  it(`reads one page of 50 from a wallet with ${ENTRIES} entries`, async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDirectory });
    const team = await new TeamStore(knex).createTeam(
      { name: 'big', groupRef: 'group:default/bench', displayName: 'B' },
      'user:default/bench',
      new Date(),
    );
    const start = Date.UTC(2026, 0, 1);
    const [, loadMillis] = await timed(async () => {
      const batch = 5000;
      for (let offset = 0; offset < ENTRIES; offset += batch) {
        const rows = Array.from(
          { length: Math.min(batch, ENTRIES - offset) },
          (_, j) => {
            const i = offset + j;
            return {
              team_id: team.id,
              amount: i % 10 === 0 ? '100000000' : '-10000',
              kind: i % 10 === 0 ? 'recharge' : 'usage',
              idempotency_key: `bulk:${i}`,
              actor: 'service:bench',
              balance_after: String(i),
              created_at: new Date(start + i * 1000),
            };
          },
        );
        // SQLite caps a compound insert at 500 rows.
        await knex.batchInsert('ledger_entries', rows, 400);
      }
    });
    // Production databases keep statistics; a bulk load needs them refreshed.
    if (knex.client.config.client === 'pg')
      await knex.raw('ANALYZE ledger_entries');
    else await knex.raw('ANALYZE');
    const store = new WalletStore(knex);
    const samples = (fn: () => Promise<unknown>) =>
      (async () => {
        const times = [];
        for (let i = 0; i < 50; i++) times.push((await timed(fn))[1]);
        return summarize(times);
      })();
    const middle = {
      createdAt: new Date(start + Math.floor(ENTRIES / 2) * 1000),
      id: BigInt(Number.MAX_SAFE_INTEGER),
    };
    report(
      `Transactions page of 50 (${databaseId}, ${ENTRIES} entries, loaded in ${(
        loadMillis / 1000
      ).toFixed(1)} s)`,
      [
        {
          query: 'newest page',
          ...(await samples(() =>
            store.listTransactions(team.id, {}, { limit: 50 }),
          )),
        },
        {
          query: 'page in the middle (cursor)',
          ...(await samples(() =>
            store.listTransactions(team.id, {}, { limit: 50, after: middle }),
          )),
        },
        {
          query: 'recharges only, middle',
          ...(await samples(() =>
            store.listTransactions(
              team.id,
              { kind: 'recharge' },
              { limit: 50, after: middle },
            ),
          )),
        },
        {
          query: 'time range, middle',
          ...(await samples(() =>
            store.listTransactions(
              team.id,
              {
                from: new Date(start),
                to: new Date(start + (ENTRIES / 2) * 1000),
              },
              { limit: 50 },
            ),
          )),
        },
      ],
    );
    await knex.destroy();
  });
});
