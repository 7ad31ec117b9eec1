import { ConflictError, NotFoundError } from '@backstage/errors';
import * as k8s from '@kubernetes/client-node';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { ResourceList } from '../kubernetes/types';
import {
  MANAGED_BY_BISON,
  MANAGED_BY_LABEL,
  PROJECT_QUOTA_NAME,
  TENANT_LABEL,
} from './kubernetesNames';
import {
  isNamespaceOfTeam,
  newProjectNamespace,
  Project,
  ProjectDetails,
  projectDetailsPatch,
  toProject,
} from './projects/projectNamespace';
import { namespaceQuotaStatus, QuotaStatus } from './quota/quotaStatus';

export type ProjectWithQuota = Project & { quota: QuotaStatus };

function projectQuota(team: string, hard: ResourceList): k8s.V1ResourceQuota {
  return {
    metadata: {
      name: PROJECT_QUOTA_NAME,
      labels: { [TENANT_LABEL]: team, [MANAGED_BY_LABEL]: MANAGED_BY_BISON },
    },
    spec: { hard },
  };
}

/**
 * Projects are namespaces of a team's Tenant. Only namespaces carrying the
 * team's tenant label can be read, changed or deleted through a team.
 */
export class ProjectService {
  constructor(private readonly kube: KubernetesApi) {}

  async get(team: string, name: string): Promise<ProjectWithQuota> {
    const namespace = await this.teamNamespace(team, name);
    return this.withQuota(namespace);
  }

  /** A project by namespace name, whatever its team. */
  async find(name: string): Promise<ProjectWithQuota> {
    const namespace = await this.kube.getNamespace(name).catch(error => {
      throw error instanceof NotFoundError
        ? new NotFoundError(`no project '${name}'`)
        : error;
    });
    if (!namespace.metadata?.labels?.[TENANT_LABEL]) {
      throw new NotFoundError(`namespace '${name}' is not a Bison project`);
    }
    return this.withQuota(namespace);
  }

  async create(
    team: string,
    name: string,
    details: ProjectDetails,
    hard: ResourceList | undefined,
  ): Promise<ProjectWithQuota> {
    const tenant = await this.kube.getTenant(team).catch(error => {
      throw error instanceof NotFoundError
        ? new ConflictError(
            `team '${team}' has no Capsule Tenant in the cluster; it was deleted outside Bison`,
          )
        : error;
    });
    let namespace: k8s.V1Namespace;
    try {
      namespace = await this.kube.createNamespace(
        newProjectNamespace(name, tenant, details),
      );
    } catch (error) {
      if (error instanceof ConflictError) {
        throw new ConflictError(`namespace '${name}' already exists`);
      }
      throw error;
    }
    if (hard && Object.keys(hard).length > 0) {
      try {
        await this.kube.createResourceQuota(name, projectQuota(team, hard));
      } catch (error) {
        await this.kube.deleteNamespace(name).catch(() => undefined);
        throw error;
      }
    }
    return this.withQuota(namespace);
  }

  async update(
    team: string,
    name: string,
    details: ProjectDetails,
  ): Promise<ProjectWithQuota> {
    await this.teamNamespace(team, name);
    const namespace = await this.kube.patchNamespace(
      name,
      projectDetailsPatch(details),
    );
    return this.withQuota(namespace);
  }

  async delete(team: string, name: string): Promise<void> {
    await this.teamNamespace(team, name);
    await this.kube.deleteNamespace(name);
  }

  /** Sets the project's own quota; an empty `hard` removes it. */
  async putQuota(
    team: string,
    name: string,
    hard: ResourceList,
  ): Promise<ProjectWithQuota> {
    const namespace = await this.teamNamespace(team, name);
    const existing = (await this.kube.listNamespaceResourceQuotas(name)).find(
      quota => quota.metadata?.name === PROJECT_QUOTA_NAME,
    );
    if (Object.keys(hard).length === 0) {
      if (existing) {
        await this.kube.deleteResourceQuota(name, PROJECT_QUOTA_NAME);
      }
    } else if (existing) {
      const quota = projectQuota(team, hard);
      quota.metadata!.resourceVersion = existing.metadata?.resourceVersion;
      await this.kube.replaceResourceQuota(name, quota);
    } else {
      await this.kube.createResourceQuota(name, projectQuota(team, hard));
    }
    return this.withQuota(namespace);
  }

  private async teamNamespace(
    team: string,
    name: string,
  ): Promise<k8s.V1Namespace> {
    const notFound = new NotFoundError(
      `team '${team}' has no project '${name}'`,
    );
    const namespace = await this.kube.getNamespace(name).catch(error => {
      throw error instanceof NotFoundError ? notFound : error;
    });
    if (!isNamespaceOfTeam(namespace, team)) throw notFound;
    return namespace;
  }

  private async withQuota(
    namespace: k8s.V1Namespace,
  ): Promise<ProjectWithQuota> {
    const project = toProject(namespace);
    const quotas = await this.kube.listNamespaceResourceQuotas(project.name);
    return { ...project, quota: namespaceQuotaStatus(quotas) };
  }
}
