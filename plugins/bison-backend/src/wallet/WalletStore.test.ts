import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrationsDirectory } from '../database/migrateDatabase';
import { TeamStore } from '../tenancy/TeamStore';
import { LedgerWriter } from './LedgerWriter';
import {
  TransactionCursor,
  TransactionFilter,
  WalletStore,
} from './WalletStore';
import { LedgerEntry, LedgerEntryKind } from './types';

jest.setTimeout(120_000);

const ALICE = 'user:default/alice';
const BASE = Date.UTC(2026, 11, 1, 10, 0, 0, 0);
const KINDS: LedgerEntryKind[] = ['usage', 'recharge', 'adjustment'];
const ENTRIES = 120;

/** Created at BASE + i minutes, for the i-th entry of the team. */
const timeOf = (i: number) => new Date(BASE + i * 60_000);

interface Seeded {
  knex: Knex;
  store: WalletStore;
  teamId: string;
  /** The team's entries in creation order; index i was created at timeOf(i). */
  entries: LedgerEntry[];
}

async function seed(knex: Knex): Promise<Seeded> {
  await knex.migrate.latest({ directory: migrationsDirectory });
  const teams = new TeamStore(knex);
  const team = await teams.createTeam(
    { name: 'ml-team', groupRef: 'group:default/ml-team', displayName: 'ML' },
    ALICE,
    new Date(BASE),
  );
  const other = await teams.createTeam(
    { name: 'other', groupRef: 'group:default/other', displayName: 'O' },
    ALICE,
    new Date(BASE),
  );
  let now = new Date(BASE);
  const writer = new LedgerWriter(() => now);
  const entries: LedgerEntry[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    now = timeOf(i);
    const kind = KINDS[i % KINDS.length];
    const { entry } = await writer.post(knex, {
      teamId: team.id,
      amount: kind === 'usage' ? -BigInt(i + 1) : BigInt(1_000 * (i + 1)),
      kind,
      idempotencyKey: `entry-${i}`,
      actor: ALICE,
      reason: `entry ${i}`,
    });
    entries.push(entry);
    // Another team's entries interleave with the ids but never show up.
    if (i % 10 === 0) {
      await writer.post(knex, {
        teamId: other.id,
        amount: 1n,
        kind,
        idempotencyKey: `other-${i}`,
        actor: ALICE,
      });
    }
  }
  return { knex, store: new WalletStore(knex), teamId: team.id, entries };
}

const newestFirst = (entries: LedgerEntry[]) =>
  [...entries].sort((a, b) => (a.id < b.id ? 1 : -1));

describe('WalletStore', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let s: Seeded;

    beforeAll(async () => {
      s = await seed(await databases.init(databaseId));
    });

    async function allPages(
      filter: TransactionFilter,
      limit: number,
    ): Promise<LedgerEntry[][]> {
      const pages: LedgerEntry[][] = [];
      let after: TransactionCursor | undefined;
      do {
        const page = await s.store.listTransactions(s.teamId, filter, {
          limit,
          after,
        });
        pages.push(page.entries);
        if (page.next) {
          const last = page.entries[page.entries.length - 1];
          expect(page.next).toEqual({ createdAt: last.createdAt, id: last.id });
        }
        after = page.next;
        expect(pages.length).toBeLessThanOrEqual(ENTRIES + 1);
      } while (after);
      return pages;
    }

    async function streamed(filter: TransactionFilter, batchSize?: number) {
      const out: LedgerEntry[] = [];
      for await (const entry of s.store.streamTransactions(
        s.teamId,
        filter,
        batchSize,
      )) {
        out.push(entry);
      }
      return out;
    }

    it('lists the newest entry first, as it was written', async () => {
      const page = await s.store.listTransactions(s.teamId, {}, { limit: 2 });
      expect(page.entries).toEqual([s.entries[119], s.entries[118]]);
      expect(page.entries[0]).toMatchObject({
        teamId: s.teamId,
        kind: 'adjustment',
        amount: 120_000n,
        actor: ALICE,
        reason: 'entry 119',
        createdAt: timeOf(119),
      });
      expect(page.next).toEqual({
        createdAt: s.entries[118].createdAt,
        id: s.entries[118].id,
      });
    });

    it.each<[number, number[]]>([
      [50, [50, 50, 20]],
      [40, [40, 40, 40]],
      [119, [119, 1]],
      [120, [120]],
      [500, [120]],
    ])('pages by %p visiting every entry once', async (limit, sizes) => {
      const pages = await allPages({}, limit);
      expect(pages.map(p => p.length)).toEqual(sizes);
      expect(pages.flat()).toEqual(newestFirst(s.entries));
    });

    it('returns nothing before the oldest entry', async () => {
      const page = await s.store.listTransactions(
        s.teamId,
        {},
        {
          limit: 10,
          after: { createdAt: s.entries[0].createdAt, id: s.entries[0].id },
        },
      );
      expect(page).toEqual({ entries: [], next: undefined });
    });

    it.each<[string, TransactionFilter, (i: number) => boolean]>([
      ['kind', { kind: 'usage' }, i => i % 3 === 0],
      ['from (inclusive)', { from: timeOf(30) }, i => i >= 30],
      ['to (exclusive)', { to: timeOf(90) }, i => i < 90],
      [
        'kind, from and to together',
        { kind: 'recharge', from: timeOf(31), to: timeOf(100) },
        i => i % 3 === 1 && i >= 31 && i < 100,
      ],
      [
        'a from between two entries',
        { from: new Date(timeOf(50).getTime() + 1) },
        i => i >= 51,
      ],
      ['an empty range', { from: timeOf(10), to: timeOf(10) }, () => false],
      ['a kind without entries', { kind: 'refund' }, () => false],
    ])('filters by %s, across pages and streams', async (_, filter, keep) => {
      const expected = newestFirst(s.entries.filter((__, i) => keep(i)));
      const pages = await allPages(filter, 7);
      expect(pages.flat()).toEqual(expected);
      expect(pages.slice(0, -1).every(p => p.length === 7)).toBe(true);
      expect(await streamed(filter, 7)).toEqual(expected);
    });

    it.each([1, 7, 120, undefined])(
      'streams every entry in order with batch size %p',
      async batchSize => {
        expect(await streamed({}, batchSize)).toEqual(newestFirst(s.entries));
      },
    );

    it('reads the wallet the entries produced', async () => {
      const wallet = await s.store.getWallet(s.teamId);
      const total = s.entries.reduce((sum, e) => sum + e.amount, 0n);
      expect(wallet).toMatchObject({
        teamId: s.teamId,
        balance: total,
        state: 'active',
        stateSeq: 0n,
        burnRatePerDay: 0n,
        version: BigInt(ENTRIES),
        lastRecharge: { amount: 119_000n, at: timeOf(118) },
        updatedAt: timeOf(119),
      });
      expect(s.entries[ENTRIES - 1].balanceAfter).toBe(total);
      expect(await s.store.getWallet('no-such-team')).toBeUndefined();
    });
  });
});
