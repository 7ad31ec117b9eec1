import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import * as k8s from '@kubernetes/client-node';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { Tenant } from '../kubernetes/types';
import {
  DEFAULT_TOLERATIONS_ANNOTATION,
  TENANT_LABEL,
} from './kubernetesNames';
import {
  hasPoolTolerations,
  poolTolerationsPatch,
} from './nodes/poolTolerations';
import { TeamStore } from './TeamStore';
import { tenancyStatusOf } from './tenancyStatus';
import { readOwnedFields } from './tenants/tenantFields';

/**
 * Compares every team with its Capsule Tenant (one list call) and records
 * drift in the team's status: a Tenant deleted, or Bison's fields changed,
 * outside Bison. Changes of status are logged. Also keeps the node pool
 * tolerations of the teams' namespaces in line with their pool.
 */
export class TenancyReconciler {
  constructor(
    private readonly teams: TeamStore,
    private readonly kube: KubernetesApi,
    private readonly logger: LoggerService,
  ) {}

  async run(now = new Date()): Promise<void> {
    // Namespaces before Tenants: a pool change after this read changes the
    // namespaces too, and the repair's precondition then leaves them alone.
    const namespaces = await this.kube.listNamespaces(TENANT_LABEL);
    const [teams, tenants] = await Promise.all([
      this.teams.listTeams(),
      this.kube.listTenants(),
    ]);
    const tenantByName = new Map(tenants.map(t => [t.metadata.name!, t]));
    for (const team of teams) {
      const status = tenancyStatusOf(tenantByName.get(team.name), now);
      if (status.status !== team.tenancy.status) {
        const log = status.status === 'ok' ? 'info' : 'warn';
        this.logger[log](
          `Tenant of team ${team.name} is ${status.status}${
            status.problems.length ? `: ${status.problems.join('; ')}` : ''
          }`,
        );
      }
      await this.teams.saveTenancyStatus(team.id, status);
    }
    await this.repairPoolTolerations(namespaces, tenantByName);
  }

  /**
   * Gives every namespace of an exclusive team the toleration of its nodes,
   * and takes it from shared teams' namespaces: namespaces created outside
   * Bison (by Capsule tenant owners) have none of their own.
   */
  private async repairPoolTolerations(
    namespaces: k8s.V1Namespace[],
    tenantByName: Map<string, Tenant>,
  ) {
    for (const namespace of namespaces) {
      const team = namespace.metadata!.labels![TENANT_LABEL];
      const tenant = tenantByName.get(team);
      if (!tenant) continue;
      const pool = readOwnedFields(tenant).pool;
      const current =
        namespace.metadata!.annotations?.[DEFAULT_TOLERATIONS_ANNOTATION];
      if (hasPoolTolerations(current, team, pool)) continue;
      const patch = poolTolerationsPatch(namespace, team, pool) as {
        metadata: object;
      };
      try {
        // Only the namespace as listed: a pool change in between wins.
        await this.kube.patchNamespace(namespace.metadata!.name!, {
          metadata: {
            ...patch.metadata,
            resourceVersion: namespace.metadata!.resourceVersion,
          },
        });
      } catch (error) {
        if (error instanceof ConflictError || error instanceof NotFoundError) {
          continue;
        }
        throw error;
      }
      this.logger.info(
        `Namespace ${
          namespace.metadata!.name
        } of team ${team} now has the tolerations of its ${pool} node pool`,
      );
    }
  }
}
