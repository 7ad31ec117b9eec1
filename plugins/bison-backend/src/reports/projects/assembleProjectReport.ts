import { Micros } from '@bison/plugin-bison-common';
import { byAmountDescending } from '../../billing/compareMicros';
import { perMille } from '../perMille';

export interface ProjectUsageTotal {
  namespace: string;
  /** The team the usage was charged to; null: unallocated. */
  teamId: string | null;
  resource: string;
  quantity: string;
  cost: Micros;
}

export interface ProjectReportRow {
  namespace: string;
  teamId: string | null;
  cost: Micros;
  sharePerMille: number;
  byResource: Array<{ resource: string; quantity: string; cost: Micros }>;
}

/**
 * Every namespace with usage in the period, unallocated ones included, by
 * cost: one row per namespace and the team it was charged to (a namespace
 * that changed hands in the period has a row for each).
 */
export function assembleProjectReport(totals: ProjectUsageTotal[]) {
  const rows = new Map<string, ProjectReportRow>();
  let total = 0n;
  for (const t of totals) {
    const key = `${t.namespace}\u0000${t.teamId ?? ''}`;
    const row = rows.get(key) ?? {
      namespace: t.namespace,
      teamId: t.teamId,
      cost: 0n,
      sharePerMille: 0,
      byResource: [],
    };
    row.cost += t.cost;
    row.byResource.push({
      resource: t.resource,
      quantity: t.quantity,
      cost: t.cost,
    });
    rows.set(key, row);
    total += t.cost;
  }
  const projects = [...rows.values()]
    .map(row => ({
      ...row,
      sharePerMille: total > 0n ? perMille(row.cost, total) : 0,
      byResource: row.byResource.sort((a, b) =>
        byAmountDescending(a.cost, b.cost),
      ),
    }))
    .sort(
      (a, b) =>
        byAmountDescending(a.cost, b.cost) ||
        a.namespace.localeCompare(b.namespace),
    );
  return {
    total,
    unallocated: projects
      .filter(p => p.teamId === null)
      .reduce((sum, p) => sum + p.cost, 0n),
    projects,
  };
}
