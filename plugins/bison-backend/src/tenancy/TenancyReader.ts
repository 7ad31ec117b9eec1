import * as k8s from '@kubernetes/client-node';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { TenancyWatchCache } from '../kubernetes/TenancyWatchCache';
import { Tenant } from '../kubernetes/types';
import { TENANT_LABEL } from './kubernetesNames';
import { Project, toProject } from './projects/projectNamespace';
import {
  capsuleQuotaSelector,
  isCapsuleQuotaOf,
  namespaceQuotaStatus,
  QuotaStatus,
  teamQuotaStatus,
} from './quota/quotaStatus';

/** A team's state in the cluster. */
export interface TeamTenancy {
  tenant?: Tenant;
  projects: Array<Project & { quota: QuotaStatus }>;
  quota: QuotaStatus;
}

/**
 * `quotas`: Bison's project quotas (its tenant label) and, where Capsule
 * runs and they were read, Capsule's copies of the team quotas.
 */
function groupByTeam(
  teamNames: string[],
  tenants: Tenant[],
  namespaces: k8s.V1Namespace[],
  quotas: k8s.V1ResourceQuota[],
): Map<string, TeamTenancy> {
  const tenantByName = new Map(tenants.map(t => [t.metadata.name!, t]));
  const quotasByNamespace = new Map<string, k8s.V1ResourceQuota[]>();
  for (const quota of quotas) {
    const namespace = quota.metadata!.namespace!;
    quotasByNamespace.set(namespace, [
      ...(quotasByNamespace.get(namespace) ?? []),
      quota,
    ]);
  }
  const projectsByTeam = new Map<string, TeamTenancy['projects']>();
  const capsuleQuotasByTeam = new Map<string, k8s.V1ResourceQuota[]>();
  for (const namespace of namespaces) {
    const project = toProject(namespace);
    const namespaceQuotas = quotasByNamespace.get(project.name) ?? [];
    const quota = namespaceQuotaStatus(namespaceQuotas);
    projectsByTeam.set(project.team, [
      ...(projectsByTeam.get(project.team) ?? []),
      { ...project, quota },
    ]);
    capsuleQuotasByTeam.set(project.team, [
      ...(capsuleQuotasByTeam.get(project.team) ?? []),
      ...namespaceQuotas.filter(q => isCapsuleQuotaOf(q, project.team)),
    ]);
  }
  return new Map(
    teamNames.map(name => {
      const tenant = tenantByName.get(name);
      const projects = (projectsByTeam.get(name) ?? []).sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      return [
        name,
        {
          tenant,
          projects,
          quota: teamQuotaStatus(
            tenant,
            projects.map(project => project.quota),
            capsuleQuotasByTeam.get(name),
          ),
        },
      ];
    }),
  );
}

/**
 * Reads teams' tenants, project namespaces and quotas: for many teams from
 * the watch cache, or with four list calls; for one team with four calls
 * narrowed to it, so that it reflects a write made just before. The quotas
 * are Bison's project quotas and Capsule's copies of the team quotas
 * (labelled differently, hence two calls), whose tenant-wide use is the
 * team's.
 */
export class TenancyReader {
  /** The last answer from the cache, reused until the cache changes. */
  private memo?: {
    version: number;
    key: string;
    teams: Map<string, TeamTenancy>;
  };

  constructor(
    private readonly kube: KubernetesApi,
    private readonly cache?: TenancyWatchCache,
  ) {}

  /** From the watch cache when it is in sync, else with four list calls. */
  async readTeams(teamNames: string[]): Promise<Map<string, TeamTenancy>> {
    if (teamNames.length === 0) return new Map();
    const version = this.cache?.version();
    const key = teamNames.join('\n');
    if (
      version !== undefined &&
      this.memo?.version === version &&
      this.memo.key === key
    ) {
      return this.memo.teams;
    }
    const cached = version === undefined ? undefined : this.cache!.snapshot();
    if (version !== undefined && cached) {
      const teams = groupByTeam(teamNames, cached.tenants, cached.namespaces, [
        ...cached.quotas,
        ...cached.capsuleQuotas,
      ]);
      this.memo = { version, key, teams };
      return teams;
    }
    const [tenants, namespaces, quotas, capsuleQuotas] = await Promise.all([
      this.kube.listTenants(),
      this.kube.listNamespaces(TENANT_LABEL),
      this.kube.listResourceQuotas(TENANT_LABEL),
      this.kube.listResourceQuotas(capsuleQuotaSelector()),
    ]);
    return groupByTeam(teamNames, tenants, namespaces, [
      ...quotas,
      ...capsuleQuotas,
    ]);
  }

  async readTeam(team: string): Promise<TeamTenancy> {
    const selector = `${TENANT_LABEL}=${team}`;
    const [tenant, namespaces, quotas, capsuleQuotas] = await Promise.all([
      this.kube.getTenant(team).catch(error => {
        if (error.name === 'NotFoundError') return undefined;
        throw error;
      }),
      this.kube.listNamespaces(selector),
      this.kube.listResourceQuotas(selector),
      this.kube.listResourceQuotas(capsuleQuotaSelector(team)),
    ]);
    return groupByTeam([team], tenant ? [tenant] : [], namespaces, [
      ...quotas,
      ...capsuleQuotas,
    ]).get(team)!;
  }
}
