import { TeamReportRow } from '../../api';
import { isZeroAmount } from '../shared/money';

/** At most this many teams are compared in the chart. */
export const COMPARED_TEAMS = 8;

/**
 * One team in the comparison chart. `cost` and `previousCost` are the API's
 * amounts, for the tooltip; `current` and `previous` the same as numbers,
 * only to size the bars.
 */
export interface ComparisonRow {
  team: string;
  displayName: string;
  cost: string;
  previousCost: string;
  current: number;
  previous: number;
}

/**
 * The costliest teams of the period (the report's order) with what they
 * cost in the period before; teams that cost nothing in either are left
 * out.
 */
export function comparisonRows(
  teams: TeamReportRow[],
  max: number = COMPARED_TEAMS,
): ComparisonRow[] {
  return teams
    .filter(t => !isZeroAmount(t.cost) || !isZeroAmount(t.previousCost))
    .slice(0, max)
    .map(t => ({
      team: t.team,
      displayName: t.displayName,
      cost: t.cost,
      previousCost: t.previousCost,
      current: Number(t.cost),
      previous: Number(t.previousCost),
    }));
}
