import { Tenant } from '../../kubernetes/types';
import { namespaceQuotaStatus, teamQuotaStatus } from './quotaStatus';

const quota = (
  name: string,
  hard: Record<string, string>,
  used: Record<string, string>,
) => ({
  metadata: { name, namespace: 'ns' },
  spec: { hard },
  status: { hard, used },
});

describe('quota status', () => {
  it('takes hard from the project quota and the largest use reported', () => {
    expect(
      namespaceQuotaStatus([
        quota(
          'bison-project',
          { 'requests.cpu': '4' },
          { 'requests.cpu': '1500m' },
        ),
        quota(
          'capsule-ml-0',
          { 'requests.memory': '64Gi' },
          {
            'requests.memory': '3Gi',
            'requests.cpu': '1500m',
          },
        ),
      ]),
    ).toEqual({
      hard: { 'requests.cpu': '4' },
      used: { 'requests.cpu': '1500m', 'requests.memory': '3Gi' },
    });
  });

  it('sums the namespaces exactly, unless Capsule reports the tenant total', () => {
    const tenant = {
      metadata: { name: 'ml', annotations: {} as Record<string, string> },
      spec: {
        resourceQuotas: {
          items: [{ hard: { 'requests.nvidia.com/gpu': '8' } }],
        },
      },
    } as unknown as Tenant;
    const namespaces = [
      {
        hard: {},
        used: { 'requests.nvidia.com/gpu': '3', 'requests.cpu': '100m' },
      },
      {
        hard: {},
        used: { 'requests.nvidia.com/gpu': '2', 'requests.cpu': '200m' },
      },
    ];
    expect(teamQuotaStatus(tenant, namespaces)).toEqual({
      hard: { 'requests.nvidia.com/gpu': '8' },
      used: { 'requests.nvidia.com/gpu': '5', 'requests.cpu': '300m' },
    });
    tenant.metadata.annotations![
      'quota.capsule.clastix.io/used-requests.nvidia.com_gpu'
    ] = '6';
    expect(
      teamQuotaStatus(tenant, namespaces).used['requests.nvidia.com/gpu'],
    ).toBe('6');
  });
});
