import * as k8s from '@kubernetes/client-node';

/** A resource quotas and prices can name. */
export interface ComputeResource {
  key: string;
  displayName: string;
  unit: string;
  quotaKeys: string[];
  onNodes: boolean;
}

const BUILT_IN: Array<Omit<ComputeResource, 'onNodes'>> = [
  {
    key: 'cpu',
    displayName: 'CPU',
    unit: 'cores',
    quotaKeys: ['requests.cpu', 'limits.cpu'],
  },
  {
    key: 'memory',
    displayName: 'Memory',
    unit: 'GiB',
    quotaKeys: ['requests.memory', 'limits.memory'],
  },
  {
    key: 'nvidia.com/gpu',
    displayName: 'NVIDIA GPU',
    unit: 'devices',
    quotaKeys: ['requests.nvidia.com/gpu'],
  },
  { key: 'pods', displayName: 'Pods', unit: 'pods', quotaKeys: ['pods'] },
];

// Node resources that are not quota or billing subjects.
const IGNORED = new Set(['ephemeral-storage', 'pods']);
const HUGEPAGES = /^hugepages-/;

function displayNameOf(key: string): string {
  const mig = /^nvidia\.com\/mig-(.+)$/.exec(key);
  if (mig) return `NVIDIA MIG ${mig[1]}`;
  if (key === 'amd.com/gpu') return 'AMD GPU';
  return key;
}

/**
 * The resource catalogue: CPU, memory, NVIDIA GPUs and pods always, plus
 * every extended resource (MIG profiles, other devices) some node advertises.
 * Extended resources can only be limited by `requests.` quota keys.
 */
export function computeResources(nodes: k8s.V1Node[]): ComputeResource[] {
  const advertised = new Set<string>();
  for (const node of nodes) {
    for (const key of Object.keys(node.status?.capacity ?? {})) {
      advertised.add(key);
    }
  }
  const builtIn = BUILT_IN.map(resource => ({
    ...resource,
    onNodes: advertised.has(resource.key),
  }));
  const known = new Set(BUILT_IN.map(resource => resource.key));
  const extended = [...advertised]
    .filter(key => !known.has(key) && !IGNORED.has(key) && !HUGEPAGES.test(key))
    .sort()
    .map(key => ({
      key,
      displayName: displayNameOf(key),
      unit: 'devices',
      quotaKeys: [`requests.${key}`],
      onNodes: true,
    }));
  return [...builtIn, ...extended];
}
