import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { TENANT_LABEL } from '../tenancy/kubernetesNames';
import { Team, TeamStore } from '../tenancy/TeamStore';

/**
 * Which live team each namespace belongs to, from Capsule's tenant label on
 * the namespace (set by Bison or Capsule, never by the team's pods).
 */
export interface NamespaceOwners {
  teamsByNamespace(): Promise<Map<string, Team>>;
}

/** Reads the mapping from the cluster with one list call. */
export class CapsuleNamespaceOwners implements NamespaceOwners {
  constructor(
    private readonly kube: KubernetesApi,
    private readonly teams: TeamStore,
  ) {}

  async teamsByNamespace(): Promise<Map<string, Team>> {
    const namespaces = await this.kube.listNamespaces(TENANT_LABEL);
    const tenantOf = new Map(
      namespaces.map(namespace => [
        namespace.metadata!.name!,
        namespace.metadata!.labels![TENANT_LABEL],
      ]),
    );
    const teams = await this.teams.getTeamsByName([
      ...new Set(tenantOf.values()),
    ]);
    const byName = new Map(teams.map(team => [team.name, team]));
    const result = new Map<string, Team>();
    for (const [namespace, tenant] of tenantOf) {
      const team = byName.get(tenant);
      if (team) result.set(namespace, team);
    }
    return result;
  }
}

/** Without a cluster no namespace belongs to a team: usage is unallocated. */
export const noNamespaceOwners: NamespaceOwners = {
  teamsByNamespace: async () => new Map(),
};
