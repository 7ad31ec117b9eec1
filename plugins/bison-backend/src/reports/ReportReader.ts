import { Micros } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { mergeTotals, sumUsage, UsageTotal } from './usageTotals';
import { splitIntoDays, TimeRange } from './splitIntoDays';
import { ProjectUsageTotal } from './projects/assembleProjectReport';
import { TeamUsageTotal } from './teams/assembleTeamReport';

type Grouping = 'team' | 'namespace' | 'resource';

/**
 * Reads the usage behind the cross-team and project reports: whole days
 * from the daily sums (`usage_daily`), the hours around them from the
 * usage records, added up exactly.
 */
export class ReportReader {
  constructor(private readonly knex: Knex) {}

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
    const { days, edges } = splitIntoDays(range);
    const fromRecords = edges.map(async edge => {
      const totals = await sumUsage(
        this.knex,
        this.knex('usage_records')
          .where('window_start', '>=', edge.from)
          .where('window_start', '<', edge.to),
        groups.map(group => (group === 'team' ? 'team_id' : group)),
      );
      return totals.map(total => renameKey(total, 'team_id', 'team'));
    });
    const fromDays = days
      ? sumUsage(
          this.knex,
          this.knex('usage_daily')
            .where('day', '>=', days.from)
            .where('day', '<', days.to),
          groups.map(group => (group === 'team' ? 'team_key' : group)),
        ).then(totals =>
          totals.map(total => {
            const renamed = renameKey(total, 'team_key', 'team');
            renamed.keys.team ||= null;
            return renamed;
          }),
        )
      : Promise.resolve([]);
    return mergeTotals(await Promise.all([fromDays, ...fromRecords]));
  }
}

function renameKey(total: UsageTotal, from: string, to: string): UsageTotal {
  if (!(from in total.keys)) return total;
  const { [from]: value, ...rest } = total.keys;
  return { ...total, keys: { ...rest, [to]: value } };
}
