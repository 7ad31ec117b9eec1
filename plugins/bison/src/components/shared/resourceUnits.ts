import { roundDecimal } from '../quota/displayQuantity';

/**
 * The unit a resource key is priced and metered in, per hour: core-hour for
 * cpu, GiB-hour for memory, device-hour for everything else (GPUs, GPU
 * models such as 'nvidia.com/gpu:A100', MIG slices, extended resources).
 */
export function unitOfResource(resource: string): string {
  if (resource === 'cpu') return 'core-hour';
  if (resource === 'memory') return 'GiB-hour';
  return 'device-hour';
}

/**
 * Unit-hours as the API sends them ('123.4567891') for display, rounded to
 * two decimals with the plural unit: '123.46 core-hours'. Exact: the
 * decimal string is rounded as text, never through a float.
 */
export function formatUnitHours(quantity: string, resource: string): string {
  const rounded = roundDecimal(quantity, 2);
  const shown =
    rounded === '0' && !/^0*(\.0*)?$/.test(quantity) ? '<0.01' : rounded;
  return `${shown} ${unitOfResource(resource)}s`;
}
