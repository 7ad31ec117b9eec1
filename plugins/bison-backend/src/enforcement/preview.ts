import { TeamObjects, Workload } from './ladder/teamObjects';

export type StoppedKind =
  | 'Deployment'
  | 'StatefulSet'
  | 'CronJob'
  | 'Job'
  | 'Pod';

export interface StoppedWorkload {
  kind: StoppedKind;
  namespace: string;
  name: string;
  replicas: number;
  gpus: number;
}

export interface SuspensionPreview {
  namespaces: string[];
  workloads: StoppedWorkload[];
  gpus: number;
}

/**
 * What suspending a team with these steps would stop: running workloads,
 * active CronJobs and Jobs, bare pods when they are deleted, and the GPUs
 * all of them request.
 */
export function previewSuspension(
  objects: TeamObjects,
  options: { deleteBarePods: boolean },
): SuspensionPreview {
  const of = (kind: StoppedKind, items: Workload[]) =>
    items.map(w => ({
      kind,
      namespace: w.namespace,
      name: w.name,
      replicas: w.replicas,
      gpus: w.replicas * w.gpusPerPod,
    }));
  const workloads = [
    ...of(
      'Deployment',
      objects.deployments.filter(w => w.replicas > 0),
    ),
    ...of(
      'StatefulSet',
      objects.statefulSets.filter(w => w.replicas > 0),
    ),
    ...of(
      'CronJob',
      objects.cronJobs.filter(c => !c.suspended),
    ),
    ...of(
      'Job',
      objects.jobs.filter(j => !j.suspended && !j.finished),
    ),
    ...(options.deleteBarePods ? of('Pod', objects.barePods) : []),
  ];
  return {
    namespaces: objects.namespaces.map(ns => ns.name),
    workloads,
    gpus: workloads.reduce((sum, w) => sum + w.gpus, 0),
  };
}
