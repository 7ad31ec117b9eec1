import * as k8s from '@kubernetes/client-node';

/** Bison's marker on the namespaces of a suspended team. */
export const SUSPENDED_LABEL = 'bison.io/suspended';
/** Selected by the bison-block-new-pods ValidatingAdmissionPolicy binding. */
export const BLOCK_NEW_PODS_LABEL = 'bison.io/block-new-pods';
export const BLOCK_NEW_PODS_POLICY = 'bison-block-new-pods';

/** A workload of the team's namespaces, as the ladder and preview see it. */
export interface Workload {
  namespace: string;
  name: string;
  /** Pods it runs (or would run) now. */
  replicas: number;
  /** GPUs each of its pods requests. */
  gpusPerPod: number;
}

/** What the suspension ladder acts on, read from the cluster. */
export interface TeamObjects {
  tenant?: { name: string; cordoned?: boolean };
  namespaces: Array<{ name: string; labels: Record<string, string> }>;
  deployments: Workload[];
  statefulSets: Workload[];
  cronJobs: Array<Workload & { suspended: boolean }>;
  jobs: Array<Workload & { suspended: boolean; finished: boolean }>;
  barePods: Workload[];
}

/** Whether a resource key names a GPU (a whole device or a MIG slice). */
const isGpuResource = (key: string) => /gpu|\/mig-/.test(key);

/** GPUs one pod of this spec requests (the larger of request and limit). */
export function gpusPerPod(spec: k8s.V1PodSpec | undefined): number {
  let total = 0;
  for (const container of spec?.containers ?? []) {
    const { requests = {}, limits = {} } = container.resources ?? {};
    for (const key of new Set([
      ...Object.keys(requests),
      ...Object.keys(limits),
    ])) {
      if (!isGpuResource(key)) continue;
      total += Math.max(
        Number(requests[key] ?? 0) || 0,
        Number(limits[key] ?? 0) || 0,
      );
    }
  }
  return total;
}

const isFinished = (job: k8s.V1Job) =>
  (job.status?.conditions ?? []).some(
    c => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );

const isBarePod = (pod: k8s.V1Pod) =>
  (pod.metadata?.ownerReferences ?? []).length === 0 &&
  pod.status?.phase !== 'Succeeded' &&
  pod.status?.phase !== 'Failed';

const base = (object: { metadata?: k8s.V1ObjectMeta }, namespace: string) => ({
  namespace,
  name: object.metadata!.name!,
});

/** The objects of one namespace, from its lists. */
export function namespaceObjects(
  namespace: string,
  lists: {
    deployments: k8s.V1Deployment[];
    statefulSets: k8s.V1StatefulSet[];
    cronJobs: k8s.V1CronJob[];
    jobs: k8s.V1Job[];
    pods?: k8s.V1Pod[];
  },
): Omit<TeamObjects, 'tenant' | 'namespaces'> {
  return {
    deployments: lists.deployments.map(d => ({
      ...base(d, namespace),
      replicas: d.spec?.replicas ?? 1,
      gpusPerPod: gpusPerPod(d.spec?.template?.spec),
    })),
    statefulSets: lists.statefulSets.map(s => ({
      ...base(s, namespace),
      replicas: s.spec?.replicas ?? 1,
      gpusPerPod: gpusPerPod(s.spec?.template?.spec),
    })),
    cronJobs: lists.cronJobs.map(c => ({
      ...base(c, namespace),
      // Its running Jobs are listed, and counted, as Jobs.
      replicas: 0,
      gpusPerPod: gpusPerPod(c.spec?.jobTemplate?.spec?.template?.spec),
      suspended: c.spec?.suspend === true,
    })),
    jobs: lists.jobs.map(j => {
      const suspended = j.spec?.suspend === true;
      const finished = isFinished(j);
      return {
        ...base(j, namespace),
        // Before the Job controller has counted its pods, what it will run.
        replicas:
          j.status?.active ??
          (suspended || finished ? 0 : j.spec?.parallelism ?? 1),
        gpusPerPod: gpusPerPod(j.spec?.template?.spec),
        suspended,
        finished,
      };
    }),
    barePods: (lists.pods ?? []).filter(isBarePod).map(p => ({
      ...base(p, namespace),
      replicas: 1,
      gpusPerPod: gpusPerPod(p.spec),
    })),
  };
}
