import * as k8s from '@kubernetes/client-node';
import { Tenant } from '../../kubernetes/types';
import {
  DEFAULT_TOLERATIONS_ANNOTATION,
  DESCRIPTION_ANNOTATION,
  DISPLAY_NAME_ANNOTATION,
  MANAGED_BY_BISON,
  MANAGED_BY_LABEL,
  TENANT_LABEL,
} from '../kubernetesNames';
import { poolTolerationsValue } from '../nodes/poolTolerations';
import { readOwnedFields } from '../tenants/tenantFields';

/** A project: a namespace of a team's Tenant. */
export interface Project {
  name: string;
  team: string;
  displayName: string;
  description?: string;
  phase: string;
  createdAt: Date;
}

export interface ProjectDetails {
  displayName?: string;
  description?: string;
}

function detailAnnotations(details: ProjectDetails) {
  return {
    ...(details.displayName !== undefined
      ? { [DISPLAY_NAME_ANNOTATION]: details.displayName || null }
      : {}),
    ...(details.description !== undefined
      ? { [DESCRIPTION_ANNOTATION]: details.description || null }
      : {}),
  };
}

/**
 * The namespace of a new project: Capsule's tenant label and the Tenant
 * ownerReference (what Capsule's own webhook would set), so Capsule counts
 * it against the team's quota and node selector.
 */
export function newProjectNamespace(
  name: string,
  tenant: Tenant,
  details: ProjectDetails,
): k8s.V1Namespace {
  const team = tenant.metadata.name!;
  const annotations = Object.fromEntries(
    Object.entries({
      ...detailAnnotations(details),
      [DEFAULT_TOLERATIONS_ANNOTATION]: poolTolerationsValue(
        undefined,
        team,
        readOwnedFields(tenant).pool,
      ),
    }).filter(([, value]) => value !== null),
  ) as Record<string, string>;
  return {
    metadata: {
      name,
      labels: {
        [TENANT_LABEL]: team,
        [MANAGED_BY_LABEL]: MANAGED_BY_BISON,
      },
      annotations,
      ownerReferences: [
        {
          apiVersion: tenant.apiVersion,
          kind: tenant.kind,
          name: tenant.metadata.name!,
          uid: tenant.metadata.uid!,
        },
      ],
    },
  };
}

/** A merge patch of the display name and description only. */
export function projectDetailsPatch(details: ProjectDetails): object {
  return { metadata: { annotations: detailAnnotations(details) } };
}

export function isNamespaceOfTeam(
  namespace: k8s.V1Namespace,
  team: string,
): boolean {
  return namespace.metadata?.labels?.[TENANT_LABEL] === team;
}

export function toProject(namespace: k8s.V1Namespace): Project {
  const metadata = namespace.metadata!;
  const annotations = metadata.annotations ?? {};
  return {
    name: metadata.name!,
    team: metadata.labels?.[TENANT_LABEL] ?? '',
    displayName: annotations[DISPLAY_NAME_ANNOTATION] || metadata.name!,
    description: annotations[DESCRIPTION_ANNOTATION] || undefined,
    phase: namespace.status?.phase ?? 'Active',
    createdAt: new Date(metadata.creationTimestamp ?? 0),
  };
}
