import { ServiceUnavailableError } from '@backstage/errors';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { TenancyWatchCache } from '../kubernetes/TenancyWatchCache';
import { NodePoolService } from './NodePoolService';
import { ProjectService } from './ProjectService';
import { ResourceCatalogue } from './ResourceCatalogue';
import { TeamService } from './TeamService';
import { TeamStore } from './TeamStore';
import { TenancyReader } from './TenancyReader';

/** Everything that talks to the cluster, built once from its client. */
export interface Tenancy {
  kube: KubernetesApi;
  systemNamespace: string;
  reader: TenancyReader;
  teams: TeamService;
  projects: ProjectService;
  nodes: NodePoolService;
  resources: ResourceCatalogue;
}

export function createTenancy(
  kube: KubernetesApi,
  teamStore: TeamStore,
  systemNamespace: string,
  cache?: TenancyWatchCache,
): Tenancy {
  const teams = new TeamService(teamStore, kube);
  return {
    kube,
    systemNamespace,
    reader: new TenancyReader(kube, cache),
    teams,
    projects: new ProjectService(kube),
    nodes: new NodePoolService(kube, teams),
    resources: new ResourceCatalogue(kube),
  };
}

/** The tenancy services, or a 503 when no cluster is configured. */
export function requireTenancy(tenancy: Tenancy | undefined): Tenancy {
  if (!tenancy) {
    throw new ServiceUnavailableError(
      'no Kubernetes cluster is configured (bison.kubernetes)',
    );
  }
  return tenancy;
}
