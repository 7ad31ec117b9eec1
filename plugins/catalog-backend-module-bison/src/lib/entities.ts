/*
 * Pure mapping from Bison API records (GET /teams, GET /projects) to catalog
 * entities. No I/O here: the entity provider fetches, this file decides what
 * the catalog sees.
 */
import { createHash } from 'node:crypto';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  KubernetesValidatorFunctions,
  ResourceEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { BISON_TENANT_ANNOTATION } from '@bison/plugin-bison-common';

/** A team as returned by the Bison API's `GET /teams` (fields used here). */
export interface BisonTeam {
  /** The Capsule tenant name. */
  name: string;
  /** Entity ref of the catalog Group the tenant is bound to. */
  groupRef: string;
  displayName: string;
  description?: string;
}

/** A project as returned by the Bison API's `GET /projects` (fields used here). */
export interface BisonProject {
  /** The Kubernetes namespace name. */
  name: string;
  /** The tenant name of the team owning the namespace. */
  team: string;
  displayName: string;
  description?: string;
  phase?: string;
}

/** Annotation naming the Kubernetes namespace of a project entity. */
export const BISON_PROJECT_ANNOTATION = 'bison.io/project';

/**
 * The Kubernetes plugin's annotation selecting the namespace an entity's
 * workloads run in.
 */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/**
 * The location every entity of the provider is managed by, in `type:target`
 * form. Also the provider's location key.
 */
export const BISON_TENANCY_LOCATION = 'bison:tenancy';

/** `spec.type` of the Resource entity of a team's Capsule tenant. */
export const TENANT_RESOURCE_TYPE = 'capsule-tenant';

/** `spec.type` of the Resource entity of a project's namespace. */
export const NAMESPACE_RESOURCE_TYPE = 'kubernetes-namespace';

const MAX_ENTITY_NAME_LENGTH = 63;
const HASH_LENGTH = 8;

/**
 * `<prefix>-<name>` when that is a valid entity name (at most 63 characters
 * of letters, digits and `-_.`). Otherwise, a truncated (and, if needed,
 * sanitised) form followed by `-` and 8 hex digits of the SHA-256 of the
 * original name, so that names stay valid, unique and stable across runs.
 */
export function prefixedEntityName(prefix: string, name: string): string {
  const plain = `${prefix}-${name}`;
  if (KubernetesValidatorFunctions.isValidObjectName(plain)) {
    return plain;
  }
  const hash = createHash('sha256')
    .update(name)
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const head = plain
    .replace(/[^A-Za-z0-9\-_.]/g, '-')
    .slice(0, MAX_ENTITY_NAME_LENGTH - HASH_LENGTH - 1)
    .replace(/[^A-Za-z0-9]+$/, '');
  return `${head}-${hash}`;
}

/** Entity name of the Resource of a team's Capsule tenant. */
export function tenantEntityName(tenant: string): string {
  return prefixedEntityName('tenant', tenant);
}

/** Entity name of the Resource of a project's namespace. */
export function namespaceEntityName(namespace: string): string {
  return prefixedEntityName('namespace', namespace);
}

/** Entity ref (`resource:default/tenant-…`) of a tenant's Resource. */
export function tenantEntityRef(tenant: string): string {
  return stringifyEntityRef({
    kind: 'Resource',
    namespace: DEFAULT_NAMESPACE,
    name: tenantEntityName(tenant),
  });
}

function managedByAnnotations(): Record<string, string> {
  return {
    [ANNOTATION_LOCATION]: BISON_TENANCY_LOCATION,
    [ANNOTATION_ORIGIN_LOCATION]: BISON_TENANCY_LOCATION,
  };
}

/** The Resource entity of a team's Capsule tenant, owned by the team's Group. */
export function teamToEntity(team: BisonTeam): ResourceEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: tenantEntityName(team.name),
      namespace: DEFAULT_NAMESPACE,
      title: `${team.displayName || team.name} (tenant)`,
      ...(team.description ? { description: team.description } : {}),
      annotations: {
        ...managedByAnnotations(),
        [BISON_TENANT_ANNOTATION]: team.name,
      },
    },
    spec: {
      type: TENANT_RESOURCE_TYPE,
      owner: team.groupRef,
    },
  };
}

/**
 * The Resource entity of a project's namespace, owned by its team's Group and
 * depending on the team's tenant Resource.
 */
export function projectToEntity(
  project: BisonProject,
  team: BisonTeam,
): ResourceEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: namespaceEntityName(project.name),
      namespace: DEFAULT_NAMESPACE,
      title: project.displayName || project.name,
      ...(project.description ? { description: project.description } : {}),
      annotations: {
        ...managedByAnnotations(),
        [BISON_TENANT_ANNOTATION]: team.name,
        [BISON_PROJECT_ANNOTATION]: project.name,
        [KUBERNETES_NAMESPACE_ANNOTATION]: project.name,
      },
    },
    spec: {
      type: NAMESPACE_RESOURCE_TYPE,
      owner: team.groupRef,
      dependsOn: [tenantEntityRef(team.name)],
    },
  };
}

/** What {@link tenancyToEntities} made of the API records. */
export interface TenancyEntities {
  /** One Resource per team, then one per project of a known team. */
  entities: ResourceEntity[];
  /**
   * Namespaces of projects whose team is not in the team list (e.g. created
   * between the two API calls); left out until the next refresh.
   */
  skippedProjects: string[];
}

/** Maps the team and project lists of the Bison API to catalog entities. */
export function tenancyToEntities(
  teams: BisonTeam[],
  projects: BisonProject[],
): TenancyEntities {
  const teamsByName = new Map(teams.map(team => [team.name, team]));
  const entities = teams.map(teamToEntity);
  const skippedProjects: string[] = [];
  for (const project of projects) {
    const team = teamsByName.get(project.team);
    if (team) {
      entities.push(projectToEntity(project, team));
    } else {
      skippedProjects.push(project.name);
    }
  }
  return { entities, skippedProjects };
}
