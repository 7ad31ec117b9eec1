import { TimeWindow } from '@bison/plugin-bison-common';
import * as k8s from '@kubernetes/client-node';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { TENANT_LABEL } from '../tenancy/kubernetesNames';
import { Team, TeamStore } from '../tenancy/TeamStore';
import { NamespaceOwnerHistory } from './NamespaceOwnerHistory';

/**
 * Which team each namespace belongs to, from Capsule's tenant label on the
 * namespace (set by Bison or Capsule, never by the team's pods).
 */
export interface NamespaceOwners {
  /**
   * Notes who owns each namespace now. The engine calls it on every run, so
   * that a namespace deleted before its windows are billed is still charged
   * to its team.
   */
  observe(): Promise<void>;
  /** The live team that owned each namespace during the window. */
  teamsDuring(window: TimeWindow): Promise<Map<string, Team>>;
}

const RECORD_INTERVAL_MS = 60_000;

/**
 * How long owners of deleted namespaces are kept: far longer than billing
 * ever lags (a run catches up 48 windows every 5 minutes by default).
 */
const HISTORY_RETENTION_MS = 90 * 24 * 3_600_000;

function sameOwners(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [namespace, teamId] of a) {
    if (b.get(namespace) !== teamId) return false;
  }
  return true;
}

/**
 * Reads the owners from the cluster with one list call and keeps their
 * history, so that a namespace deleted or moved to another team keeps its
 * owner for the windows it had it. Owners are observed on every billing
 * run (5 minutes by default) and, through the tenancy watch, at each
 * namespace's deletion.
 */
export class CapsuleNamespaceOwners implements NamespaceOwners {
  private lastRecorded?: { at: Date; owners: Map<string, string> };

  constructor(
    private readonly kube: KubernetesApi,
    private readonly teams: TeamStore,
    private readonly history: NamespaceOwnerHistory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async observe(): Promise<void> {
    await this.readAndRecord();
    await this.history.forgetSeenBefore(
      new Date(this.now().getTime() - HISTORY_RETENTION_MS),
    );
  }

  /**
   * Notes a namespace's owner at its deletion (from the tenancy watch), so
   * that its usage up to then is its team's even between observations.
   */
  async noteDeleted(namespace: k8s.V1Namespace): Promise<void> {
    const tenant = namespace.metadata?.labels?.[TENANT_LABEL];
    if (!tenant) return;
    const [team] = await this.teams.getTeamsByName([tenant]);
    if (!team) return;
    await this.history.record(
      new Map([[namespace.metadata!.name!, team.id]]),
      this.now(),
    );
  }

  async teamsDuring(window: TimeWindow): Promise<Map<string, Team>> {
    const current = await this.readAndRecord();
    const owners = await this.history.ownersDuring(window);
    const liveById = new Map(
      [...current.values()].map(team => [team.id, team]),
    );
    const formerIds = [...new Set(owners.values())].filter(
      id => !liveById.has(id),
    );
    for (const team of await this.teams.getLiveTeamsById(formerIds)) {
      liveById.set(team.id, team);
    }
    const result = new Map<string, Team>();
    for (const [namespace, teamId] of owners) {
      const team = liveById.get(teamId);
      if (team) result.set(namespace, team);
    }
    return result;
  }

  /**
   * Reads the current owners and records them when they changed or a
   * minute has passed: a catch-up run bills many windows in a row, and
   * recording 20,000 unchanged namespaces costs about half a second.
   */
  private async readAndRecord(): Promise<Map<string, Team>> {
    const current = await this.current();
    const owners = new Map(
      [...current].map(([namespace, team]) => [namespace, team.id]),
    );
    const now = this.now();
    const last = this.lastRecorded;
    if (
      !last ||
      now.getTime() - last.at.getTime() >= RECORD_INTERVAL_MS ||
      !sameOwners(owners, last.owners)
    ) {
      await this.history.record(owners, now);
      this.lastRecorded = { at: now, owners };
    }
    return current;
  }

  private async current(): Promise<Map<string, Team>> {
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

/** A fixed mapping: without a cluster (empty: all usage unallocated), in tests and benchmarks. */
export function fixedNamespaceOwners(
  teamsByNamespace: Map<string, Team> = new Map(),
): NamespaceOwners {
  return {
    observe: async () => {},
    teamsDuring: async () => teamsByNamespace,
  };
}
