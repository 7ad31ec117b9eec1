import {
  formatMoney,
  InvalidAmountError,
  parseMoney,
  sumMoney,
} from '@bison/plugin-bison-common';
import { UsageGranularity } from '../../api';
import { bucketLabel, bucketStarts } from './costRanges';

/** The series shown past the largest ones are summed into this one. */
export const OTHER_SERIES = 'Other';

/** At most this many series; the smaller keys are summed as "Other". */
export const MAX_SERIES = 8;

/**
 * One bar of the cost chart. `costs` holds the exact amounts (API strings)
 * for the tooltip; `values` the same converted to numbers, only to size the
 * bars.
 */
export interface CostChartRow {
  start: string;
  label: string;
  costs: Record<string, string>;
  values: Record<string, number>;
}

export interface CostChartData {
  /** Series in stacking order, largest total first. */
  series: string[];
  rows: CostChartRow[];
}

function toMicros(amount: string): bigint {
  try {
    return parseMoney(amount, { allowNegative: true });
  } catch (error) {
    if (error instanceof InvalidAmountError) return 0n;
    throw error;
  }
}

/**
 * Chart rows for usage buckets: one row per bucket of the range (empty
 * buckets included), one series per key in the order of `keys` (the API's
 * totals, highest cost first). Past {@link MAX_SERIES} keys, the rest are
 * summed exactly into {@link OTHER_SERIES}.
 */
export function costChartData(options: {
  buckets: { start: string; key: string; cost: string }[];
  keys: string[];
  from: string;
  to: string;
  granularity: UsageGranularity;
}): CostChartData {
  const { buckets, keys, from, to, granularity } = options;
  const shown =
    keys.length > MAX_SERIES ? keys.slice(0, MAX_SERIES - 1) : [...keys];
  const shownSet = new Set(shown);
  const hasOther = keys.length > shown.length;
  const series = hasOther ? [...shown, OTHER_SERIES] : shown;

  const byStart = new Map<string, Map<string, bigint>>();
  for (const bucket of buckets) {
    const start = new Date(bucket.start).toISOString();
    const key = shownSet.has(bucket.key) ? bucket.key : OTHER_SERIES;
    if (key === OTHER_SERIES && !hasOther) continue;
    const costs = byStart.get(start) ?? new Map<string, bigint>();
    byStart.set(start, costs);
    costs.set(key, sumMoney([costs.get(key) ?? 0n, toMicros(bucket.cost)]));
  }

  const starts = bucketStarts(from, to, granularity);
  // Buckets the range would not list (clock skew) are kept, in order.
  for (const start of byStart.keys()) {
    if (!starts.includes(start)) starts.push(start);
  }
  starts.sort();

  const rows = starts.map(start => {
    const costs: Record<string, string> = {};
    const values: Record<string, number> = {};
    for (const [key, micros] of byStart.get(start) ?? []) {
      costs[key] = formatMoney(micros);
      values[key] = Number(costs[key]);
    }
    return { start, label: bucketLabel(start, granularity), costs, values };
  });
  return { series, rows };
}
