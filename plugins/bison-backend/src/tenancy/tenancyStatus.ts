import { Tenant } from '../kubernetes/types';
import { tenantDrift } from './tenants/tenantFields';

export interface TenancyStatus {
  status: 'ok' | 'missing' | 'drifted' | 'unknown';
  problems: string[];
  checkedAt: Date;
}

/** How a team's Tenant compares with what Bison last wrote to it. */
export function tenancyStatusOf(
  tenant: Tenant | undefined,
  checkedAt: Date,
): TenancyStatus {
  if (!tenant) {
    return {
      status: 'missing',
      problems: ['the Capsule Tenant was deleted outside Bison'],
      checkedAt,
    };
  }
  const problems = tenantDrift(tenant);
  return { status: problems.length ? 'drifted' : 'ok', problems, checkedAt };
}
