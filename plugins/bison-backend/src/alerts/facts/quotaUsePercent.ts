import { quantityOf } from '../../tenancy/quota/quotaStatus';

/**
 * The highest use of any limited resource, in whole percent rounded down
 * (so 89.9 % does not pass a 90 % rule), from a quota's hard and used
 * lists; 0 when nothing is limited.
 */
export function quotaUsePercent(quota: {
  hard: Record<string, string>;
  used: Record<string, string>;
}): number {
  let highest = 0;
  for (const [key, hardText] of Object.entries(quota.hard)) {
    const hard = quantityOf(hardText);
    const used = quantityOf(quota.used[key]);
    if (!hard || !used || hard.nanos <= 0n) continue;
    const percent = Number((used.nanos * 100n) / hard.nanos);
    highest = Math.max(highest, percent);
  }
  return highest;
}
