import fc from 'fast-check';
import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { createWalletServices } from '../../__testUtils__/walletFixture';
import { formatMonth, monthOf, monthsBetween, parseMonth } from '../months';
import { StatementReader } from './StatementReader';
import { StatementService } from './StatementService';

jest.setTimeout(120_000);

const M = 1_000_000n;
const HOUR = 3_600_000;
const START = Date.parse('2026-01-30T00:00:00Z');

type Step =
  | {
      kind: 'recharge' | 'auto_recharge' | 'adjustment';
      amount: bigint;
      hours: number;
    }
  | { kind: 'usage'; lines: Array<[number, number, bigint]>; hours: number };

const amount = fc.bigInt({ min: 1n, max: 500n * M });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('recharge' as const, 'auto_recharge' as const),
    amount,
    hours: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant('adjustment' as const),
    amount: fc.bigInt({ min: -200n * M, max: 200n * M }).filter(a => a !== 0n),
    hours: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant('usage' as const),
    // [project index, resource index, cost]: at most one line per pair.
    lines: fc.uniqueArray(
      fc.tuple(fc.nat(2), fc.nat(2), fc.bigInt({ min: 1n, max: 30n * M })),
      { minLength: 1, maxLength: 5, selector: ([p, r]) => `${p}/${r}` },
    ),
    hours: fc.integer({ min: 1, max: 200 }),
  }),
);

describe.each(createTestDatabases().eachSupportedId())(
  'statements on %p',
  id => {
    const databases = createTestDatabases();
    let knex: Knex;
    let now: Date;
    let services: Awaited<ReturnType<typeof createWalletServices>>;

    beforeAll(async () => {
      knex = await databases.init(id);
      now = new Date(START);
      services = await createWalletServices(knex, { clock: () => now });
    });
    afterAll(() => knex.destroy());

    let teams = 0;
    async function replay(steps: Step[]) {
      now = new Date(START);
      const team = await services.createTeam(`team-${++teams}`);
      let key = 0;
      for (const s of steps) {
        now = new Date(now.getTime() + s.hours * HOUR);
        if (s.kind !== 'usage') {
          await services.writer.post(knex, {
            teamId: team.id,
            amount: s.amount,
            kind: s.kind,
            idempotencyKey: `${team.id}:${++key}`,
            actor: 'user:default/alice',
          });
          continue;
        }
        const window = {
          start: new Date(Math.floor(now.getTime() / HOUR) * HOUR - HOUR),
          end: new Date(Math.floor(now.getTime() / HOUR) * HOUR),
        };
        await knex('usage_records').insert(
          s.lines.map(([p, r, cost]) => ({
            window_start: window.start,
            window_end: window.end,
            namespace: `${team.name}-project-${p}`,
            team_id: team.id,
            resource: ['cpu', 'memory', 'nvidia.com/gpu'][r],
            quantity: '1.5',
            unit_price: String(cost),
            cost: String(cost),
            price_book_id: 1,
          })),
        );
        await services.writer.post(knex, {
          teamId: team.id,
          amount: -s.lines.reduce((sum, [, , cost]) => sum + cost, 0n),
          kind: 'usage',
          idempotencyKey: `usage:${team.id}:${window.start.toISOString()}`,
          actor: 'service:bison/billing',
          window,
        });
      }
      return team;
    }

    it('reconciles every month to the ledger and chains the months', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 1, maxLength: 25 }),
          fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
          async (steps, zone) => {
            const team = await replay(steps);
            const service = new StatementService(
              new StatementReader(knex),
              zone,
              () => now,
            );
            const months = await service.months(team);
            expect(months[0]).toEqual({
              month: formatMonth(monthOf(now, zone)),
              preliminary: true,
            });
            let opening = 0n;
            let entries = 0;
            for (const { month } of [...months].reverse()) {
              const statement = await service.statement(
                team,
                parseMonth(month),
              );
              expect(statement.openingBalance).toBe(opening);
              const sum = Object.values(statement.totals).reduce(
                (a, b) => a + b,
                0n,
              );
              expect(statement.openingBalance + sum).toBe(
                statement.closingBalance,
              );
              const usageCost = statement.usage.byProject.reduce(
                (a, p) => a + p.cost,
                0n,
              );
              expect(usageCost).toBe(-statement.totals.usage);
              opening = statement.closingBalance;
              entries += statement.ledger.count;
            }
            const wallet = await knex('wallets')
              .where('team_id', team.id)
              .first();
            expect(opening).toBe(BigInt(wallet.balance));
            expect(entries).toBe(steps.length);
          },
        ),
        { numRuns: 15 },
      );
    });

    it('gives an empty, final statement for a month without entries, exact beyond 2^53', async () => {
      const team = await replay([
        { kind: 'recharge', amount: 100n * M, hours: 1 },
        { kind: 'usage', lines: [[0, 0, 9_007_199_254_740_993n]], hours: 1 },
        { kind: 'recharge', amount: 9_007_199_254_740_993n, hours: 1 },
        { kind: 'adjustment', amount: -10n * M, hours: 24 * 70 },
      ]);
      const service = new StatementService(
        new StatementReader(knex),
        'UTC',
        () => now,
      );
      const february = await service.statement(team, parseMonth('2026-02'));
      expect(february).toMatchObject({
        preliminary: false,
        openingBalance: 100n * M,
        closingBalance: 100n * M,
        ledger: { count: 0, firstId: null, lastId: null },
      });
      expect(february.ledger.sha256).toBe(
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      );
      expect(
        monthsBetween(parseMonth('2026-01'), parseMonth('2026-04')).map(
          formatMonth,
        ),
      ).toEqual(['2026-04', '2026-03', '2026-02', '2026-01']);
    });
  },
);
