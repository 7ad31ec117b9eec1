import * as k8s from '@kubernetes/client-node';
import { ResourceList } from '../../kubernetes/types';
import { POOL_LABEL } from '../kubernetesNames';

/** Node label NVIDIA's GPU feature discovery sets to the GPU model. */
export const GPU_PRODUCT_LABEL = 'nvidia.com/gpu.product';

export interface PoolNode {
  name: string;
  team?: string;
  ready: boolean;
  unschedulable: boolean;
  gpuModel?: string;
  capacity: ResourceList;
  allocatable: ResourceList;
}

export function teamOfNode(node: k8s.V1Node): string | undefined {
  return node.metadata?.labels?.[POOL_LABEL] || undefined;
}

export function toPoolNode(node: k8s.V1Node): PoolNode {
  const labels = node.metadata?.labels ?? {};
  const ready = (node.status?.conditions ?? []).some(
    condition => condition.type === 'Ready' && condition.status === 'True',
  );
  return {
    name: node.metadata!.name!,
    team: teamOfNode(node),
    ready,
    unschedulable: node.spec?.unschedulable ?? false,
    gpuModel: labels[GPU_PRODUCT_LABEL] || undefined,
    capacity: { ...(node.status?.capacity ?? {}) },
    allocatable: { ...(node.status?.allocatable ?? {}) },
  };
}

/** The taint that keeps other workloads off a team's reserved nodes. */
export function poolTaint(team: string): k8s.V1Taint {
  return { key: POOL_LABEL, value: team, effect: 'NoSchedule' };
}

function foreignTaints(node: k8s.V1Node): k8s.V1Taint[] {
  return (node.spec?.taints ?? []).filter(taint => taint.key !== POOL_LABEL);
}

/**
 * Reserves a node for a team: Bison's label and a NoSchedule taint, keeping
 * every other label and taint. The resourceVersion makes the patch fail
 * with a conflict if the node changed since it was read.
 */
export function assignNodePatch(node: k8s.V1Node, team: string): object {
  return {
    metadata: {
      resourceVersion: node.metadata?.resourceVersion,
      labels: { [POOL_LABEL]: team },
    },
    spec: {
      taints: [...foreignTaints(node), poolTaint(team)],
    },
  };
}

/** Removes only Bison's label and taint from a node. */
export function releaseNodePatch(node: k8s.V1Node): object {
  return {
    metadata: {
      resourceVersion: node.metadata?.resourceVersion,
      labels: { [POOL_LABEL]: null },
    },
    spec: { taints: foreignTaints(node) },
  };
}
