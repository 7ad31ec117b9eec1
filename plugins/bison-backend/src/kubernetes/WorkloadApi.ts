import * as k8s from '@kubernetes/client-node';
import { FIELD_MANAGER } from './KubernetesApi';
import { CountedCalls } from './CountedCalls';

const MERGE_PATCH = k8s.setHeaderOptions(
  'Content-Type',
  k8s.PatchStrategy.MergePatch,
);

export type ScalableKind = 'Deployment' | 'StatefulSet';
export type SuspendableKind = 'Job' | 'CronJob';

/**
 * The calls the suspension ladder makes on workloads in a namespace: lists,
 * the scale subresource, `spec.suspend` of Jobs and CronJobs, bare pods and
 * the admission policy that blocks new pods. One API request each, counted.
 */
export class WorkloadApi extends CountedCalls {
  private readonly apps: k8s.AppsV1Api;
  private readonly batch: k8s.BatchV1Api;
  private readonly core: k8s.CoreV1Api;
  private readonly admission: k8s.AdmissionregistrationV1Api;

  constructor(kubeConfig: k8s.KubeConfig) {
    super();
    this.apps = kubeConfig.makeApiClient(k8s.AppsV1Api);
    this.batch = kubeConfig.makeApiClient(k8s.BatchV1Api);
    this.core = kubeConfig.makeApiClient(k8s.CoreV1Api);
    this.admission = kubeConfig.makeApiClient(k8s.AdmissionregistrationV1Api);
  }

  async listDeployments(namespace: string): Promise<k8s.V1Deployment[]> {
    const list = await this.call(`deployments of '${namespace}'`, () =>
      this.apps.listNamespacedDeployment({ namespace }),
    );
    return list.items;
  }

  async listStatefulSets(namespace: string): Promise<k8s.V1StatefulSet[]> {
    const list = await this.call(`statefulsets of '${namespace}'`, () =>
      this.apps.listNamespacedStatefulSet({ namespace }),
    );
    return list.items;
  }

  async listJobs(namespace: string): Promise<k8s.V1Job[]> {
    const list = await this.call(`jobs of '${namespace}'`, () =>
      this.batch.listNamespacedJob({ namespace }),
    );
    return list.items;
  }

  async listCronJobs(namespace: string): Promise<k8s.V1CronJob[]> {
    const list = await this.call(`cronjobs of '${namespace}'`, () =>
      this.batch.listNamespacedCronJob({ namespace }),
    );
    return list.items;
  }

  async listPods(namespace: string): Promise<k8s.V1Pod[]> {
    const list = await this.call(`pods of '${namespace}'`, () =>
      this.core.listNamespacedPod({ namespace }),
    );
    return list.items;
  }

  /** Replicas through the scale subresource. */
  async getReplicas(
    kind: ScalableKind,
    namespace: string,
    name: string,
  ): Promise<number> {
    const what = `${kind} '${namespace}/${name}'`;
    const scale = await this.call(what, () =>
      kind === 'Deployment'
        ? this.apps.readNamespacedDeploymentScale({ name, namespace })
        : this.apps.readNamespacedStatefulSetScale({ name, namespace }),
    );
    return scale.spec?.replicas ?? 0;
  }

  async setReplicas(
    kind: ScalableKind,
    namespace: string,
    name: string,
    replicas: number,
  ): Promise<void> {
    const what = `${kind} '${namespace}/${name}'`;
    const request = {
      name,
      namespace,
      body: { spec: { replicas } },
      fieldManager: FIELD_MANAGER,
    };
    await this.call(what, () =>
      kind === 'Deployment'
        ? this.apps.patchNamespacedDeploymentScale(request, MERGE_PATCH)
        : this.apps.patchNamespacedStatefulSetScale(request, MERGE_PATCH),
    );
  }

  async getSuspend(
    kind: SuspendableKind,
    namespace: string,
    name: string,
  ): Promise<boolean> {
    const what = `${kind} '${namespace}/${name}'`;
    const object = await this.call<{ spec?: { suspend?: boolean } }>(what, () =>
      kind === 'Job'
        ? this.batch.readNamespacedJob({ name, namespace })
        : this.batch.readNamespacedCronJob({ name, namespace }),
    );
    return object.spec?.suspend === true;
  }

  async setSuspend(
    kind: SuspendableKind,
    namespace: string,
    name: string,
    suspend: boolean,
  ): Promise<void> {
    const what = `${kind} '${namespace}/${name}'`;
    const request = {
      name,
      namespace,
      body: { spec: { suspend } },
      fieldManager: FIELD_MANAGER,
    };
    await this.call<unknown>(what, () =>
      kind === 'Job'
        ? this.batch.patchNamespacedJob(request, MERGE_PATCH)
        : this.batch.patchNamespacedCronJob(request, MERGE_PATCH),
    );
  }

  async deletePod(namespace: string, name: string): Promise<void> {
    await this.call(`pod '${namespace}/${name}'`, () =>
      this.core.deleteNamespacedPod({ name, namespace }),
    );
  }

  /** Whether the policy and its binding of that name are installed. */
  async hasAdmissionPolicy(name: string): Promise<boolean> {
    try {
      await this.call(`ValidatingAdmissionPolicy '${name}'`, () =>
        this.admission.readValidatingAdmissionPolicy({ name }),
      );
      await this.call(`ValidatingAdmissionPolicyBinding '${name}'`, () =>
        this.admission.readValidatingAdmissionPolicyBinding({ name }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'NotFoundError') return false;
      throw error;
    }
  }
}
