import * as k8s from '@kubernetes/client-node';
import { CountedCalls } from './CountedCalls';
import { Tenant, TENANT_API } from './types';

const MERGE_PATCH = k8s.setHeaderOptions(
  'Content-Type',
  k8s.PatchStrategy.MergePatch,
);

/** Field manager recorded on every object Bison writes. */
export const FIELD_MANAGER = 'bison';

/**
 * The Kubernetes calls Bison makes, each one API request, counted so tests
 * and benchmarks can prove that lists are not N+1. Failures become Backstage
 * errors (404 → NotFoundError, 409 → ConflictError, 422 → InputError).
 */
export class KubernetesApi extends CountedCalls {
  private readonly core: k8s.CoreV1Api;
  private readonly custom: k8s.CustomObjectsApi;

  constructor(kubeConfig: k8s.KubeConfig) {
    super();
    this.core = kubeConfig.makeApiClient(k8s.CoreV1Api);
    this.custom = kubeConfig.makeApiClient(k8s.CustomObjectsApi);
  }

  // Tenants

  async listTenants(labelSelector?: string): Promise<Tenant[]> {
    const list = await this.call('tenants', () =>
      this.custom.listClusterCustomObject({ ...TENANT_API, labelSelector }),
    );
    return list.items as Tenant[];
  }

  async getTenant(name: string): Promise<Tenant> {
    return this.call(`tenant '${name}'`, () =>
      this.custom.getClusterCustomObject({ ...TENANT_API, name }),
    );
  }

  async createTenant(tenant: Tenant): Promise<Tenant> {
    return this.call(`tenant '${tenant.metadata.name}'`, () =>
      this.custom.createClusterCustomObject({
        ...TENANT_API,
        body: tenant,
        fieldManager: FIELD_MANAGER,
      }),
    );
  }

  async patchTenant(name: string, patch: object): Promise<Tenant> {
    return this.call(`tenant '${name}'`, () =>
      this.custom.patchClusterCustomObject(
        { ...TENANT_API, name, body: patch, fieldManager: FIELD_MANAGER },
        MERGE_PATCH,
      ),
    );
  }

  async deleteTenant(name: string): Promise<void> {
    await this.call(`tenant '${name}'`, () =>
      this.custom.deleteClusterCustomObject({ ...TENANT_API, name }),
    );
  }

  // Namespaces

  async listNamespaces(labelSelector: string): Promise<k8s.V1Namespace[]> {
    const list = await this.call('namespaces', () =>
      this.core.listNamespace({ labelSelector }),
    );
    return list.items;
  }

  async getNamespace(name: string): Promise<k8s.V1Namespace> {
    return this.call(`namespace '${name}'`, () =>
      this.core.readNamespace({ name }),
    );
  }

  async createNamespace(namespace: k8s.V1Namespace): Promise<k8s.V1Namespace> {
    return this.call(`namespace '${namespace.metadata?.name}'`, () =>
      this.core.createNamespace({
        body: namespace,
        fieldManager: FIELD_MANAGER,
      }),
    );
  }

  async patchNamespace(name: string, patch: object): Promise<k8s.V1Namespace> {
    return this.call(`namespace '${name}'`, () =>
      this.core.patchNamespace(
        { name, body: patch, fieldManager: FIELD_MANAGER },
        MERGE_PATCH,
      ),
    );
  }

  async deleteNamespace(name: string): Promise<void> {
    await this.call(`namespace '${name}'`, () =>
      this.core.deleteNamespace({ name }),
    );
  }

  // ResourceQuotas

  /** ResourceQuotas of every namespace matching the label selector. */
  async listResourceQuotas(
    labelSelector?: string,
  ): Promise<k8s.V1ResourceQuota[]> {
    const list = await this.call('resource quotas', () =>
      this.core.listResourceQuotaForAllNamespaces({ labelSelector }),
    );
    return list.items;
  }

  async listNamespaceResourceQuotas(
    namespace: string,
  ): Promise<k8s.V1ResourceQuota[]> {
    const list = await this.call(`resource quotas of '${namespace}'`, () =>
      this.core.listNamespacedResourceQuota({ namespace }),
    );
    return list.items;
  }

  async createResourceQuota(
    namespace: string,
    quota: k8s.V1ResourceQuota,
  ): Promise<k8s.V1ResourceQuota> {
    return this.call(`resource quota of '${namespace}'`, () =>
      this.core.createNamespacedResourceQuota({
        namespace,
        body: quota,
        fieldManager: FIELD_MANAGER,
      }),
    );
  }

  async replaceResourceQuota(
    namespace: string,
    quota: k8s.V1ResourceQuota,
  ): Promise<k8s.V1ResourceQuota> {
    return this.call(`resource quota of '${namespace}'`, () =>
      this.core.replaceNamespacedResourceQuota({
        name: quota.metadata!.name!,
        namespace,
        body: quota,
        fieldManager: FIELD_MANAGER,
      }),
    );
  }

  async deleteResourceQuota(namespace: string, name: string): Promise<void> {
    await this.call(`resource quota of '${namespace}'`, () =>
      this.core.deleteNamespacedResourceQuota({ name, namespace }),
    );
  }

  // Nodes

  async listNodes(labelSelector?: string): Promise<k8s.V1Node[]> {
    const list = await this.call('nodes', () =>
      this.core.listNode({ labelSelector }),
    );
    return list.items;
  }

  async getNode(name: string): Promise<k8s.V1Node> {
    return this.call(`node '${name}'`, () => this.core.readNode({ name }));
  }

  async patchNode(name: string, patch: object): Promise<k8s.V1Node> {
    return this.call(`node '${name}'`, () =>
      this.core.patchNode(
        { name, body: patch, fieldManager: FIELD_MANAGER },
        MERGE_PATCH,
      ),
    );
  }
}
