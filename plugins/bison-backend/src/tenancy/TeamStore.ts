import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { BisonTeamQuery } from '@bison/plugin-bison-node';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { dateFromDb } from '../database/dbValues';
import { applyTeamCriteria } from '../permissions/applyTeamCriteria';
import { TenancyStatus } from './tenancyStatus';

export interface Team {
  id: string;
  name: string;
  groupRef: string;
  displayName: string;
  description?: string;
  createdAt: Date;
  createdBy: string;
  /** What the reconcile task last found about the team's Tenant. */
  tenancy: TenancyStatus;
}

export interface NewTeam {
  name: string;
  groupRef: string;
  displayName: string;
  description?: string;
}

export interface TeamRow {
  id: string;
  name: string;
  group_ref: string;
  display_name: string;
  description: string | null;
  created_at: Date | number | string;
  created_by: string;
  tenancy_status?: string;
  tenancy_problems?: string | null;
  tenancy_checked_at?: Date | number | string | null;
}

function tenancyOf(row: TeamRow): TenancyStatus {
  return {
    status: (row.tenancy_status as TenancyStatus['status']) ?? 'unknown',
    problems: row.tenancy_problems ? JSON.parse(row.tenancy_problems) : [],
    checkedAt: dateFromDb(row.tenancy_checked_at ?? row.created_at),
  };
}

export function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    groupRef: row.group_ref,
    displayName: row.display_name,
    description: row.description ?? undefined,
    createdAt: dateFromDb(row.created_at),
    createdBy: row.created_by,
    tenancy: tenancyOf(row),
  };
}

/** Live (not archived) teams and the creation of a team with its wallet. */
export class TeamStore {
  constructor(private readonly knex: Knex) {}

  /** Creates the team record and its empty wallet in one transaction. */
  async createTeam(input: NewTeam, actor: string, now: Date): Promise<Team> {
    const row: TeamRow = {
      id: randomUUID(),
      name: input.name,
      group_ref: input.groupRef,
      display_name: input.displayName,
      description: input.description ?? null,
      created_at: now,
      created_by: actor,
    };
    try {
      await this.knex.transaction(async trx => {
        await trx('teams').insert(row);
        await trx('wallets').insert({ team_id: row.id, updated_at: now });
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw new ConflictError(`A team named '${input.name}' already exists`);
      }
      throw error;
    }
    return toTeam(row);
  }

  /** Undoes {@link TeamStore.createTeam} of a team nothing was posted to. */
  async removeNewTeam(id: string): Promise<void> {
    await this.knex.transaction(async trx => {
      const posted = await trx('ledger_entries').where({ team_id: id }).first();
      if (posted) return;
      await trx('auto_recharge').where({ team_id: id }).delete();
      await trx('wallets').where({ team_id: id }).delete();
      await trx('teams').where({ id }).delete();
    });
  }

  async updateDetails(
    id: string,
    details: { displayName?: string; description?: string | null },
  ): Promise<void> {
    const changes = {
      ...(details.displayName !== undefined
        ? { display_name: details.displayName }
        : {}),
      ...(details.description !== undefined
        ? { description: details.description }
        : {}),
    };
    if (Object.keys(changes).length === 0) return;
    await this.knex('teams').where({ id }).update(changes);
  }

  /** Archives the team and its wallet; the ledger is kept. */
  async archiveTeam(id: string, now: Date): Promise<void> {
    await this.knex.transaction(async trx => {
      await trx('teams').where({ id }).update({ archived_at: now });
      await trx('wallets').where({ team_id: id }).update({ archived_at: now });
    });
  }

  async saveTenancyStatus(id: string, tenancy: TenancyStatus): Promise<void> {
    await this.knex('teams')
      .where({ id })
      .update({
        tenancy_status: tenancy.status,
        tenancy_problems: JSON.stringify(tenancy.problems),
        tenancy_checked_at: tenancy.checkedAt,
      });
  }

  async getTeam(name: string): Promise<Team | undefined> {
    const row = await this.live().where({ name }).first();
    return row ? toTeam(row) : undefined;
  }

  async getTeamById(id: string): Promise<Team | undefined> {
    const row = await this.live().where({ id }).first();
    return row ? toTeam(row) : undefined;
  }

  /** Teams by id, archived ones included (reports name past teams too). */
  async getTeamsById(ids: string[]): Promise<Team[]> {
    if (ids.length === 0) return [];
    const rows = await this.knex<TeamRow>('teams').whereIn('id', ids);
    return rows.map(toTeam);
  }

  /** The teams of these ids that are not archived. */
  async getLiveTeamsById(ids: string[]): Promise<Team[]> {
    if (ids.length === 0) return [];
    const rows = await this.live().whereIn('id', ids);
    return rows.map(toTeam);
  }

  async getTeamsByName(names: string[]): Promise<Team[]> {
    const rows = await this.live().whereIn('name', names);
    return rows.map(toTeam);
  }

  /** Live teams, optionally narrowed by a conditional permission decision. */
  async listTeams(
    filter?: PermissionCriteria<BisonTeamQuery>,
  ): Promise<Team[]> {
    const query = this.live().orderBy('name');
    if (filter) applyTeamCriteria(query, filter);
    return (await query).map(toTeam);
  }

  private live() {
    return this.knex<TeamRow>('teams')
      .select<TeamRow[]>(
        'id',
        'name',
        'group_ref',
        'display_name',
        'description',
        'created_at',
        'created_by',
        'tenancy_status',
        'tenancy_problems',
        'tenancy_checked_at',
      )
      .whereNull('archived_at');
  }
}
