import { BisonNode } from '../../api';
import { formatQuantityIn } from '../quota/displayQuantity';
import { displayUnitOf } from '../quota/quantityKinds';

/**
 * Allocatable and capacity of one node resource in its display unit:
 * '7.9 / 8 cores', '31 / 32 GiB'; undefined when the node lacks it.
 */
export function formatNodeResource(
  node: BisonNode,
  resource: string,
): string | undefined {
  const capacity = node.capacity[resource];
  if (capacity === undefined) return undefined;
  const allocatable = node.allocatable[resource] ?? '0';
  return `${formatQuantityIn(allocatable, resource)} / ${formatQuantityIn(
    capacity,
    resource,
  )} ${displayUnitOf(resource)}`;
}

/** The extended resources (GPUs, MIG profiles, other devices) a node advertises. */
export function deviceResources(node: BisonNode): string[] {
  return Object.keys(node.capacity)
    .filter(key => key.includes('/'))
    .sort();
}
