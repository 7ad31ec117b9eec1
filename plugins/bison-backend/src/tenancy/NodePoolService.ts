import { ConflictError } from '@backstage/errors';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { POOL_LABEL } from './kubernetesNames';
import {
  assignNodePatch,
  PoolNode,
  releaseNodePatch,
  teamOfNode,
  toPoolNode,
} from './nodes/nodePool';
import { TeamService } from './TeamService';
import { withConflictRetry } from './withConflictRetry';

/**
 * Node pools: a node is shared, or reserved for one team by Bison's label
 * and NoSchedule taint, with the team's Tenant nodeSelector pointing at it.
 * Only Bison's own label and taint are ever changed on a node.
 */
export class NodePoolService {
  constructor(
    private readonly kube: KubernetesApi,
    private readonly teams: TeamService,
  ) {}

  async list(): Promise<PoolNode[]> {
    const nodes = await this.kube.listNodes();
    return nodes.map(toPoolNode).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Reserves the node for `team` and moves the team to its own pool. */
  async assign(nodeName: string, team: string): Promise<PoolNode> {
    const node = await withConflictRetry(async () => {
      const current = await this.kube.getNode(nodeName);
      const owner = teamOfNode(current);
      if (owner && owner !== team) {
        throw new ConflictError(
          `node '${nodeName}' is reserved for team '${owner}'; release it first`,
        );
      }
      return this.kube.patchNode(nodeName, assignNodePatch(current, team));
    });
    try {
      await this.teams.patchOwnedFields(team, current => ({
        ...current,
        pool: 'exclusive',
      }));
    } catch (error) {
      await this.release(nodeName).catch(() => undefined);
      throw error;
    }
    return toPoolNode(node);
  }

  /**
   * Returns the node to the shared pool. The team stays exclusive (its pods
   * wait for another node) until it is moved to the shared pool explicitly.
   */
  async release(nodeName: string): Promise<PoolNode> {
    const node = await withConflictRetry(async () => {
      const current = await this.kube.getNode(nodeName);
      const tainted = (current.spec?.taints ?? []).some(
        taint => taint.key === POOL_LABEL,
      );
      if (!current.metadata?.labels?.[POOL_LABEL] && !tainted) return current;
      return this.kube.patchNode(nodeName, releaseNodePatch(current));
    });
    return toPoolNode(node);
  }
}
