import * as api from '../schema/openapi/generated/models';
import { PoolNode } from '../tenancy/nodes/nodePool';
import { ProjectWithQuota } from '../tenancy/ProjectService';
import { QuotaStatus } from '../tenancy/quota/quotaStatus';
import { TeamTenancy } from '../tenancy/TenancyReader';
import { TenancyStatus, tenancyStatusOf } from '../tenancy/tenancyStatus';
import { readOwnedFields } from '../tenancy/tenants/tenantFields';

function quotaResponse(quota: QuotaStatus): api.QuotaStatus {
  return { hard: quota.hard, used: quota.used };
}

function tenancyResponse(status: TenancyStatus): api.TenancyStatus {
  return {
    status: status.status,
    problems: status.problems,
    checkedAt: status.checkedAt,
  };
}

/** The cluster side of a team: owners, pool, quota, projects, drift. */
export function teamTenancyFields(
  tenancy: TeamTenancy,
  now: Date,
): Pick<api.Team, 'owners' | 'pool' | 'quota' | 'projectCount' | 'tenancy'> {
  const owned = tenancy.tenant ? readOwnedFields(tenancy.tenant) : undefined;
  return {
    ...(owned
      ? {
          owners: owned.owners.map(({ kind, name }) => ({ kind, name })),
          pool: owned.pool,
        }
      : {}),
    quota: quotaResponse(tenancy.quota),
    projectCount: tenancy.projects.length,
    tenancy: tenancyResponse(tenancyStatusOf(tenancy.tenant, now)),
  };
}

/** The stored drift status, for when the cluster could not be read. */
export function storedTenancyFields(
  status: TenancyStatus,
): Pick<api.Team, 'tenancy'> {
  return { tenancy: tenancyResponse(status) };
}

export function projectResponse(project: ProjectWithQuota): api.Project {
  return {
    name: project.name,
    team: project.team,
    displayName: project.displayName,
    ...(project.description ? { description: project.description } : {}),
    phase: project.phase,
    createdAt: project.createdAt,
    quota: quotaResponse(project.quota),
  };
}

export function teamQuotaResponse(tenancy: TeamTenancy): api.TeamQuota {
  return {
    team: quotaResponse(tenancy.quota),
    projects: tenancy.projects.map(project => ({
      name: project.name,
      quota: quotaResponse(project.quota),
    })),
  };
}

export function nodeResponse(node: PoolNode): api.Node {
  return {
    name: node.name,
    ...(node.team ? { team: node.team } : {}),
    ready: node.ready,
    unschedulable: node.unschedulable,
    ...(node.gpuModel ? { gpuModel: node.gpuModel } : {}),
    capacity: node.capacity,
    allocatable: node.allocatable,
  };
}
