import { Micros, moneyFromDb } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { EXACT_INTEGERS } from '../database/dbValues';
import { sumUsage } from './usageTotals';
import { ProjectUsageTotal } from './projects/assembleProjectReport';
import { TeamUsageTotal } from './teams/assembleTeamReport';

/** Reads the usage records behind the cross-team and project reports. */
export class ReportReader {
  constructor(private readonly knex: Knex) {}

  private inRange(range: { from: Date; to: Date }) {
    return this.knex('usage_records')
      .where('window_start', '>=', range.from)
      .where('window_start', '<', range.to);
  }

  async totals(range: { from: Date; to: Date }): Promise<TeamUsageTotal[]> {
    const totals = await sumUsage(this.knex, this.inRange(range), [
      'team_id',
      'resource',
    ]);
    return totals.map(total => ({
      teamId: total.keys.team_id,
      resource: total.keys.resource!,
      quantity: total.quantity,
      cost: total.cost,
    }));
  }

  async projectTotals(range: {
    from: Date;
    to: Date;
  }): Promise<ProjectUsageTotal[]> {
    const totals = await sumUsage(this.knex, this.inRange(range), [
      'namespace',
      'team_id',
      'resource',
    ]);
    return totals.map(total => ({
      namespace: total.keys.namespace!,
      teamId: total.keys.team_id,
      resource: total.keys.resource!,
      quantity: total.quantity,
      cost: total.cost,
    }));
  }

  async costByTeam(range: {
    from: Date;
    to: Date;
  }): Promise<Map<string | null, Micros>> {
    const rows = await this.inRange(range)
      .select('team_id')
      .sum({ cost: 'cost' })
      .groupBy('team_id')
      .options(EXACT_INTEGERS);
    return new Map(
      rows.map((row: Record<string, any>) => [
        row.team_id ?? null,
        moneyFromDb(row.cost),
      ]),
    );
  }
}
