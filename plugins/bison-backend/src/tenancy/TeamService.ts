import { ConflictError, NotFoundError } from '@backstage/errors';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { ResourceList, Tenant, TenantOwner } from '../kubernetes/types';
import { POOL_LABEL, TENANT_LABEL } from './kubernetesNames';
import { poolTolerationsPatch } from './nodes/poolTolerations';
import { NewTeam, Team, TeamStore } from './TeamStore';
import {
  mergeOwners,
  newTenant,
  OwnedTenantFields,
  Pool,
  readOwnedFields,
  tenantPatch,
} from './tenants/tenantFields';
import { withConflictRetry } from './withConflictRetry';

export interface TeamTenantInput {
  owners: TenantOwner[];
  hard: ResourceList;
  pool: Pool;
}

export interface TeamChanges {
  displayName?: string;
  description?: string | null;
  owners?: TenantOwner[];
  hard?: ResourceList;
  pool?: Pool;
}

/**
 * A team's life across the database and the cluster: its record and wallet
 * in Bison, its Capsule Tenant in Kubernetes. A create that fails half-way
 * undoes what it did; updates patch only the Tenant fields Bison owns.
 */
export class TeamService {
  constructor(
    private readonly teams: TeamStore,
    private readonly kube: KubernetesApi,
  ) {}

  async create(
    input: NewTeam,
    tenant: TeamTenantInput,
    actor: string,
    now: Date,
  ): Promise<Team> {
    const team = await this.teams.createTeam(input, actor, now);
    try {
      await this.kube.createTenant(newTenant(team.name, team.groupRef, tenant));
    } catch (error) {
      await this.teams.removeNewTeam(team.id);
      if (error instanceof ConflictError) {
        throw new ConflictError(
          `a Capsule Tenant named '${team.name}' already exists in the cluster`,
        );
      }
      throw error;
    }
    return team;
  }

  /** Applies the changes sent; fields not sent keep their current value. */
  async update(team: Team, changes: TeamChanges): Promise<void> {
    const touchesTenant =
      changes.owners !== undefined ||
      changes.hard !== undefined ||
      changes.pool !== undefined;
    if (touchesTenant) {
      if (changes.pool === 'shared') await this.assertNoNodes(team.name);
      await this.patchOwnedFields(team.name, current => {
        const next = { ...current, ...definedTenantChanges(changes) };
        return { ...next, owners: mergeOwners(next.owners, current.owners) };
      });
    }
    await this.teams.updateDetails(team.id, {
      displayName: changes.displayName,
      description: changes.description,
    });
  }

  private async assertNoNodes(team: string) {
    const nodes = await this.kube.listNodes(`${POOL_LABEL}=${team}`);
    if (nodes.length > 0) {
      throw new ConflictError(
        `team '${team}' has nodes reserved (${nodes
          .map(node => node.metadata!.name)
          .join(', ')}); release them before moving it to the shared pool`,
      );
    }
  }

  /**
   * Reads the Tenant, computes Bison's fields from their current values and
   * patches them, retrying when the Tenant changed in between.
   */
  async patchOwnedFields(
    name: string,
    change: (current: OwnedTenantFields, tenant: Tenant) => OwnedTenantFields,
  ): Promise<Tenant> {
    let poolChanged = false;
    const patched = await withConflictRetry(async () => {
      const tenant = await this.kube.getTenant(name);
      const current = readOwnedFields(tenant);
      const fields = change(current, tenant);
      poolChanged = fields.pool !== current.pool;
      const patch = tenantPatch(name, fields) as { metadata: object };
      return this.kube.patchTenant(name, {
        ...patch,
        metadata: {
          ...patch.metadata,
          resourceVersion: tenant.metadata.resourceVersion,
        },
      });
    });
    if (poolChanged) {
      await this.applyPoolTolerations(name, readOwnedFields(patched).pool);
    }
    return patched;
  }

  /**
   * Gives the team's namespaces the toleration of its reserved nodes' taint
   * (exclusive), or takes it away (shared); the PodTolerationRestriction
   * admission plugin adds it to their pods.
   */
  private async applyPoolTolerations(team: string, pool: Pool) {
    const namespaces = await this.kube.listNamespaces(
      `${TENANT_LABEL}=${team}`,
    );
    for (const namespace of namespaces) {
      await this.kube.patchNamespace(
        namespace.metadata!.name!,
        poolTolerationsPatch(namespace, team, pool),
      );
    }
  }

  /**
   * Deletes the team's Tenant and archives its record and wallet. Refused
   * while the team has projects, unless `cascade` deletes them first.
   */
  async delete(team: Team, cascade: boolean, now: Date): Promise<string[]> {
    const namespaces = await this.kube.listNamespaces(
      `${TENANT_LABEL}=${team.name}`,
    );
    const names = namespaces.map(namespace => namespace.metadata!.name!);
    if (names.length > 0 && !cascade) {
      throw new ConflictError(
        `team '${team.name}' still has ${names.length} project${
          names.length > 1 ? 's' : ''
        } (${names.join(', ')}); delete them first or pass cascade=true`,
      );
    }
    for (const name of names) {
      await ignoreNotFound(this.kube.deleteNamespace(name));
    }
    await ignoreNotFound(this.kube.deleteTenant(team.name));
    await this.teams.archiveTeam(team.id, now);
    return names;
  }
}

function definedTenantChanges(
  changes: TeamChanges,
): Partial<OwnedTenantFields> {
  return {
    ...(changes.owners !== undefined ? { owners: changes.owners } : {}),
    ...(changes.hard !== undefined ? { hard: changes.hard } : {}),
    ...(changes.pool !== undefined ? { pool: changes.pool } : {}),
  };
}

async function ignoreNotFound(request: Promise<void>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
}
