import { Tenant } from '../../kubernetes/types';
import {
  mergeOwners,
  newTenant,
  OwnedTenantFields,
  readOwnedFields,
  tenantDrift,
  tenantPatch,
} from './tenantFields';

const fields: OwnedTenantFields = {
  owners: [{ kind: 'Group', name: 'ml-team' }],
  hard: { 'requests.memory': '64Gi', 'requests.nvidia.com/gpu': '4' },
  pool: 'exclusive',
};

function asStored(tenant: Tenant): Tenant {
  // What the API server returns: Capsule's defaults added to the owners.
  return {
    ...tenant,
    spec: {
      ...tenant.spec,
      owners: tenant.spec.owners!.map(owner => ({
        ...owner,
        clusterRoles: ['admin'],
      })),
      preventDeletion: false,
    },
  };
}

describe('tenant fields', () => {
  it('writes and reads back the owned fields', () => {
    const tenant = asStored(
      newTenant('ml-team', 'group:default/ml-team', fields),
    );
    expect(tenant.spec.nodeSelector).toEqual({ 'bison.io/pool': 'ml-team' });
    expect(readOwnedFields(tenant)).toMatchObject({
      hard: fields.hard,
      pool: 'exclusive',
    });
    expect(tenantDrift(tenant)).toEqual([]);
  });

  it('reports which owned field changed outside Bison', () => {
    const tenant = asStored(
      newTenant('ml-team', 'group:default/ml-team', fields),
    );
    tenant.spec.resourceQuotas!.items![0].hard = { 'requests.memory': '1Ti' };
    tenant.spec.nodeSelector = {};
    expect(tenantDrift(tenant)).toEqual([
      'the team quota was changed outside Bison',
      'the node pool selector was changed outside Bison',
    ]);
    delete tenant.metadata.annotations;
    expect(tenantDrift(tenant)).toEqual([
      'the Tenant carries no record of what Bison applied',
    ]);
  });

  it('patches only Bison fields, removing its selector key by null', () => {
    const patch = tenantPatch('ml-team', {
      ...fields,
      hard: {},
      pool: 'shared',
    });
    expect(patch).toEqual({
      metadata: {
        labels: { 'app.kubernetes.io/managed-by': 'bison' },
        annotations: { 'bison.io/applied': expect.any(String) },
      },
      spec: {
        owners: fields.owners,
        resourceQuotas: null,
        nodeSelector: { 'bison.io/pool': null },
      },
    });
  });

  it('keeps the settings of owners that stay', () => {
    expect(
      mergeOwners(
        [
          { kind: 'Group', name: 'ml-team' },
          { kind: 'User', name: 'alice' },
        ],
        [{ kind: 'Group', name: 'ml-team', clusterRoles: ['view'] }],
      ),
    ).toEqual([
      { kind: 'Group', name: 'ml-team', clusterRoles: ['view'] },
      { kind: 'User', name: 'alice' },
    ]);
  });
});
