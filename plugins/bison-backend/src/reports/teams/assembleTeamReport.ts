import { Micros, WalletState } from '@bison/plugin-bison-common';
import { byAmountDescending } from '../../billing/compareMicros';
import { perMille } from '../perMille';

export interface TeamUsageTotal {
  teamId: string | null;
  resource: string;
  quantity: string;
  cost: Micros;
}

export interface TeamReportInput {
  current: TeamUsageTotal[];
  /** Cost per team (null: unallocated) over the previous period. */
  previous: Map<string | null, Micros>;
  teams: Map<string, { name: string; displayName: string }>;
  wallets: Map<string, { balance: Micros; state: WalletState }>;
}

export interface TeamReportRow {
  teamId: string;
  team: string;
  displayName: string;
  cost: Micros;
  /** Per mille of the charged total, rounded half up. */
  sharePerMille: number;
  previousCost: Micros;
  change: Micros;
  /** Per mille change against the previous period; null without one. */
  changePerMille: number | null;
  byResource: Array<{ resource: string; quantity: string; cost: Micros }>;
  balance: Micros | null;
  state: WalletState | null;
}

/**
 * Every team that had usage in the period or the one before, ranked by
 * cost: its usage by resource, its share of the charged total, the change
 * against the previous period of the same length, and its wallet now.
 */
export function assembleTeamReport(input: TeamReportInput) {
  const byTeam = new Map<string, TeamUsageTotal[]>();
  let unallocated = 0n;
  for (const total of input.current) {
    if (total.teamId === null) {
      unallocated += total.cost;
      continue;
    }
    byTeam.set(total.teamId, [...(byTeam.get(total.teamId) ?? []), total]);
  }
  for (const teamId of input.previous.keys()) {
    if (teamId !== null && !byTeam.has(teamId)) byTeam.set(teamId, []);
  }
  const charged = input.current
    .filter(t => t.teamId !== null)
    .reduce((sum, t) => sum + t.cost, 0n);
  const rows: TeamReportRow[] = [...byTeam].map(([teamId, totals]) => {
    const cost = totals.reduce((sum, t) => sum + t.cost, 0n);
    const previousCost = input.previous.get(teamId) ?? 0n;
    const team = input.teams.get(teamId);
    const wallet = input.wallets.get(teamId);
    return {
      teamId,
      team: team?.name ?? teamId,
      displayName: team?.displayName ?? teamId,
      cost,
      sharePerMille: charged > 0n ? perMille(cost, charged) : 0,
      previousCost,
      change: cost - previousCost,
      changePerMille:
        previousCost > 0n ? perMille(cost - previousCost, previousCost) : null,
      byResource: totals
        .map(({ resource, quantity, cost: c }) => ({
          resource,
          quantity,
          cost: c,
        }))
        .sort((a, b) => byAmountDescending(a.cost, b.cost)),
      balance: wallet?.balance ?? null,
      state: wallet?.state ?? null,
    };
  });
  rows.sort(
    (a, b) =>
      byAmountDescending(a.cost, b.cost) || a.team.localeCompare(b.team),
  );
  return {
    total: charged + unallocated,
    charged,
    unallocated,
    previousTotal: [...input.previous.values()].reduce((s, c) => s + c, 0n),
    previousUnallocated: input.previous.get(null) ?? 0n,
    teams: rows,
  };
}
