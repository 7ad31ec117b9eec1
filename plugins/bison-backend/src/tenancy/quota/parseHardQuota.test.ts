import { computeResources } from './computeResources';
import { parseHardQuota } from './parseHardQuota';

const resources = computeResources([
  {
    status: {
      capacity: { 'nvidia.com/mig-2g.20gb': '3', 'hugepages-2Mi': '0' },
    },
  },
]);

describe('parseHardQuota', () => {
  it('keeps valid quantities exactly as written', () => {
    expect(
      parseHardQuota(
        {
          'requests.cpu': '500m',
          'limits.memory': '64Gi',
          'requests.nvidia.com/gpu': '4',
          'requests.nvidia.com/mig-2g.20gb': 2,
          pods: '50',
        },
        resources,
        'quota.hard',
      ),
    ).toEqual({
      'requests.cpu': '500m',
      'limits.memory': '64Gi',
      'requests.nvidia.com/gpu': '4',
      'requests.nvidia.com/mig-2g.20gb': '2',
      pods: '50',
    });
  });

  it.each([
    [{ 'requests.memory': '64' }, "'q.requests.memory' needs a unit"],
    [{ 'requests.memory': '1e3' }, "'q.requests.memory' needs a unit"],
    [
      { 'requests.cpu': 'lots' },
      "'q.requests.cpu' is not a Kubernetes quantity: 'lots'",
    ],
    [{ 'requests.cpu': '-1' }, "'q.requests.cpu' must not be negative"],
    [{ pods: '2.5' }, "'q.pods' must be a whole number, got '2.5'"],
    [
      { 'limits.nvidia.com/gpu': '1' },
      "'q.limits.nvidia.com/gpu' names an unknown resource",
    ],
    [
      { 'requests.hugepages-2Mi': '1' },
      "'q.requests.hugepages-2Mi' names an unknown resource",
    ],
    [
      { cpu: '1' },
      "'q.cpu' is not a quota key; use 'requests.cpu' or 'limits.cpu'",
    ],
    [{ 'requests.cpu': null }, "'q.requests.cpu' must be a quantity string"],
  ])('rejects %j', (hard, message) => {
    expect(() => parseHardQuota(hard, resources, 'q')).toThrow(message);
  });

  it('rejects a body that is not an object', () => {
    expect(() => parseHardQuota(['1'], resources, 'q')).toThrow(
      "'q' must be an object of quantities",
    );
  });
});
