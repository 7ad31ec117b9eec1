import { aNode } from '../../__testUtils__/fixtures';
import { deviceResources, formatNodeResource } from './nodeResources';

describe('node resources', () => {
  const node = aNode('gpu-1', {
    capacity: {
      cpu: '64',
      memory: '528282876Ki',
      'nvidia.com/gpu': '8',
      'nvidia.com/mig-1g.10gb': '7',
      'ephemeral-storage': '100Gi',
    },
    allocatable: {
      cpu: '63500m',
      memory: '512Gi',
      'nvidia.com/gpu': '7',
    },
  });

  it('formats allocatable and capacity in the unit of each resource', () => {
    expect(formatNodeResource(node, 'cpu')).toBe('63.5 / 64 cores');
    expect(formatNodeResource(node, 'memory')).toBe('512 / 503.81 GiB');
    expect(formatNodeResource(node, 'nvidia.com/gpu')).toBe('7 / 8 devices');
    expect(formatNodeResource(node, 'nvidia.com/mig-1g.10gb')).toBe(
      '0 / 7 devices',
    );
    expect(formatNodeResource(node, 'amd.com/gpu')).toBeUndefined();
  });

  it('lists the extended resources only', () => {
    expect(deviceResources(node)).toEqual([
      'nvidia.com/gpu',
      'nvidia.com/mig-1g.10gb',
    ]);
  });
});
