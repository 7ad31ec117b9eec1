import { Micros } from '../money/micros';
import { CostLine } from './types';

/**
 * Exact cost totals per namespace or per resource, in order of first
 * appearance.
 *
 * @public
 */
export function totalsBy(
  lines: Iterable<CostLine>,
  key: 'namespace' | 'resource',
): Map<string, Micros> {
  const totals = new Map<string, Micros>();
  for (const line of lines) {
    const group = line[key];
    totals.set(group, (totals.get(group) ?? 0n) + line.costMicros);
  }
  return totals;
}
