import { ResourceList, Tenant, TenantOwner } from '../../kubernetes/types';
import {
  APPLIED_ANNOTATION,
  GROUP_ANNOTATION,
  MANAGED_BY_BISON,
  MANAGED_BY_LABEL,
  POOL_LABEL,
} from '../kubernetesNames';

export type Pool = 'shared' | 'exclusive';

/** The parts of a Tenant Bison owns; every other field is the admin's. */
export interface OwnedTenantFields {
  owners: TenantOwner[];
  /** The team quota; empty means none. */
  hard: ResourceList;
  pool: Pool;
}

function canonicalOwners(owners: TenantOwner[]) {
  return owners.map(({ kind, name }) => ({ kind, name }));
}

function canonicalHard(hard: ResourceList) {
  return Object.fromEntries(
    Object.entries(hard).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** The owned fields as stored on the Tenant when Bison writes them. */
export function appliedFieldsRecord(fields: OwnedTenantFields): string {
  return JSON.stringify({
    owners: canonicalOwners(fields.owners),
    hard: canonicalHard(fields.hard),
    pool: fields.pool,
  });
}

/** What the Tenant currently says about the fields Bison owns. */
export function readOwnedFields(tenant: Tenant): OwnedTenantFields {
  const name = tenant.metadata.name!;
  return {
    owners: tenant.spec.owners ?? [],
    hard: { ...(tenant.spec.resourceQuotas?.items?.[0]?.hard ?? {}) },
    pool:
      tenant.spec.nodeSelector?.[POOL_LABEL] === name ? 'exclusive' : 'shared',
  };
}

/**
 * The owners to write: `wanted` by kind and name, each keeping the settings
 * (cluster roles, proxy settings) the Tenant already has for it.
 */
export function mergeOwners(
  wanted: TenantOwner[],
  current: TenantOwner[],
): TenantOwner[] {
  return wanted.map(
    owner =>
      current.find(
        existing =>
          existing.kind === owner.kind && existing.name === owner.name,
      ) ?? { kind: owner.kind, name: owner.name },
  );
}

function resourceQuotas(hard: ResourceList) {
  return Object.keys(hard).length > 0
    ? { scope: 'Tenant' as const, items: [{ hard }] }
    : null;
}

/** A new Tenant for a team. */
export function newTenant(
  name: string,
  groupRef: string,
  fields: OwnedTenantFields,
): Tenant {
  const quotas = resourceQuotas(fields.hard);
  return {
    apiVersion: 'capsule.clastix.io/v1beta2',
    kind: 'Tenant',
    metadata: {
      name,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY_BISON },
      annotations: {
        [GROUP_ANNOTATION]: groupRef,
        [APPLIED_ANNOTATION]: appliedFieldsRecord(fields),
      },
    },
    spec: {
      owners: canonicalOwners(fields.owners) as TenantOwner[],
      ...(quotas ? { resourceQuotas: quotas } : {}),
      ...(fields.pool === 'exclusive'
        ? { nodeSelector: { [POOL_LABEL]: name } }
        : {}),
    },
  };
}

/**
 * A JSON merge patch that sets only the owned fields to `fields`: lists
 * Bison owns are replaced, its nodeSelector key set or removed (null), and
 * every other spec field, label and annotation is left as it is.
 */
export function tenantPatch(name: string, fields: OwnedTenantFields): object {
  return {
    metadata: {
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY_BISON },
      annotations: { [APPLIED_ANNOTATION]: appliedFieldsRecord(fields) },
    },
    spec: {
      owners: fields.owners,
      resourceQuotas: resourceQuotas(fields.hard),
      nodeSelector: {
        [POOL_LABEL]: fields.pool === 'exclusive' ? name : null,
      },
    },
  };
}

function parseApplied(text: string): OwnedTenantFields | undefined {
  try {
    const record = JSON.parse(text);
    return record && typeof record === 'object' ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How the Tenant differs from what Bison last wrote to it (an admin edited
 * Bison's fields with kubectl, say), or an empty list when it does not.
 */
export function tenantDrift(tenant: Tenant): string[] {
  const text = tenant.metadata.annotations?.[APPLIED_ANNOTATION];
  const applied = text ? parseApplied(text) : undefined;
  if (!applied) return ['the Tenant carries no record of what Bison applied'];
  const current = readOwnedFields(tenant);
  current.owners = canonicalOwners(current.owners);
  const same = (a: unknown, b: unknown) =>
    JSON.stringify(a) === JSON.stringify(b);
  const problems: string[] = [];
  if (!same(canonicalOwners(applied.owners ?? []), current.owners)) {
    problems.push('owners were changed outside Bison');
  }
  if (!same(canonicalHard(applied.hard ?? {}), canonicalHard(current.hard))) {
    problems.push('the team quota was changed outside Bison');
  }
  if (applied.pool !== current.pool) {
    problems.push('the node pool selector was changed outside Bison');
  }
  return problems;
}
