import { LoggerService } from '@backstage/backend-plugin-api';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { TeamStore } from './TeamStore';
import { tenancyStatusOf } from './tenancyStatus';

/**
 * Compares every team with its Capsule Tenant (one list call) and records
 * drift in the team's status: a Tenant deleted, or Bison's fields changed,
 * outside Bison. Changes of status are logged.
 */
export class TenancyReconciler {
  constructor(
    private readonly teams: TeamStore,
    private readonly kube: KubernetesApi,
    private readonly logger: LoggerService,
  ) {}

  async run(now = new Date()): Promise<void> {
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
  }
}
