import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createWalletServices } from '../__testUtils__/walletFixture';
import { UsageReports } from './UsageReports';

const HOUR = 3_600_000;
const START = Date.parse('2026-11-01T00:00:00Z');

describe.each(createTestDatabases().eachSupportedId())(
  'UsageReports.streamUsageLines on %p',
  id => {
    const databases = createTestDatabases();
    let knex: Knex;
    afterEach(() => knex.destroy());

    it('reads every line once across batch boundaries, in window order', async () => {
      knex = await databases.init(id);
      const services = await createWalletServices(knex);
      const team = await services.createTeam('ml-team');
      const other = await services.createTeam('data-team');
      const lines = [];
      for (let h = 0; h < 4; h++) {
        for (const [teamId, namespace] of [
          [team.id, 'ml-a'],
          [team.id, 'ml-b'],
          [other.id, 'data-a'],
        ]) {
          lines.push({
            window_start: new Date(START + h * HOUR),
            window_end: new Date(START + (h + 1) * HOUR),
            namespace,
            team_id: teamId,
            resource: 'cpu',
            quantity: `${h}.5`,
            unit_price: '40000',
            cost: String(1000 + h),
            price_book_id: 1,
          });
        }
      }
      // Inserted newest window first, so id order is not window order.
      await knex('usage_records').insert(lines.reverse());
      const read = [];
      for await (const line of new UsageReports(knex).streamUsageLines(
        team.id,
        { from: new Date(START + HOUR), to: new Date(START + 4 * HOUR) },
        2,
      )) {
        read.push(
          `${line.windowStart.toISOString().slice(11, 13)} ${line.namespace} ${
            line.cost
          }`,
        );
      }
      const windows = read.map(line => line.slice(0, 2));
      expect(windows).toEqual([...windows].sort());
      expect(read.sort()).toEqual([
        '01 ml-a 1001',
        '01 ml-b 1001',
        '02 ml-a 1002',
        '02 ml-b 1002',
        '03 ml-a 1003',
        '03 ml-b 1003',
      ]);
    });
  },
);
