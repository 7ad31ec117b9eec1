/**
 * How a resource is measured: CPU in cores, memory (and storage) in bytes,
 * everything else (GPUs, extended resources, pods) in whole units.
 */
export type QuantityKind = 'cpu' | 'memory' | 'count';

const BYTE_RESOURCES = new Set(['memory', 'storage', 'ephemeral-storage']);

/**
 * The resource a quota key limits: 'requests.nvidia.com/gpu' →
 * 'nvidia.com/gpu', 'limits.memory' → 'memory', 'pods' → 'pods'. Bare
 * resource names (node capacity keys) are returned unchanged.
 */
export function resourceOfQuotaKey(key: string): string {
  return key.replace(/^(requests|limits)\./, '');
}

export function isLimitKey(key: string): boolean {
  return key.startsWith('limits.');
}

export function kindOfQuotaKey(key: string): QuantityKind {
  const resource = resourceOfQuotaKey(key);
  if (resource === 'cpu') return 'cpu';
  if (BYTE_RESOURCES.has(resource)) return 'memory';
  return 'count';
}

/**
 * The short name of a quota key, also the accessible label of its input:
 * 'requests.memory' → 'memory', 'limits.memory' → 'memory limit',
 * 'requests.nvidia.com/gpu' → 'nvidia.com/gpu', 'pods' → 'pods'.
 */
export function quotaKeyLabel(key: string): string {
  const resource = resourceOfQuotaKey(key);
  return isLimitKey(key) ? `${resource} limit` : resource;
}

/** The unit amounts of a quota key are displayed in: cores, GiB, pods, devices. */
export function displayUnitOf(key: string): string {
  const kind = kindOfQuotaKey(key);
  if (kind === 'cpu') return 'cores';
  if (kind === 'memory') return 'GiB';
  return resourceOfQuotaKey(key) === 'pods' ? 'pods' : 'devices';
}

function rank(key: string): number {
  const resource = resourceOfQuotaKey(key);
  if (resource === 'cpu') return 0;
  if (resource === 'memory') return 1;
  if (resource === 'pods') return 3;
  return 2;
}

/** Quota keys in display order: cpu, memory, devices, pods; requests before limits. */
export function compareQuotaKeys(a: string, b: string): number {
  return (
    rank(a) - rank(b) ||
    resourceOfQuotaKey(a).localeCompare(resourceOfQuotaKey(b)) ||
    Number(isLimitKey(a)) - Number(isLimitKey(b))
  );
}
