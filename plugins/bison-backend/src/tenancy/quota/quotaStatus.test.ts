import { Tenant } from '../../kubernetes/types';
import {
  capsuleQuotaSelector,
  capsuleUsedAnnotation,
  isCapsuleQuotaOf,
  namespaceQuotaStatus,
  teamQuotaStatus,
} from './quotaStatus';

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

  /** Capsule's copy of the team quota in one namespace, with its annotations. */
  const capsuleQuota = (
    namespace: string,
    annotations: Record<string, string>,
  ) => ({
    metadata: {
      name: 'capsule-ml-0',
      namespace,
      labels: {
        'projectcapsule.dev/tenant': 'ml',
        'capsule.clastix.io/resource-quota': '0',
      },
      annotations,
    },
  });

  it('sums the namespaces exactly, unless Capsule reports the tenant total', () => {
    const tenant = {
      metadata: { name: 'ml', annotations: {} },
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
    // Capsule's total, on its quotas: the largest while it updates them.
    const capsuleQuotas = [
      capsuleQuota('ml-a', {
        'quota.capsule.clastix.io/used-requests.nvidia.com_gpu': '6',
        'quota.capsule.clastix.io/hard-requests.nvidia.com_gpu': '8',
      }),
      capsuleQuota('ml-b', {
        'quota.capsule.clastix.io/used-requests.nvidia.com_gpu': '7',
      }),
    ];
    expect(teamQuotaStatus(tenant, namespaces, capsuleQuotas)).toEqual({
      hard: { 'requests.nvidia.com/gpu': '8' },
      used: { 'requests.nvidia.com/gpu': '7', 'requests.cpu': '300m' },
    });
    // Capsule v0.14 writes none on the Tenant itself.
    tenant.metadata.annotations![
      'quota.capsule.clastix.io/used-requests.nvidia.com_gpu'
    ] = '1';
    expect(
      teamQuotaStatus(tenant, namespaces).used['requests.nvidia.com/gpu'],
    ).toBe('5');
  });

  it("names Capsule's annotations as Capsule does, hashing long ones", () => {
    expect(capsuleUsedAnnotation('requests.nvidia.com/mig-1g.10gb')).toBe(
      'quota.capsule.clastix.io/used-requests.nvidia.com_mig-1g.10gb',
    );
    // What capsulev1beta2.UsedQuotaFor of Capsule v0.14.0 returns.
    expect(capsuleUsedAnnotation('requests.nvidia.com/mig-1g.10gb.extra')).toBe(
      'quota.capsule.clastix.io/used-166afb88104512ec1e23db1f1407a19c',
    );
  });

  it("recognises Capsule's copy of a team's quota", () => {
    expect(isCapsuleQuotaOf(capsuleQuota('ml-a', {}), 'ml')).toBe(true);
    expect(isCapsuleQuotaOf(capsuleQuota('ml-a', {}), 'ml-b')).toBe(false);
    expect(
      isCapsuleQuotaOf(
        quota('bison-project', { 'requests.cpu': '1' }, {}),
        'ml',
      ),
    ).toBe(false);
    expect(capsuleQuotaSelector()).toBe('capsule.clastix.io/resource-quota=0');
    expect(capsuleQuotaSelector('ml')).toBe(
      'capsule.clastix.io/resource-quota=0,projectcapsule.dev/tenant=ml',
    );
  });
});
