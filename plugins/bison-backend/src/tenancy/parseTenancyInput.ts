import { InputError } from '@backstage/errors';
import {
  tenantNameProblem,
  RESERVED_NAMESPACE_NAMES,
} from '@bison/plugin-bison-common';
import { ResourceList, TenantOwner } from '../kubernetes/types';
import { ComputeResource } from './quota/computeResources';
import { parseHardQuota } from './quota/parseHardQuota';
import { Pool } from './tenants/tenantFields';

/** A tenant or namespace name: a DNS-1123 label, not reserved. */
export function parseKubernetesName(
  field: string,
  name: unknown,
  systemNamespace: string,
): string {
  const text = typeof name === 'string' ? name.trim() : '';
  if (!text) throw new InputError(`'${field}' is required`);
  const problem = tenantNameProblem(text, [
    ...RESERVED_NAMESPACE_NAMES,
    systemNamespace,
  ]);
  if (problem) throw new InputError(`'${field}' ${problem}`);
  return text;
}

export function parseOwners(field: string, owners: unknown): TenantOwner[] {
  if (!Array.isArray(owners) || owners.length === 0) {
    throw new InputError(`'${field}' must list at least one owner`);
  }
  return owners.map((owner, index) => {
    const name = typeof owner?.name === 'string' ? owner.name.trim() : '';
    if (!name) throw new InputError(`'${field}[${index}].name' is required`);
    if (!['User', 'Group', 'ServiceAccount'].includes(owner?.kind)) {
      throw new InputError(
        `'${field}[${index}].kind' must be User, Group or ServiceAccount`,
      );
    }
    return { kind: owner.kind, name };
  });
}

/** A `{hard}` quota body, validated against the resource catalogue. */
export function parseQuotaInput(
  field: string,
  quota: unknown,
  resources: ComputeResource[],
): ResourceList {
  if (typeof quota !== 'object' || quota === null || !('hard' in quota)) {
    throw new InputError(`'${field}' must be an object with 'hard'`);
  }
  const extra = Object.keys(quota).filter(key => key !== 'hard');
  if (extra.length) {
    throw new InputError(`'${field}' has unknown field '${extra[0]}'`);
  }
  return parseHardQuota(quota.hard, resources, `${field}.hard`);
}

export function parsePool(field: string, pool: unknown): Pool {
  if (pool !== 'shared' && pool !== 'exclusive') {
    throw new InputError(`'${field}' must be 'shared' or 'exclusive'`);
  }
  return pool;
}
