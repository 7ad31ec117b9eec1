import { Micros } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { mergeTotals, sumUsage, UsageTotal } from './usageTotals';
import { DailyUsageSums } from './dailySums/DailyUsageSums';
import { planUsageReads } from './dailySums/planUsageReads';
import { TimeRange } from './dailySums/splitIntoDays';
import { ProjectUsageTotal } from './projects/assembleProjectReport';
import { TeamUsageTotal } from './teams/assembleTeamReport';

type Grouping = 'team' | 'namespace' | 'resource';

/**
 * Reads the usage behind the cross-team and project reports: summed whole
 * days from the daily sums, the rest from the usage records, added up
 * exactly.
 */
export class ReportReader {
  constructor(
    private readonly knex: Knex,
    private readonly dailySums: DailyUsageSums,
  ) {}

  async totals(range: TimeRange): Promise<TeamUsageTotal[]> {
    const totals = await this.sum(range, ['team', 'resource']);
    return totals.map(total => ({
      teamId: total.keys.team,
      resource: total.keys.resource!,
      quantity: total.quantity,
      cost: total.cost,
    }));
  }

  async projectTotals(range: TimeRange): Promise<ProjectUsageTotal[]> {
    const totals = await this.sum(range, ['namespace', 'team', 'resource']);
    return totals.map(total => ({
      namespace: total.keys.namespace!,
      teamId: total.keys.team,
      resource: total.keys.resource!,
      quantity: total.quantity,
      cost: total.cost,
    }));
  }

  async costByTeam(range: TimeRange): Promise<Map<string | null, Micros>> {
    const totals = await this.sum(range, ['team']);
    return new Map(totals.map(total => [total.keys.team, total.cost]));
  }

  /** Totals grouped by `groups`; `keys.team` is null for unallocated usage. */
  private async sum(
    range: TimeRange,
    groups: Grouping[],
  ): Promise<UsageTotal[]> {
    const plan = planUsageReads(range, await this.dailySums.summedDays(range));
    const fromRecords = plan.recordRanges.map(part =>
      sumUsage(
        this.knex,
        this.knex('usage_records')
          .where('window_start', '>=', part.from)
          .where('window_start', '<', part.to),
        groups.map(group => (group === 'team' ? 'team_id' : group)),
      ).then(totals => totals.map(total => renameKey(total, 'team_id'))),
    );
    const fromDays =
      plan.summedDays.length > 0
        ? sumUsage(
            this.knex,
            this.knex('usage_daily').whereIn('day', plan.summedDays),
            groups.map(group => (group === 'team' ? 'team_key' : group)),
          ).then(totals => totals.map(total => renameKey(total, 'team_key')))
        : Promise.resolve([]);
    return mergeTotals(await Promise.all([fromDays, ...fromRecords]));
  }
}

/** Names the team column `team`, null for unallocated usage ('' in the sums). */
function renameKey(total: UsageTotal, column: string): UsageTotal {
  const { [column]: team, ...rest } = total.keys;
  return { ...total, keys: { ...rest, team: team || null } };
}
