import { bucketStart, BucketGranularity } from '@bison/plugin-bison-common';
import Big from 'big.js';
import { byAmountDescending } from './compareMicros';

export interface UsageRow {
  windowStart: Date;
  key: string;
  quantity?: string;
  cost: bigint;
}

export interface UsageTotal {
  key: string;
  quantity?: Big;
  cost: bigint;
}

export interface Bucket extends UsageTotal {
  start: Date;
}

function add(target: UsageTotal, row: UsageRow) {
  target.cost += row.cost;
  if (row.quantity !== undefined) {
    target.quantity = (target.quantity ?? new Big(0)).plus(row.quantity);
  }
}

/**
 * Sums usage rows exactly per (bucket, key) and per key. Quantities are
 * decimal strings summed without rounding; costs are micro-units.
 */
export function bucketUsage(rows: UsageRow[], granularity: BucketGranularity) {
  const buckets = new Map<string, Bucket>();
  const totals = new Map<string, UsageTotal>();
  let total = 0n;
  for (const row of rows) {
    const start = bucketStart(row.windowStart, granularity);
    const bucketKey = `${start.toISOString()}|${row.key}`;
    let bucket = buckets.get(bucketKey);
    if (!bucket) {
      bucket = { start, key: row.key, cost: 0n };
      buckets.set(bucketKey, bucket);
    }
    add(bucket, row);
    let keyTotal = totals.get(row.key);
    if (!keyTotal) {
      keyTotal = { key: row.key, cost: 0n };
      totals.set(row.key, keyTotal);
    }
    add(keyTotal, row);
    total += row.cost;
  }
  return {
    buckets: [...buckets.values()].sort(
      (a, b) =>
        a.start.getTime() - b.start.getTime() || a.key.localeCompare(b.key),
    ),
    totals: [...totals.values()].sort(
      (a, b) =>
        byAmountDescending(a.cost, b.cost) || a.key.localeCompare(b.key),
    ),
    total,
  };
}
